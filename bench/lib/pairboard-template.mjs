/*
 * A Pairboard data directory prepared once per bench run: a fresh embedded database costs
 * seconds of initdb and migrations (WASM) at every server start; bench/servers/pairboard.mjs
 * copies this directory instead (BENCH_PAIRBOARD_TEMPLATE), so every run still gets a fresh
 * server and database, just sooner.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.mjs';

const MAIN = fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url));

/** Boots the server once on a new data directory, stops it cleanly, and answers the directory. */
export async function preparePairboardTemplate({ timeoutMs = 120_000 } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pairboard-bench-template-'));
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...env } = process.env;
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      EXIT_WITH_PARENT: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error('Pairboard did not start on a fresh data directory');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  await exited;
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}
