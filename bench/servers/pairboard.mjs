#!/usr/bin/env node
/*
 * Pairboard's own server (apps/server/src/main.ts) as a child process, on the embedded database
 * in a fresh data directory, with the abuse limits raised so that the load generator is not
 * throttled. It creates BENCH_BOARDS boards over the HTTP API, each with an editor access token,
 * then prints `target <json>` (with the server's pid, not ours) and `listening <port>`.
 *
 * BENCH_PAIRBOARD_TEMPLATE names a data directory prepared earlier: it is copied instead of
 * running initdb again (about 15 s of WASM), so every run still gets a fresh server and database.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitWithParent } from '../lib/exit-with-parent.mjs';

exitWithParent();

const MAIN = fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url));
const template = process.env.BENCH_PAIRBOARD_TEMPLATE;
const dataDir = mkdtempSync(join(tmpdir(), 'pairboard-bench-'));
if (template && existsSync(template)) cpSync(template, dataDir, { recursive: true });

const port = await freePort();
const nodeFlags = (process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const child = spawn(process.execPath, [...nodeFlags, MAIN], {
  env: {
    ...process.env,
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
  stdio: ['ignore', 'inherit', 'inherit'],
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
const docs = [];
for (let i = 0; i < Number(process.env.BENCH_BOARDS ?? 1); i += 1) {
  const { board } = await api('POST', '/api/boards', { name: `bench ${i}`, template: 'empty' });
  const { token } = await api('POST', `/api/boards/${board.id}/tokens`, { name: 'bench', role: 'editor' });
  docs.push({ docName: board.id, token: token.secret });
}
const target = {
  protocol: 'y-websocket',
  pid: child.pid,
  baseUrl: `ws://127.0.0.1:${port}/yjs`,
  docs,
  dataDir,
};
process.stdout.write(`target ${JSON.stringify(target)}\nlistening ${port}\n`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });
}

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

/** JSON over the HTTP API with a cookie jar and the Origin header the CSRF check wants. */
function apiClient(url) {
  let cookie = '';
  return async (method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', origin: url, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie().map((value) => value.split(';')[0]);
    if (setCookie.length > 0) cookie = setCookie.join('; ');
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
}
