import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase } from '../open-database.ts';

/**
 * A fresh PGlite data directory costs ~13 s (initdb runs in WASM) on a CI-sized machine, and a
 * copy of an initialised one costs milliseconds. The template is built once per machine and
 * PGlite version; migrations still run on every open, so a template older than the code is fine.
 */
export function pgliteTemplateDir(): string {
  return join(tmpdir(), `pairboard-pglite-template-${pgliteVersion()}`);
}

/** Copies the template named by PAIRBOARD_PGLITE_TEMPLATE (if any) into a new temp directory. */
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

/** The package does not export its package.json, so walk up from its entry point. */
function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (dir !== dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (name === '@electric-sql/pglite' && version) return version;
    }
    dir = dirname(dir);
  }
  return 'unknown';
}
