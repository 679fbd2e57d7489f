#!/usr/bin/env node
/*
 * Server sizing for issue 6, item 5: how much memory and CPU one server instance needs per active
 * board and per sync connection, measured on the real server process. Figures only, no pass/fail;
 * docs/deployment.md ("Sizing") quotes a run of it.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     PATH=/work/main/node_modules/.bin:$PATH node bench/cluster-sizing.mjs [--redis]
 *
 * With DATABASE_URL it creates a scratch database `pairboard_sizing_<random>` on that server and
 * drops it at the end; without, the server runs on the embedded database in a temporary directory.
 * `--redis` starts a private redis-server on a free port and gives the instance REDIS_URL, so it
 * runs as a member of a cluster (every stored update is also published).
 *
 * The server runs as a child process (`node apps/server/src/main.ts`, port 0), restarted for each
 * phase so one phase's garbage does not hide the next one's growth. Load comes from separate worker
 * processes (this file with `--worker`), each holding many raw y-websocket protocol clients (ws +
 * y-protocols, one Y.Doc each, no WebsocketProvider), connecting with an editor access token. A
 * client counts as synced when it received sync step 2. Like the web client's provider, each one
 * sends an empty awareness state on open and renews it every 15 s.
 *
 * Phases: idle baseline; 1..1000 connections on one demo board; 50..200 demo boards with three
 * connections each, then one edit per board every 2 s for 20 s (server CPU, edit latency from the
 * sender to another client of the board); 300 clients joining one unloaded demo board at once.
 * Memory is VmRSS/VmHWM from /proc/<pid>/status, CPU utime+stime from /proc/<pid>/stat.
 * Results: a table on stdout and bench/results/cluster-sizing.json.
 */
