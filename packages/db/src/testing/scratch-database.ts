import { openDatabase } from '../open-database.ts';

/**
 * A database of its own on the Postgres server at `url`, for a test whose behaviour depends on
 * every board in the database (a start-up scan), which the shared test database cannot give.
 * `drop()` removes it.
 */
export async function createScratchDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = await openDatabase({ url, max: 1 });
  const name = `pairboard_scratch_${crypto.randomUUID().replaceAll('-', '')}`;
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.close();
  }
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    async drop() {
      const again = await openDatabase({ url, max: 1 });
      try {
        await again.query(`drop database if exists ${name} with (force)`);
      } finally {
        await again.close();
      }
    },
  };
}
