import { ensurePgliteTemplate } from '@pairboard/db/testing';

/** Integration runs on PGlite get an initialised data directory to copy (see db's pglite-template.ts). */
export default async function setup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  process.env.PAIRBOARD_PGLITE_TEMPLATE = await ensurePgliteTemplate();
}
