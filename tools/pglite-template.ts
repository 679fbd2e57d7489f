import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh PGlite data directory costs ~13 s (initdb runs in WASM) on a CI-sized machine, and a
 * copy of an initialised one costs milliseconds. The template is built once per machine and
 * PGlite version; migrations still run on every open, so a template older than the code is fine.
 */
export function pgliteTemplateDir(): string {
  // The package does not export its package.json; read it from the hoisted install.
  const manifest = new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return join(tmpdir(), `pairboard-pglite-template-${version}`);
}

/** Copies the template (if it exists) into a new temporary directory and returns its path. */
export function freshPgliteDataDir(prefix = 'pairboard-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const template = process.env.PAIRBOARD_PGLITE_TEMPLATE;
  if (template && existsSync(template)) cpSync(template, dir, { recursive: true });
  return dir;
}

/** Builds the template directory if missing; safe when two processes race (atomic rename). */
export async function ensurePgliteTemplate(): Promise<string> {
  const target = pgliteTemplateDir();
  if (existsSync(target)) return target;
  const { openDatabase } = await import('@pairboard/db');
  const building = mkdtempSync(`${target}-building-`);
  const db = await openDatabase({ dataDir: building });
  await db.close();
  try {
    renameSync(building, target);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return target;
}