import { execFileSync, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import postgres from 'postgres';
import { freePort } from './lib/free-port.mjs';
import { apiClient } from './lib/api-client.mjs';

const SELF = fileURLToPath(import.meta.url);
const REPO = join(dirname(SELF), '..');
const RESULTS = join(REPO, 'bench/results/cluster-sizing.json');
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;
const AWARENESS_RENEW_MS = 15_000; // what y-protocols' Awareness does (outdatedTimeout / 2)
const SETTLE_MS = 2_000; // let timers, GC and socket buffers settle before reading memory
const MEMORY_BUDGET_MB = 1024;
const HEADROOM = 0.4;
const MB = 1024 * 1024;
const JOIN_BATCH = 250;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Worker: many raw y-websocket clients in one process, driven over IPC.
// ---------------------------------------------------------------------------------------------

function runWorker() {
  /** @type {Array<ReturnType<typeof openClient>>} */
  let clients = [];
  const renew = setInterval(() => {
    const now = Date.now();
    for (const client of clients)
      if (now - client.awarenessSentAt >= AWARENESS_RENEW_MS) client.sendAwareness();
  }, 1_000);
  const commands = {
    connect: async ({ syncUrl, targets, timeoutMs }) => {
      const started = performance.now();
      const opened = targets.flatMap(({ boardId, token, count }) =>
        Array.from({ length: count }, () => openClient(syncUrl, boardId, token, started)),
      );
      clients.push(...opened);
      const outcomes = await Promise.all(
        opened.map((client) =>
          Promise.race([client.done, sleep(timeoutMs).then(() => `timeout (${client.describe()})`)]),
        ),
      );
      const syncMs = opened.filter((c) => c.syncedMs !== null).map((c) => c.syncedMs);
      return {
        synced: syncMs.length,
        failed: outcomes.filter((outcome) => outcome !== 'synced'),
        syncMs,
        stateBytes: Math.max(0, ...opened.map((c) => c.stateBytes)),
      };
    },
    edit: ({ periodMs, durationMs }) => runEdits(clients, periodMs, durationMs),
    closeAll: async () => {
      const closing = clients;
      clients = [];
      await Promise.all(closing.map((client) => client.close()));
      return { closed: closing.length };
    },
    exit: () => {
      clearInterval(renew);
      setImmediate(() => process.exit(0));
      return {};
    },
  };
  process.on('message', (message) => {
    Promise.resolve(commands[message.cmd](message)).then(
      (result) => process.send({ id: message.id, ok: true, result }),
      (error) => process.send({ id: message.id, ok: false, error: String(error?.stack ?? error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}

/** One y-websocket client on the wire: sync step 1 on open, answers the server, sends its edits. */
function openClient(syncUrl, boardId, token, startedAt) {
  const doc = new Y.Doc();
  const ws = new WebSocket(`${syncUrl}/${boardId}?token=${encodeURIComponent(token)}`);
  let awarenessClock = 0;
  let frames = 0;
  let resolveDone;
  const client = {
    boardId,
    doc,
    syncedMs: null,
    stateBytes: 0,
    awarenessSentAt: Date.now(),
    done: new Promise((resolve) => (resolveDone = resolve)),
    send(bytes) {
      if (ws.readyState === WebSocket.OPEN) ws.send(bytes);
    },
    sendAwareness() {
      // An awareness update of this client's (empty) state, as Awareness#setLocalState encodes it.
      awarenessClock += 1;
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, 1);
      encoding.writeVarUint(update, doc.clientID);
      encoding.writeVarUint(update, awarenessClock);
      encoding.writeVarString(update, '{}');
      client.send(
        frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, encoding.toUint8Array(update))),
      );
      client.awarenessSentAt = Date.now();
    },
    describe: () =>
      `socket ${['connecting', 'open', 'closing', 'closed'][ws.readyState]}, ${frames} frames in`,
    close() {
      doc.destroy();
      if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
      const closed = new Promise((resolve) => ws.once('close', resolve));
      ws.close(1000);
      return Promise.race([closed, sleep(5_000)]);
    },
  };
  ws.on('open', () => {
    client.send(frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, doc)));
    client.sendAwareness();
  });
  ws.on('message', (data) => {
    frames += 1;
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const stateBytes = data.length;
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_SYNC);
      const syncType = syncProtocol.readSyncMessage(decoder, reply, doc, 'server');
      if (encoding.length(reply) > 1) client.send(encoding.toUint8Array(reply));
      if (syncType === syncProtocol.messageYjsSyncStep2 && client.syncedMs === null) {
        client.syncedMs = performance.now() - startedAt;
        client.stateBytes = stateBytes;
        resolveDone('synced');
      }
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      client.sendAwareness();
    }
    // Awareness from others and auth messages: a real client would show them; nothing to answer.
  });
  ws.on('error', () => {});
  ws.on('close', (code) => resolveDone(`closed ${code}`));
  doc.on('update', (update, origin) => {
    if (origin !== 'server') client.send(frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update)));
  });
  return client;
}

function frame(type, write) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/**
 * One small edit per board every periodMs (an item's status, todo <-> doing) by the board's first
 * client; latency is until its second client sees the new value. Boards start at spread offsets.
 */
async function runEdits(clients, periodMs, durationMs) {
  const byBoard = Map.groupBy(clients, (client) => client.boardId);
  const latenciesMs = [];
  let sent = 0;
  const timers = [];
  const pending = new Set();
  for (const group of byBoard.values()) {
    const [sender, receiver] = group;
    if (!sender || !receiver) continue;
    const itemId = [...sender.doc.getMap('items').keys()].sort()[0];
    if (itemId === undefined) throw new Error(`board ${sender.boardId} has no items`);
    let edit = null;
    receiver.doc.on('update', () => {
      const status = receiver.doc.getMap('items').get(itemId)?.get('status');
      if (edit && status === edit.status) {
        latenciesMs.push(performance.now() - edit.at);
        pending.delete(edit);
        edit = null;
      }
    });
    const send = () => {
      const item = sender.doc.getMap('items').get(itemId);
      const status = item.get('status') === 'doing' ? 'todo' : 'doing';
      if (edit) pending.delete(edit); // the previous edit was never seen: counted as missed
      edit = { status, at: performance.now() };
      pending.add(edit);
      sent += 1;
      item.set('status', status);
    };
    const offset = Math.random() * periodMs;
    timers.push(
      setTimeout(() => {
        send();
        timers.push(setInterval(send, periodMs));
      }, offset),
    );
  }
  await sleep(durationMs);
  for (const timer of timers) clearTimeout(timer);
  const deadline = Date.now() + 5_000;
  while (pending.size > 0 && Date.now() < deadline) await sleep(50);
  return { sent, latenciesMs };
}

