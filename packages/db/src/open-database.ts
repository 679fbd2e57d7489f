import type { Database, OpenDatabaseOptions } from './database.ts';
import { openPgliteDatabase } from './drivers/pglite-driver.ts';
import { openPostgresDatabase } from './drivers/postgres-driver.ts';
import { migrate } from './migrate.ts';

/**
 * Opens the database and migrates it before resolving. With `url`, a postgres.js pool on that
 * server; otherwise embedded PGlite, persisted in `dataDir` or in memory.
 *
 * @example
 * const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const db =
    options.url !== undefined && options.url !== ''
      ? openPostgresDatabase(options.url, options.max)
      : await openPgliteDatabase(options.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
