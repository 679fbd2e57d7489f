/*
 * Many boards: `boards` boards with `perBoard` clients each (the first writes `items` checklist
 * items, the same plain map data on every server), then `extraPerBoard` more clients on the same
 * boards. Server memory is read after a forced full GC at three points (no clients, step 1,
 * step 2): live memory (V8 heap in use + external buffers, process.memoryUsage) and RSS from
 * /proc/<pid>/status. Per board = step 1 over the baseline / boards; per connection = step 2 over
 * step 1 / the added connections. The goals use live memory: RSS deltas depend on what the
 * process touched before (Pairboard's baseline has ~0.5 GB of freed, still-resident pages from
 * its embedded database and board creation, which new objects reuse), so RSS is shown, not judged.
 */
import { collectGarbage } from '../lib/forced-gc.mjs';
import { memory } from '../lib/proc-stats.mjs';
import { startGenerator, withServer } from '../lib/processes.mjs';

export function runManyBoards(kind, options) {
  // Pairboard: no editor tokens (300 more API calls); every client is the owner, by cookie.
  const env = { BENCH_BOARDS: String(options.boards), BENCH_TOKENS: '0', BENCH_INSPECT: '1' };
  return withServer(kind, (server) => measure(server, options), env);
}

async function settledMemory(target) {
  const { heapUsedBytes, externalBytes } = await collectGarbage(target);
  return { liveBytes: heapUsedBytes + externalBytes, heapUsedBytes, rssBytes: memory(target.pid).rssBytes };
}

async function measure(server, { boards, perBoard, extraPerBoard, items, generators }) {
  const { target } = server;
  const docs = target.docs.map((doc) => (target.owner ? { ...doc, ...target.owner } : doc));
  const processes = Array.from({ length: generators }, () => startGenerator());
  // A board's clients stay in one process; the boards are dealt out over the processes.
  const slices = processes.map((_, i) => docs.filter((_doc, index) => index % generators === i));
  try {
    const baseline = await settledMemory(target);
    const open = (perBoardNow, itemsNow) =>
      Promise.all(
        processes.map((generator, i) =>
          generator.call('openBoards', { target, docs: slices[i], perBoard: perBoardNow, items: itemsNow }),
        ),
      ).then((answers) => answers.reduce((sum, answer) => sum + answer.connected, 0));
    const firstConnections = await open(perBoard, items);
    const step1 = await settledMemory(target);
    const extra = await open(extraPerBoard, 0);
    const step2 = await settledMemory(target);
    return {
      boards,
      firstConnections,
      connections: firstConnections + extra,
      baselineRssBytes: baseline.rssBytes,
      baselineLiveBytes: baseline.liveBytes,
      perBoardLiveBytes: (step1.liveBytes - baseline.liveBytes) / boards,
      perBoardHeapBytes: (step1.heapUsedBytes - baseline.heapUsedBytes) / boards,
      perBoardRssBytes: (step1.rssBytes - baseline.rssBytes) / boards,
      perConnectionLiveBytes: (step2.liveBytes - step1.liveBytes) / extra,
      perConnectionHeapBytes: (step2.heapUsedBytes - step1.heapUsedBytes) / extra,
      perConnectionRssBytes: (step2.rssBytes - step1.rssBytes) / extra,
    };
  } finally {
    await Promise.all(processes.map((generator) => generator.close()));
  }
}