// ---------------------------------------------------------------------------------------------
// Orchestrator: scratch database, server child process, workers, measurements, report.
// ---------------------------------------------------------------------------------------------

function options() {
  const { values } = parseArgs({
    options: {
      boards: { type: 'string', default: '50,100,200' },
      connections: { type: 'string', default: '1,250,500,1000' },
      storm: { type: 'string', default: '300' },
      'edit-seconds': { type: 'string', default: '20' },
      'edit-period-ms': { type: 'string', default: '2000' },
      workers: { type: 'string', default: '2' },
      redis: { type: 'boolean', default: false },
      out: { type: 'string', default: RESULTS },
    },
  });
  const list = (text) => text.split(',').map(Number);
  return {
    boardSteps: list(values.boards),
    connectionSteps: list(values.connections),
    stormClients: Number(values.storm),
    editMs: Number(values['edit-seconds']) * 1000,
    editPeriodMs: Number(values['edit-period-ms']),
    workerCount: Number(values.workers),
    redis: values.redis,
    out: values.out,
  };
}

async function runOrchestrator() {
  const opts = options();
  const cleanups = []; // run in reverse order, whatever happened
  let cleaning = null;
  const cleanup = () => (cleaning ??= runCleanups(cleanups));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the server and workers, dropping the scratch database`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  const startedAt = Date.now();
  try {
    const storage = await prepareStorage(cleanups);
    const redisUrl = opts.redis ? await startRedis(cleanups) : undefined;
    const env = { ...storage.env, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) };
    const workers = await startWorkers(opts.workerCount, cleanups);
    const results = await measure(opts, env, workers, cleanups);
    const report = {
      date: new Date().toISOString().slice(0, 10),
      command: commandLine(opts),
      machine: machine(),
      database: storage.label,
      redis: Boolean(redisUrl),
      durationS: Math.round((Date.now() - startedAt) / 1000),
      ...results,
    };
    report.recommendation = recommend(report);
    printReport(report);
    mkdirSync(dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwritten to ${opts.out} in ${report.durationS} s`);
  } finally {
    await cleanup();
  }
}

async function runCleanups(cleanups) {
  for (const [index, step] of cleanups.reverse().entries()) {
    try {
      const started = Date.now();
      await step();
      if (process.env.SIZING_DEBUG) console.error(`cleanup ${index}: ${Date.now() - started} ms`);
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
}

/** Scratch database on the Postgres server, or an embedded one in a temporary directory. */
async function prepareStorage(cleanups) {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'pairboard-sizing-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    return { env: { DATA_DIR: dataDir }, label: 'embedded PGlite' };
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  cleanups.push(() => admin.end({ timeout: 5 }));
  const name = `pairboard_sizing_${randomBytes(6).toString('hex')}`;
  await admin`create database ${admin(name)}`;
  cleanups.push(() => admin`drop database if exists ${admin(name)} with (force)`);
  const [{ version }] = await admin`select version()`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, label: version.split(' on ')[0] };
}

async function startRedis(cleanups) {
  if (!process.env.DATABASE_URL) throw new Error('--redis needs DATABASE_URL (a cluster needs Postgres)');
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  cleanups.push(() => stopChild(child, 'SIGTERM'));
  const deadline = Date.now() + 10_000;
  while (!(await canConnect(port))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('redis-server did not start');
    await sleep(50);
  }
  return `redis://127.0.0.1:${port}`;
}

async function canConnect(port) {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket.end() && true));
    socket.once('error', () => resolve(false));
  });
}

