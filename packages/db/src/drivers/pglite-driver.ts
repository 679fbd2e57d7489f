import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from '../database.ts';

/**
 * Embedded Postgres (PGlite, WASM) persisted in `dataDir`, or in memory without one. It is a
 * single connection: PGlite queues `query` and `transaction` calls behind one mutex, so a
 * transaction is never interleaved with other statements.
 */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);

  const queryOn = (runner: Pick<PGlite, 'query'>): Queryable['query'] => {
    return async <Row>(text: string, params: readonly unknown[] = []) => {
      const result = await runner.query<Row>(text, [...params]);
      return result.rows;
    };
  };

  return {
    driver: 'pglite',
    query: queryOn(pg),
    transaction: (fn) => pg.transaction((tx) => fn({ query: queryOn(tx) })),
    async ping() {
      await pg.query('select 1');
    },
    close: () => pg.close(),
  };
}
