/*
 * Fan-out: one board, N subscribers split over several generator processes, one writer (in a
 * process of its own) changing one guest field `rate` times a second for `durationMs`. Latency
 * is from the writer's send to each subscriber's receipt; the first-subscriber figure is the
 * fastest receipt of each edit, which the generators' own event loops do not stretch.
 *
 * On Pairboard the writer is the board's owner (session cookie + Origin, as a browser connects):
 * the usual writer, whose updates skip the per-role write check that an editor's pay. The
 * subscribers use an editor access token. `kind` may be one of Pairboard's storages (durable).
 */
import { cpuMs } from '../lib/proc-stats.mjs';
import { startGenerator, withServer } from '../lib/processes.mjs';
import { now, percentile } from '../lib/stats.mjs';

/** Untimed edits before the clock starts (see the generator's warmUp). */
export const WARM_UP_MS = 1000;

export function runFanOut(kind, options) {
  return withServer(kind, (server) => measure(server, options));
}

async function measure(server, { subscribers, generators, rate, durationMs, drainMs }) {
  const doc = server.target.docs[0];
  const subscriberProcesses = Array.from({ length: generators }, () => startGenerator());
  const writerProcess = startGenerator();
  try {
    await Promise.all(
      subscriberProcesses.map((generator, i) =>
        generator.call('subscribe', {
          target: server.target,
          doc,
          count: share(subscribers, generators, i),
          awareness: true,
        }),
      ),
    );
    const writerDoc = server.target.owner
      ? { docName: doc.docName, token: null, ...server.target.owner }
      : doc;
    await writerProcess.call('connectWriter', { target: server.target, doc: writerDoc });
    await writerProcess.call('warmUp', { rate, durationMs: WARM_UP_MS });
    const cpuBefore = cpuMs(server.pid);
    const { sent } = await writerProcess.call('write', { rate, durationMs });
    const edits = sent.length / 2;
    const expected = edits * subscribers;
    const delivered = await waitForDeliveries(subscriberProcesses, expected, drainMs);
    const cpuSpentMs = cpuMs(server.pid) - cpuBefore;
    const perProcess = await Promise.all(subscriberProcesses.map((generator) => generator.call('arrivals')));
    return {
      ...latencies(
        sent,
        perProcess.flatMap((answer) => answer.arrivals),
      ),
      edits,
      expected,
      delivered,
      serverCpuMs: cpuSpentMs,
      serverCpuUsPerDelivered: (cpuSpentMs * 1000) / Math.max(1, delivered),
    };
  } finally {
    await Promise.all([...subscriberProcesses, writerProcess].map((generator) => generator.close()));
  }
}

/** Polls the generators until every edit reached every subscriber or `drainMs` passed. */
async function waitForDeliveries(generators, expected, drainMs) {
  const deadline = now() + drainMs;
  for (;;) {
    const counts = await Promise.all(generators.map((generator) => generator.call('count')));
    const delivered = counts.reduce((sum, count) => sum + count.arrivals, 0);
    if (delivered >= expected || now() > deadline) return delivered;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function latencies(sent, arrivals) {
  const sentAt = new Map();
  for (let i = 0; i < sent.length; i += 2) sentAt.set(sent[i], sent[i + 1]);
  const all = [];
  const firstBySeq = new Map();
  for (const seen of arrivals) {
    for (let i = 0; i < seen.length; i += 2) {
      const latency = seen[i + 1] - sentAt.get(seen[i]);
      all.push(latency);
      if (!(firstBySeq.get(seen[i]) <= latency)) firstBySeq.set(seen[i], latency);
    }
  }
  const first = [...firstBySeq.values()];
  return {
    subscribersWithNothing: arrivals.filter((seen) => seen.length === 0).length,
    editsSeenByNobody: sent.length / 2 - firstBySeq.size,
    p50Ms: percentile(all, 50),
    p99Ms: percentile(all, 99),
    maxMs: percentile(all, 100),
    firstP50Ms: percentile(first, 50),
  };
}

/** Subscribers for generator i when `total` are split over `parts` as evenly as possible. */
export function share(total, parts, i) {
  return Math.floor(total / parts) + (i < total % parts ? 1 : 0);
}