function stopChild(child, signal, timeoutMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Escalate to SIGKILL if the signal is not enough; the timer must not keep this process alive.
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs).unref();
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** The real server as a child process on a port it picks; its pid is what gets measured. */
async function startServer(env, cleanups) {
  const serverEnv = { ...process.env, ...SERVER_ENV, ...env };
  if (!env.REDIS_URL) delete serverEnv.REDIS_URL;
  if (!env.DATABASE_URL) delete serverEnv.DATABASE_URL;
  // The inspector lets `snapshot` run a full garbage collection before reading memory.
  const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', 'apps/server/src/main.ts'], {
    cwd: REPO,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => stopChild(child, 'SIGTERM');
  cleanups.push(stop);
  const log = [];
  let inspectorUrl;
  const logWaiters = new Set();
  const waitForLog = (pattern, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      const waiter = { pattern, resolve };
      logWaiters.add(waiter);
      setTimeout(() => {
        if (logWaiters.delete(waiter)) reject(new Error(`no log line ${pattern} within ${timeoutMs} ms`));
      }, timeoutMs).unref();
    });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log.join('')}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      const text = chunk.toString('utf8');
      log.push(text);
      if (log.length > 200) log.shift();
      for (const line of text.split('\n')) {
        if (/"level":[56]0/.test(line)) process.stderr.write(`server: ${line}\n`);
        for (const waiter of logWaiters) {
          if (waiter.pattern.test(line) && logWaiters.delete(waiter)) waiter.resolve(line);
        }
      }
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr.on('data', (chunk) => {
      const text = chunk.toString('utf8');
      inspectorUrl ??= /Debugger listening on (ws:\S+)/.exec(text)?.[1];
      if (!/Debugger (listening|attached)|For help, see/.test(text)) process.stderr.write(`server: ${text}`);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${log.join('')}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const collectGarbage = () => inspectorCall(inspectorUrl, 'HeapProfiler.collectGarbage');
  return { pid: child.pid, url, syncUrl: `ws://127.0.0.1:${port}/yjs`, stop, waitForLog, collectGarbage };
}

/** One call over the server's inspector protocol. */
function inspectorCall(url, method) {
  if (!url) return Promise.reject(new Error('the server printed no inspector address'));
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ id: 1, method })));
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.id !== 1) return;
      socket.close();
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    });
  });
}

/** A server that has finished its start-up scan (which, after `backdate`, loads no board). */
async function startIdleServer(env, cleanups) {
  await backdate(env); // the previous phase's edits are recent again
  const server = await startServer(env, cleanups);
  await server.waitForLog(/escalation start-up scan done/);
  return server;
}

/** Every client comes from 127.0.0.1: lift the per-address and per-connection limits. */
const SERVER_ENV = {
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  AUTH_ATTEMPTS_PER_IP_PER_MINUTE: '100000',
  AUTH_ATTEMPTS_PER_ACCOUNT_PER_15_MINUTES: '100000',
  CLIENT_MESSAGES_PER_SECOND: '100000',
  CLIENT_BYTES_PER_SECOND: String(64 * MB),
};

async function startWorkers(count, cleanups) {
  const workers = [];
  for (let i = 0; i < count; i += 1) {
    const child = fork(SELF, ['--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    cleanups.push(() => stopChild(child, 'SIGKILL', 2_000));
    const waiting = new Map();
    let nextId = 0;
    child.on('message', (message) => {
      const entry = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.ok) entry?.resolve(message.result);
      else entry?.reject(new Error(`worker ${i}: ${message.error}`));
    });
    child.once('exit', (code) => {
      for (const entry of waiting.values()) entry.reject(new Error(`worker ${i} exited with ${code}`));
    });
    const call = (cmd, args = {}) =>
      new Promise((resolve, reject) => {
        nextId += 1;
        waiting.set(nextId, { resolve, reject });
        child.send({ id: nextId, cmd, ...args });
      });
    workers.push({ pid: child.pid, call });
  }
  return workers;
}

/** Spreads targets over the workers (a board's clients stay together) and connects them at once. */
async function connectAll(workers, syncUrl, targets, timeoutMs = 60_000) {
  const shares = workers.map(() => []);
  targets.forEach((target, i) => shares[i % workers.length].push(target));
  if (targets.length === 1) {
    // One board: split its clients instead.
    const [{ boardId, token, count }] = targets;
    workers.forEach((_, i) => {
      const part = Math.floor(count / workers.length) + (i < count % workers.length ? 1 : 0);
      shares[i] = part > 0 ? [{ boardId, token, count: part }] : [];
    });
  }
  const started = performance.now();
  const answers = await Promise.all(
    workers.map((worker, i) => worker.call('connect', { syncUrl, targets: shares[i], timeoutMs })),
  );
  const failed = answers.flatMap((answer) => answer.failed);
  if (failed.length > 0) {
    const reasons = Object.entries(Object.groupBy(failed, (reason) => reason)).map(
      ([r, l]) => `${l.length}× ${r}`,
    );
    throw new Error(`${failed.length} clients did not sync: ${reasons.join(', ')}`);
  }
  return {
    allSyncedMs: performance.now() - started,
    syncMs: answers.flatMap((answer) => answer.syncMs),
    stateBytes: Math.max(...answers.map((answer) => answer.stateBytes)),
  };
}

const closeAll = (workers) => Promise.all(workers.map((worker) => worker.call('closeAll')));

// --- measuring -------------------------------------------------------------------------------

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

function processStats(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  // Fields after the command name: state is field 3, utime 14, stime 15 (proc(5)).
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    rssMB: kb('VmRSS') / 1024,
    hwmMB: kb('VmHWM') / 1024,
    cpuS: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS,
  };
}

