/*
 * Join storm: a seeding client fills one board (guests with eight fields each, checklist items:
 * about 1.2 MB by default), then `joiners` clients split over several generator processes connect
 * at once. A joiner is synced when the server's sync step 2 (the whole board) has arrived; only
 * the first joiner of each process applies it (and checks the counts), since 300 clients each
 * decoding 1.2 MB would load the generators, not the server.
 */
import { cpuMs } from '../lib/proc-stats.mjs';
import { startGenerator, withServer } from '../lib/processes.mjs';
import { percentile } from '../lib/stats.mjs';
import { share } from './fan-out.mjs';

export function runJoinStorm(kind, options) {
  return withServer(kind, (server) => measure(server, options));
}

async function measure(server, { joiners, generators, guests, checklist, timeoutMs }) {
  const doc = server.target.docs[0];
  const seeder = startGenerator();
  const joinerProcesses = Array.from({ length: generators }, () => startGenerator());
  try {
    // The seeder stays connected (the organiser's screen): an in-memory Hocuspocus drops a
    // document when its last connection closes, and joiners would get an empty board.
    const seeded = await seeder.call('seed', { target: server.target, doc, guests, checklist, batch: 250 });
    await Promise.all(
      joinerProcesses.map((generator, i) =>
        generator.call('prepareJoin', { target: server.target, doc, count: share(joiners, generators, i) }),
      ),
    );
    const cpuBefore = cpuMs(server.pid);
    const answers = await Promise.all(
      joinerProcesses.map((generator) => generator.call('join', { timeoutMs })),
    );
    const cpuSpentMs = cpuMs(server.pid) - cpuBefore;
    const start = Math.min(...answers.map((answer) => answer.startedAt));
    const eachMs = answers.flatMap((answer) => answer.syncedAt.map((at) => at - answer.startedAt));
    const synced = eachMs.filter((ms) => Number.isFinite(ms));
    const errors = answers.flatMap((answer) => answer.errors);
    const complete = answers.every(
      (answer) =>
        answer.firstCounts.guests === guests &&
        answer.firstCounts.checklist === checklist &&
        answer.step2Bytes.every((bytes) => bytes === 0 || bytes >= seeded.step2Bytes),
    );
    return {
      boardBytes: seeded.step2Bytes,
      joiners,
      synced: synced.length,
      complete,
      errors: errors.slice(0, 3),
      eachP50Ms: percentile(synced, 50),
      eachP99Ms: percentile(synced, 99),
      allSyncedMs:
        synced.length === joiners ? Math.max(...answers.flatMap((a) => a.syncedAt)) - start : Number.NaN,
      serverCpuMs: cpuSpentMs,
    };
  } finally {
    await Promise.all([seeder, ...joinerProcesses].map((generator) => generator.close()));
  }
}
