#!/usr/bin/env node
/*
 * Pairboard's own server (apps/server/src/main.ts) as a child process, with the abuse limits
 * raised so that the load generator is not throttled. Storage: the embedded database in a fresh
 * data directory, or the Postgres database named by DATABASE_URL; BOARD_LOG=memory keeps board
 * updates in the process (like the peers), over the board's stored creation state.
 *
 * It signs up one owner, creates BENCH_BOARDS boards over the HTTP API (a few at a time), each
 * with an editor access token unless BENCH_TOKENS=0, then prints `target <json>` (with the
 * server's pid, not ours, and the owner's session cookie and Origin for owner connections) and
 * `listening <port>`. BENCH_INSPECT=1 starts the server with `--inspect=127.0.0.1:0` and puts the
 * inspector's address in the target, so a scenario can force a GC (the server has no hook of its own).
 *
 * BENCH_PAIRBOARD_TEMPLATE names a data directory prepared earlier: it is copied instead of
 * running initdb again, so every run still gets a fresh server and database.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitWithParent } from '../lib/exit-with-parent.mjs';
import { freePort } from '../lib/free-port.mjs';
import { apiClient } from '../lib/api-client.mjs';

exitWithParent();

const MAIN = fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url));
const template = process.env.BENCH_PAIRBOARD_TEMPLATE;
const dataDir = mkdtempSync(join(tmpdir(), 'pairboard-bench-'));
if (template && existsSync(template)) cpSync(template, dataDir, { recursive: true });

const port = await freePort();
const nodeFlags = (process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
if (process.env.BENCH_INSPECT === '1') nodeFlags.push('--inspect=127.0.0.1:0');
// Storage comes only from the bench (BENCH_DATABASE_URL, BENCH_BOARD_LOG), never from a
// DATABASE_URL or REDIS_URL that happens to be set in the shell that runs it.
const { DATABASE_URL: _database, REDIS_URL: _redis, BOARD_LOG: _boardLog, ...inherited } = process.env;
const storage = {
  BOARD_LOG: process.env.BENCH_BOARD_LOG ?? 'database',
  ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
};
const child = spawn(process.execPath, [...nodeFlags, MAIN], {
  env: {
    ...inherited,
    ...storage,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    EXIT_WITH_PARENT: '1',
    AUTH_ATTEMPTS_PER_IP_PER_MINUTE: '100000',
    AUTH_ATTEMPTS_PER_ACCOUNT_PER_15_MINUTES: '100000',
    CLIENT_MESSAGES_PER_SECOND: '100000',
    CLIENT_BYTES_PER_SECOND: '1000000000',
    MAX_FRAME_BYTES: '16777216',
  },
  stdio: ['ignore', 'inherit', 'pipe'],
});
let inspectorUrl = null;
child.stderr.on('data', (chunk) => {
  const text = chunk.toString('utf8');
  inspectorUrl ??= /Debugger listening on (ws:\S+)/.exec(text)?.[1] ?? null;
  if (!/Debugger (listening|attached)|For help, see/.test(text)) process.stderr.write(text);
});
const stop = () => {
  child.kill('SIGTERM');
  child.once('exit', () => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
};
process.on('SIGTERM', stop);
child.once('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 1);
});

const base = `http://127.0.0.1:${port}`;
await waitForReady(base, 120_000);
const api = apiClient(base);
await api('POST', '/api/auth/signup', {
  email: `bench-${Date.now()}@example.test`,
  password: 'correct horse battery',
  name: 'Bench',
});
const withTokens = process.env.BENCH_TOKENS !== '0';
const docs = await inParallel(Number(process.env.BENCH_BOARDS ?? 1), 16, async (i) => {
  const { board } = await api('POST', '/api/boards', { name: `bench ${i}`, template: 'empty' });
  if (!withTokens) return { docName: board.id, token: null };
  const { token } = await api('POST', `/api/boards/${board.id}/tokens`, { name: 'bench', role: 'editor' });
  return { docName: board.id, token: token.secret };
});
const target = {
  protocol: 'y-websocket',
  pid: child.pid,
  baseUrl: `ws://127.0.0.1:${port}/yjs`,
  docs,
  // The board owner, as a browser connects: session cookie plus this server's own Origin.
  owner: { cookie: api.cookie(), origin: base },
  inspectorUrl,
  dataDir,
};
process.stdout.write(`target ${JSON.stringify(target)}\nlistening ${port}\n`);

async function waitForReady(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Pairboard did not become ready within ${timeoutMs} ms`);
}

/** `count` results of `make(i)`, at most `width` in flight at once, in index order. */
async function inParallel(count, width, make) {
  const results = new Array(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await make(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, lane));
  return results;
}