async function serverMetrics(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (name) =>
    [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].reduce(
      (sum, match) => sum + Number(match[1]),
      0,
    );
  return {
    connections: value('pairboard_sync_connections'),
    loadedBoards: value('pairboard_loaded_boards'),
    heapUsedMB: value('nodejs_heap_size_used_bytes') / MB,
    fullStateEncodes: value('pairboard_full_state_encodes_total'),
  };
}

/** Waits until the server counts the expected connections, lets it settle, then reads memory. */
async function snapshot(server, expectedConnections) {
  const deadline = Date.now() + 20_000;
  let metrics = await serverMetrics(server.url);
  while (metrics.connections !== expectedConnections) {
    if (Date.now() > deadline)
      throw new Error(`server counts ${metrics.connections} connections, expected ${expectedConnections}`);
    await sleep(100);
    metrics = await serverMetrics(server.url);
  }
  await sleep(SETTLE_MS);
  // A full collection first: what is left is what the boards and connections hold, not garbage.
  await server.collectGarbage();
  metrics = await serverMetrics(server.url);
  const { rssMB, hwmMB } = processStats(server.pid);
  return { rssMB, hwmMB, heapUsedMB: metrics.heapUsedMB, loadedBoards: metrics.loadedBoards };
}

/** Least-squares slope of y over x. */
function slope(points) {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxy / sxx;
}

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// --- the phases ------------------------------------------------------------------------------

async function measure(opts, env, workers, cleanups) {
  const maxBoards = Math.max(...opts.boardSteps);
  // Boards are made once, by a server that is then stopped: every phase starts with none loaded.
  const setup = await startServer(env, cleanups);
  console.log(`creating ${maxBoards + 2} demo boards through the HTTP API…`);
  const boards = await createBoards(setup.url, maxBoards + 2);
  await setup.stop();
  const startupScan = await measureStartupScan(env, cleanups, boards.length);
  const [crowdBoard, stormBoard, ...activeBoards] = boards;

  console.log(`connections on one board: ${opts.connectionSteps.join(', ')}`);
  const connections = await measureConnections(opts, env, workers, cleanups, crowdBoard);
  console.log(`active boards (3 connections each): ${opts.boardSteps.join(', ')}, then edits`);
  const active = await measureBoards(opts, env, workers, cleanups, activeBoards);
  console.log(`join storm: ${opts.stormClients} clients on one board at once`);
  const storm = await measureStorm(opts, env, workers, cleanups, stormBoard);
  return { ...active, connections, storm, startupScan };
}

/**
 * A restart with every board recently changed: the escalation service's start-up scan loads each
 * board changed in the last two days (to watch its incidents), and they unload once idle.
 */
