/*
 * Check-in rush: one board with `guests` guests (sync-core's addGuest), `writers` door phones
 * split over the generator processes checking them in at once with sync-core's checkInGuest.
 * Writer w owns a block of guests and starts with the first `contested` guests of the next
 * writer's block, at the moment that writer starts on them: concurrent check-ins of one guest,
 * where the earliest must win and the later ones count as conflicts. A watcher client (its own
 * process) times the log until every guest is in it; then a fresh client reads the board back.
 *
 * On Pairboard the seeder is the owner (cookie + Origin) and the writers, watcher and reader use
 * an editor access token, so every check-in passes the per-role write check, as door staff's do.
 */
import { cpuMs } from '../lib/proc-stats.mjs';
import { startGenerator, withServer } from '../lib/processes.mjs';
import { share } from './fan-out.mjs';

export function runCheckInRush(kind, options) {
  return withServer(kind, (server) => measure(server, options));
}

/** Writer w: the first `contested` guests of writer w+1's block, then its own block. */
function assignGuests(ids, writers, contested) {
  const blocks = Array.from({ length: writers }, (_, w) => {
    const from = Array.from({ length: w }, (_, i) => share(ids.length, writers, i)).reduce(
      (a, b) => a + b,
      0,
    );
    return ids.slice(from, from + share(ids.length, writers, w));
  });
  return blocks.map((block, w) => [...blocks[(w + 1) % writers].slice(0, contested), ...block]);
}

async function measure(server, { guests, writers, contested, generators, timeoutMs }) {
  const { target } = server;
  const doc = target.docs[0];
  const ownerDoc = target.owner ? { docName: doc.docName, token: null, ...target.owner } : doc;
  const observer = startGenerator();
  const writerProcesses = Array.from({ length: generators }, () => startGenerator());
  try {
    const { ids } = await observer.call('seedGuests', { target, doc: ownerDoc, guests });
    const lists = assignGuests(ids, writers, contested);
    const plans = lists.map((guestIds, w) => ({
      actor: { id: `bench-door-${String(w).padStart(2, '0')}`, name: `Door ${w + 1}` },
      guestIds,
    }));
    await Promise.all(
      writerProcesses.map((generator, g) =>
        generator.call('prepareRush', {
          target,
          doc,
          writers: plans.filter((_, w) => w % generators === g),
        }),
      ),
    );
    await observer.call('watchCheckIns', { target, doc, guests });
    const cpuBefore = cpuMs(server.pid);
    const outcomes = await Promise.all(writerProcesses.map((generator) => generator.call('rush')));
    const { allAt } = await observer.call('watchResult', { timeoutMs });
    const serverCpuMs = cpuMs(server.pid) - cpuBefore;
    const written = outcomes.reduce((sum, outcome) => sum + outcome.written, 0);
    const verdict = await observer.call('verifyCheckIns', { target, doc });
    const startedAt = Math.min(...outcomes.map((outcome) => outcome.startedAt));
    const lostCheckIns = Math.max(0, written - verdict.entries);
    return {
      guests,
      writers,
      checkInsWritten: written,
      alreadyCheckedIn: outcomes.reduce((sum, outcome) => sum + outcome.already, 0),
      recorded: verdict.recorded,
      logEntries: verdict.entries,
      lostCheckIns,
      conflicts: verdict.entries - verdict.recorded,
      notEarliest: verdict.notEarliest,
      exactlyOnce:
        verdict.guests === guests &&
        verdict.recorded === guests &&
        verdict.entries === written &&
        verdict.notEarliest === 0,
      allRecordedMs: allAt - startedAt,
      serverCpuMs,
    };
  } finally {
    await Promise.all([observer, ...writerProcesses].map((generator) => generator.close()));
  }
}
