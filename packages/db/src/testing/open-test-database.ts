import { rmSync } from 'node:fs';
import type { Database } from '../database.ts';
import { openDatabase } from '../open-database.ts';
import { freshPgliteDataDir } from './pglite-template.ts';

/**
 * Opens a migrated database for an integration test file: the server at `url` when given
 * (pass `process.env.DATABASE_URL`), else PGlite in a temporary copy of the initialised template
 * (vitest's globalSetup builds it; without one, PGlite runs initdb itself). Open it once per file in
 * `beforeAll` and close it in `afterAll`: PGlite costs about 0.6 GB and 2 s per instance.
 * Tests share the database, so each must use its own random ids (`randomTestId`).
 *
 * @example
 * let db: Database;
 * beforeAll(async () => { db = await openTestDatabase({ url: process.env.DATABASE_URL }); });
 * afterAll(() => db.close());
 */
export async function openTestDatabase(options: { url?: string } = {}): Promise<Database> {
  // A small pool: test files run in parallel against one server.
  if (options.url) return openDatabase({ url: options.url, max: 4 });
  const dataDir = freshPgliteDataDir();
  const db = await openDatabase({ dataDir });
  return {
    ...db,
    driver: db.driver,
    query: db.query.bind(db),
    transaction: db.transaction.bind(db),
    ping: db.ping.bind(db),
    async close() {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A unique id for a test's board or user, readable in a failing test's output. */
export function randomTestId(prefix = 'test'): string {
  return `${prefix}-${crypto.randomUUID()}`;
}