async function measureStartupScan(env, cleanups, boards) {
  const started = performance.now();
  const server = await startServer(env, cleanups);
  const scanned = server.waitForLog(/escalation start-up scan done/, 120_000);
  const listeningMs = performance.now() - started;
  await scanned;
  const scanMs = performance.now() - started;
  const { rssMB, hwmMB } = processStats(server.pid);
  const { loadedBoards } = await serverMetrics(server.url);
  await server.stop();
  console.log(
    `  restart with ${boards} recent boards: scan done in ${(scanMs / 1000).toFixed(1)} s, peak ${hwmMB.toFixed(0)} MB`,
  );
  return { boards, listeningMs, scanMs, loadedBoards, rssMB, hwmMB };
}

/**
 * Ages every stored row of the scratch database by three days, so that the measuring servers'
 * start-up scan loads none of the bench's boards and each phase starts with nothing loaded.
 */
async function backdate(env) {
  const { openDatabase } = await import('@pairboard/db');
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await db.query(`update board_updates set created_at = created_at - interval '3 days'`);
    await db.query(`update board_snapshots set updated_at = updated_at - interval '3 days'`);
  } finally {
    await db.close();
  }
}

async function createBoards(url, count) {
  const call = apiClient(url);
  await call('POST', '/api/auth/signup', {
    email: `sizing-${Date.now()}@example.test`,
    password: 'correct horse battery',
    name: '压测',
  });
  const boards = [];
  let next = 0;
  const makeOne = async () => {
    while (next < count) {
      const index = next++;
      const { board } = await call('POST', '/api/boards', { name: `sizing ${index}`, template: 'demo' });
      const { token } = await call('POST', `/api/boards/${board.id}/tokens`, {
        name: 'sizing',
        role: 'editor',
      });
      boards[index] = { boardId: board.id, token: token.secret };
    }
  };
  await Promise.all(Array.from({ length: 6 }, makeOne));
  return boards;
}

async function measureConnections(opts, env, workers, cleanups, board) {
  const server = await startIdleServer(env, cleanups);
  const idle = await snapshot(server, 0);
  const steps = [];
  let open = 0;
  for (const target of opts.connectionSteps) {
    // At most JOIN_BATCH joining at once: a measured step, not a join storm.
    let joinMs = 0;
    while (open < target) {
      const count = Math.min(JOIN_BATCH, target - open);
      joinMs += (await connectAll(workers, server.syncUrl, [{ ...board, count }], 120_000)).allSyncedMs;
      open += count;
    }
    steps.push({ connections: target, joinMs, ...(await snapshot(server, target)) });
    console.log(`  ${target} connections: ${steps.at(-1).rssMB.toFixed(0)} MB RSS`);
  }
  // Server CPU with the most connections and nobody editing: one awareness renewal period.
  const before = processStats(server.pid).cpuS;
  await sleep(AWARENESS_RENEW_MS);
  const quietCpuPercent = ((processStats(server.pid).cpuS - before) / (AWARENESS_RENEW_MS / 1000)) * 100;
  console.log(`  ${open} connections, nobody editing: server CPU ${quietCpuPercent.toFixed(0)} %`);
  await closeAll(workers);
  await server.stop();
  // The first step loads the board; connections alone are the growth after it.
  const points = steps.map((step) => ({ x: step.connections, y: step.rssMB }));
  const heapPoints = steps.map((step) => ({ x: step.connections, y: step.heapUsedMB }));
  return {
    idle,
    steps,
    quietCpuPercent,
    kbPerConnection: slope(points) * 1024,
    heapKbPerConnection: slope(heapPoints) * 1024,
  };
}

async function measureBoards(opts, env, workers, cleanups, boards) {
  const server = await startIdleServer(env, cleanups);
  const idle = await snapshot(server, 0);
  const steps = [];
  let open = 0;
  for (const target of opts.boardSteps) {
    const added = boards.slice(open, target).map((board) => ({ ...board, count: 3 }));
    const { allSyncedMs } = await connectAll(workers, server.syncUrl, added);
    open = target;
    steps.push({
      boards: target,
      connections: target * 3,
      joinMs: allSyncedMs,
      ...(await snapshot(server, target * 3)),
    });
    console.log(`  ${target} boards: ${steps.at(-1).rssMB.toFixed(0)} MB RSS`);
  }
  const points = [{ x: 0, y: idle.rssMB }, ...steps.map((step) => ({ x: step.boards, y: step.rssMB }))];
  const heapPoints = [
    { x: 0, y: idle.heapUsedMB },
    ...steps.map((step) => ({ x: step.boards, y: step.heapUsedMB })),
  ];
  const edits = await measureEdits(opts, server, workers, open);
  await closeAll(workers);
  await server.stop();
  return {
    idle,
    boards: { steps, mbPerBoard: slope(points), heapMbPerBoard: slope(heapPoints) },
    edits,
  };
}

