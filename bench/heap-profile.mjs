#!/usr/bin/env node
/*
 * Where a server's memory per board and per connection goes (issue 7's many-boards goals): starts
 * one server under the inspector, takes a heap snapshot with no client, after `--boards` boards
 * with 3 clients each (the first writes 20 checklist items, as in many-boards), and after 3 more
 * clients on every board, and prints what grew, by V8 object kind and constructor, per board and
 * per added connection. Figures only.
 *
 *   node bench/heap-profile.mjs --server pairboard        (or y-websocket, hocuspocus)
 *   node bench/heap-profile.mjs --server y-websocket --boards 100 --top 25
 *
 * Snapshots of a server holding a few hundred boards are a few hundred MB of JSON each; they are
 * read one at a time and only their totals by kind are kept. Compiled code ("code:") grows as the
 * server warms up, not per board: read it apart.
 */
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { startGenerator, startServer } from './lib/processes.mjs';
import { freePort } from './lib/free-port.mjs';

const { values: args } = parseArgs({
  options: {
    server: { type: 'string', default: 'pairboard' },
    boards: { type: 'string', default: '100' },
    top: { type: 'string', default: '30' },
  },
});
const BOARDS = Number(args.boards);
const TOP = Number(args.top);
const PER_BOARD = 3;
const ITEMS = 20;

const inspectPort = await freePort();
const server = await startServer(args.server, {
  BENCH_BOARDS: String(BOARDS),
  BENCH_TOKENS: '0',
  BENCH_INSPECT: '1',
  // The peers' start scripts have no inspector switch of their own.
  ...(args.server === 'pairboard' ? {} : { NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}` }),
});
const { target } = server;
const inspectorUrl =
  target.inspectorUrl ??
  (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json())[0].webSocketDebuggerUrl;
const docs = target.docs.map((doc) => (target.owner ? { ...doc, ...target.owner } : doc));
const generators = [startGenerator(), startGenerator()];
const open = (perBoard, items) =>
  Promise.all(
    generators.map((generator, i) =>
      generator.call('openBoards', {
        target,
        docs: docs.filter((_doc, index) => index % generators.length === i),
        perBoard,
        items,
      }),
    ),
  );

try {
  const empty = await snapshot();
  await open(PER_BOARD, ITEMS);
  const boards = await snapshot();
  await open(PER_BOARD, 0);
  const more = await snapshot();
  report(`per board with ${PER_BOARD} clients (${BOARDS} boards)`, empty, boards, BOARDS);
  report('per added connection', boards, more, BOARDS * PER_BOARD);
} finally {
  await Promise.all(generators.map((generator) => generator.close()));
  await server.stop();
}

/** A full GC, then a heap snapshot summed by kind; plus process.memoryUsage() at that moment. */
async function snapshot() {
  const socket = new WebSocket(inspectorUrl, { maxPayload: 0 });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const chunks = [];
  let nextId = 0;
  const call = (method, params = {}) =>
    new Promise((resolve) => {
      const id = (nextId += 1);
      const onMessage = (data) => {
        const message = JSON.parse(data);
        if (message.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.push(message.params.chunk);
        if (message.id !== id) return;
        socket.off('message', onMessage);
        resolve(message.result);
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    // Clients' last frames may still be on their way: let a few event-loop turns pass.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    });
    await call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    return { usage: JSON.parse(usage.result.value), kinds: sumByKind(JSON.parse(chunks.join(''))) };
  } finally {
    socket.close();
  }
}

/** Self sizes and counts by `type:constructor` (objects, closures, arrays) or by type alone. */
function sumByKind(heap) {
  const { node_fields: fields, node_types: nodeTypes } = heap.snapshot.meta;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const named = new Set(['object', 'closure', 'native']);
  const kinds = new Map();
  for (let i = 0; i < heap.nodes.length; i += width) {
    const type = nodeTypes[0][heap.nodes[i + typeAt]];
    const key = named.has(type) ? `${type}:${heap.strings[heap.nodes[i + nameAt]].slice(0, 48)}` : `${type}:`;
    const sum = kinds.get(key) ?? { count: 0, bytes: 0 };
    sum.count += 1;
    sum.bytes += heap.nodes[i + sizeAt];
    kinds.set(key, sum);
  }
  return kinds;
}

function report(title, before, after, divisor) {
  const live = (s) => s.usage.heapUsed + s.usage.external;
  const kb = (bytes) => (bytes / 1024).toFixed(2);
  console.log(`\n## ${args.server}: ${title}`);
  console.log(
    `live memory (heap used + external): ${kb((live(after) - live(before)) / divisor)} KB, ` +
      `of which external ${kb((after.usage.external - before.usage.external) / divisor)} KB`,
  );
  const rows = [];
  for (const [key, sum] of after.kinds) {
    const was = before.kinds.get(key) ?? { count: 0, bytes: 0 };
    rows.push({ key, count: (sum.count - was.count) / divisor, bytes: (sum.bytes - was.bytes) / divisor });
  }
  rows.sort((a, b) => b.bytes - a.bytes);
  const total = rows.reduce((sum, row) => sum + row.bytes, 0);
  console.log(`heap snapshot objects: ${kb(total)} KB`);
  console.log('    bytes   count  kind');
  for (const row of rows.slice(0, TOP))
    console.log(`${row.bytes.toFixed(0).padStart(9)} ${row.count.toFixed(2).padStart(7)}  ${row.key}`);
}
