/* Starting the servers under test and the load-generator processes, and talking to them. */
import { fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { memory } from './proc-stats.mjs';
import { createScratchDatabase } from './scratch-database.mjs';

export const SERVERS = ['pairboard', 'y-websocket', 'hocuspocus'];

/**
 * Pairboard's storage setups (the durable scenario). Plain `pairboard` is the in-memory one
 * (BOARD_LOG=memory), like for like with the peers, which keep documents in memory only.
 */
export const PAIRBOARD_STORAGES = ['pairboard', 'pairboard-pglite', 'pairboard-postgres'];
const STORAGE_ENV = {
  pairboard: { BENCH_BOARD_LOG: 'memory' },
  'pairboard-pglite': { BENCH_BOARD_LOG: 'database' },
  'pairboard-postgres': { BENCH_BOARD_LOG: 'database' },
};
const script = (path) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Starts one server in a fresh process (`bench/servers/<kind>.mjs`, with --expose-gc) and waits
 * for its `listening <port>` line. The answer's pid is the process that serves, for /proc.
 * `kind` is a peer or one of PAIRBOARD_STORAGES; `env` adds to the start script's environment.
 */
export async function startServer(kind, env = {}) {
  const file = kind.startsWith('pairboard') ? 'pairboard' : kind;
  const child = spawn(process.execPath, ['--expose-gc', script(`../servers/${file}.mjs`)], {
    env: {
      ...process.env,
      BENCH_SERVER_NODE_FLAGS: process.env.BENCH_SERVER_NODE_FLAGS ?? '--expose-gc',
      ...STORAGE_ENV[kind],
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const target = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start:\n${output}`)), 180_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /^target (.*)\n(?:.*\n)*?listening \d+$/m.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(JSON.parse(match[1]));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    kind,
    target,
    pid: target.pid,
    /** Peak memory, read before the process goes away. */
    stop() {
      const peak = memory(target.pid);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited.then(() => peak);
    },
  };
}

/**
 * Runs `measure(server)` against a fresh server process, stops the server whatever happens, and
 * adds the server's peak resident memory (VmHWM) to the result. `pairboard-postgres` gets a
 * scratch database, created before and dropped after (NotMeasured when Postgres is unreachable).
 */
export async function withServer(kind, measure, env = {}) {
  const scratch = kind === 'pairboard-postgres' ? await createScratchDatabase() : null;
  try {
    const server = await startServer(kind, {
      ...env,
      ...(scratch ? { BENCH_DATABASE_URL: scratch.url } : {}),
    });
    const outcome = await measure(server).then(
      (result) => ({ result }),
      (error) => ({ error }),
    );
    const { peakBytes } = await server.stop();
    if (outcome.error) throw outcome.error;
    return { ...outcome.result, serverPeakBytes: peakBytes };
  } finally {
    await scratch?.drop();
  }
}

/** A forked load-generator process with a promise-returning `call(op, args)`. */
export function startGenerator() {
  const child = fork(script('../load/generator.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let nextId = 0;
  child.on('message', ({ id, ok, result, error }) => {
    const waiter = pending.get(id);
    pending.delete(id);
    if (ok) waiter.resolve(result);
    else waiter.reject(new Error(`generator ${child.pid}: ${error}`));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.once('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`generator exited with ${code}`));
    pending.clear();
  });
  return {
    pid: child.pid,
    call(op, args = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, op, ...args });
      });
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null)
        await this.call('close').catch(() => undefined);
      await exited;
    },
  };
}