async function measureEdits(opts, server, workers, boards) {
  const before = processStats(server.pid);
  const workersBefore = workers.map((worker) => processStats(worker.pid).cpuS);
  const started = performance.now();
  const answers = await Promise.all(
    workers.map((worker) => worker.call('edit', { periodMs: opts.editPeriodMs, durationMs: opts.editMs })),
  );
  // CPU over the edit window only (the workers' answers wait up to 5 s more for late edits).
  const wallS = Math.min(performance.now() - started, opts.editMs + 5_000) / 1000;
  const after = processStats(server.pid);
  const workersCpuS = workers.reduce(
    (sum, worker, i) => sum + processStats(worker.pid).cpuS - workersBefore[i],
    0,
  );
  const latencies = answers.flatMap((answer) => answer.latenciesMs);
  const sent = answers.reduce((sum, answer) => sum + answer.sent, 0);
  const result = {
    boards,
    connections: boards * 3,
    editsPerSecond: sent / (opts.editMs / 1000),
    sent,
    seen: latencies.length,
    serverCpuPercent: ((after.cpuS - before.cpuS) / wallS) * 100,
    clientsCpuPercent: (workersCpuS / wallS) * 100,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: Math.max(...latencies),
    rssMB: after.rssMB,
  };
  console.log(
    `  edits: ${result.sent} sent, p50 ${result.p50Ms.toFixed(1)} ms, CPU ${result.serverCpuPercent.toFixed(0)} %`,
  );
  return result;
}

async function measureStorm(opts, env, workers, cleanups, board) {
  const server = await startIdleServer(env, cleanups);
  const idle = await snapshot(server, 0);
  const before = await serverMetrics(server.url);
  const cpuBefore = processStats(server.pid).cpuS;
  const workersBefore = workers.map((worker) => processStats(worker.pid).cpuS);
  const { allSyncedMs, syncMs, stateBytes } = await connectAll(workers, server.syncUrl, [
    { ...board, count: opts.stormClients },
  ]);
  const cpuS = processStats(server.pid).cpuS - cpuBefore;
  const clientsCpuS = workers.reduce(
    (sum, worker, i) => sum + processStats(worker.pid).cpuS - workersBefore[i],
    0,
  );
  const encodes = (await serverMetrics(server.url)).fullStateEncodes - before.fullStateEncodes;
  const after = await snapshot(server, opts.stormClients);
  await closeAll(workers);
  await server.stop();
  return {
    clients: opts.stormClients,
    allSyncedMs,
    p50Ms: percentile(syncMs, 50),
    p99Ms: percentile(syncMs, 99),
    serverCpuS: cpuS,
    clientsCpuS,
    stateBytes,
    fullStateEncodes: encodes,
    idleRssMB: idle.rssMB,
    rssMB: after.rssMB,
    hwmMB: after.hwmMB,
  };
}

// --- report ----------------------------------------------------------------------------------

function machine() {
  const cpuModel =
    /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
  return {
    nproc: Number(execFileSync('nproc').toString().trim()),
    cpuModel,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage1mAtEnd: Math.round(loadavg()[0] * 100) / 100,
    node: process.version,
  };
}

function commandLine(opts) {
  const flags = opts.redis ? ' --redis' : '';
  const db = process.env.DATABASE_URL ? `DATABASE_URL=${process.env.DATABASE_URL} ` : '';
  return `${db}PATH=/work/main/node_modules/.bin:$PATH node bench/cluster-sizing.mjs${flags}`;
}

/** Boards and connections one 1 GB instance holds with 40 % of its memory left free. */
function recommend(report) {
  const budgetMB = MEMORY_BUDGET_MB * (1 - HEADROOM);
  const freeMB = budgetMB - report.idle.rssMB;
  const perConnectionMB = report.connections.kbPerConnection / 1024;
  const perBoardMB = (people) => report.boards.mbPerBoard + Math.max(0, people - 3) * perConnectionMB;
  const boards3 = Math.floor(freeMB / perBoardMB(3));
  const boards10 = Math.floor(freeMB / perBoardMB(10));
  const connections = Math.floor(freeMB / perConnectionMB);
  // CPU: the edit load's share of one core, scaled to 60 % of a core (Node runs on one).
  const boardsPerCore = Math.floor(
    (report.edits.boards * 100 * (1 - HEADROOM)) / report.edits.serverCpuPercent,
  );
  const crowd = report.connections.steps.at(-1).connections;
  const text =
    `An instance with 1 GB of memory holds about ${Math.min(boards3, boardsPerCore)} active boards ` +
    `with 3 people each (${Math.min(boards10, boardsPerCore)} with 10 each), with ` +
    `${HEADROOM * 100} % of its memory left free; one core carries about ${boardsPerCore} such boards ` +
    `at one edit per board every ${Math.round(report.edits.boards / report.edits.editsPerSecond)} s ` +
    `at 60 % load. Memory alone would allow about ${connections} connections, but on one board ` +
    `every awareness renewal goes to every other client: ${crowd} people on one board keep ` +
    `${report.connections.quietCpuPercent.toFixed(0)} % of a core busy without editing.`;
  return { budgetMB, boards3, boards10, connections, boardsPerCore, text };
}

function printReport(r) {
  const mb = (value) => `${value.toFixed(0)} MB`;
  const rows = [
    ['idle server (no board loaded)', mb(r.idle.rssMB), `heap ${mb(r.idle.heapUsedMB)}`],
    ...r.boards.steps.map((s) => [
      `${s.boards} demo boards × 3 connections`,
      mb(s.rssMB),
      `heap ${mb(s.heapUsedMB)}, all synced in ${(s.joinMs / 1000).toFixed(1)} s`,
    ]),
    [
      '→ per active board (3 connections)',
      `${r.boards.mbPerBoard.toFixed(2)} MB`,
      `heap ${r.boards.heapMbPerBoard.toFixed(2)} MB`,
    ],
    ...r.connections.steps.map((s) => [
      `${s.connections} connections on one demo board`,
      mb(s.rssMB),
      `heap ${mb(s.heapUsedMB)}, synced in ${(s.joinMs / 1000).toFixed(1)} s`,
    ]),
    [
      '→ per connection',
      `${r.connections.kbPerConnection.toFixed(0)} KB`,
      `heap ${r.connections.heapKbPerConnection.toFixed(0)} KB`,
    ],
    [
      `edits: ${r.edits.boards} boards, ${r.edits.editsPerSecond.toFixed(0)}/s`,
      `CPU ${r.edits.serverCpuPercent.toFixed(0)} %`,
      `p50 ${r.edits.p50Ms.toFixed(1)} ms, p99 ${r.edits.p99Ms.toFixed(1)} ms, ${r.edits.seen}/${r.edits.sent} seen`,
    ],
    [
      `join storm: ${r.storm.clients} clients, one board`,
      `${(r.storm.allSyncedMs / 1000).toFixed(2)} s`,
      `p50 ${r.storm.p50Ms.toFixed(0)} ms, p99 ${r.storm.p99Ms.toFixed(0)} ms, peak RSS ${mb(r.storm.hwmMB)}`,
    ],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  console.log(
    `\n${r.machine.nproc} cores (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB, ${r.database}${r.redis ? ', Redis' : ''}`,
  );
  for (const [label, value, note] of rows)
    console.log(`${label.padEnd(width)}  ${value.padStart(9)}  ${note}`);
  console.log(`\n${r.recommendation.text}`);
}

// Last, so every constant above is initialised before either side starts.
if (process.argv.includes('--worker')) runWorker();
else await runOrchestrator();
