#!/usr/bin/env node
/*
 * A load-generator process (forked by the scenarios): many SyncClients on one event loop, driven
 * and read over IPC. Each request is `{ id, op, ...args }`; the answer is `{ id, ok, result }` or
 * `{ id, ok: false, error }`. Times are wall-clock milliseconds (lib/stats.mjs `now`), comparable
 * with the other processes on this machine.
 */
import { SyncClient } from './sync-client.mjs';
import { addChecklist, addGuests, countBoard, probeSeq, writeProbe } from './board-data.mjs';
import { now } from '../lib/stats.mjs';
import { checkInOps } from './check-in-ops.mjs';

const clients = [];
/** Per subscriber: flat [seq, at, seq, at, ...] of the fan-out edits it saw. */
const arrivals = [];
let arrivalCount = 0;
let joiners = [];
let writer = null;

const ops = {
  async subscribe({ target, doc, count, awareness }) {
    const batch = [];
    for (let i = 0; i < count; i += 1) {
      const seen = [];
      let lastSeq = 0; // seq 0 is the probe's creation, before the clock started
      arrivals.push(seen);
      const client = new SyncClient({
        target,
        doc,
        awarenessState: awareness ? { user: { name: `subscriber ${process.pid}/${i}` } } : null,
        onRemoteUpdate: (_update, at) => {
          const seq = probeSeq(client.doc);
          // A server may merge edits that arrive together into one update (Hocuspocus does):
          // seeing edit k means holding every edit before it, since Yjs integrates in order.
          for (let edit = lastSeq + 1; edit <= seq; edit += 1) {
            seen.push(edit, at);
            arrivalCount += 1;
          }
          if (seq > lastSeq) lastSeq = seq;
        },
      });
      batch.push(client);
    }
    clients.push(...batch);
    await Promise.all(batch.map((client) => client.connect()));
    return { connected: batch.length };
  },

  async connectWriter({ target, doc }) {
    writer = new SyncClient({ target, doc, awarenessState: { user: { name: 'writer' } } });
    clients.push(writer);
    await writer.connect();
    writeProbe(writer.doc, 0); // creates the probe guest before the clock starts
    await writer.flushed();
    return {};
  },

  /**
   * Untimed edits at the same rate (seqs below zero, which subscribers do not count), then a
   * moment for them to arrive: a fresh server compiles its code and prepares its statements on
   * the first edits, and with hundreds of deliveries each those alone would make the p99.
   */
  async warmUp({ rate, durationMs }) {
    const total = Math.round((rate * durationMs) / 1000);
    for (let seq = -total; seq < 0; seq += 1) {
      writeProbe(writer.doc, seq);
      await new Promise((resolve) => setTimeout(resolve, 1000 / rate));
    }
    await writer.flushed();
    await new Promise((resolve) => setTimeout(resolve, 250));
    return {};
  },

  async write({ rate, durationMs }) {
    const total = Math.round((rate * durationMs) / 1000);
    const intervalMs = 1000 / rate;
    const sent = [];
    const startedAt = now();
    for (let seq = 1; seq <= total; seq += 1) {
      // Scheduled from the start, not from the previous send, so timer lag does not add up.
      const due = startedAt + (seq - 1) * intervalMs;
      const wait = due - now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sent.push(seq, now());
      writeProbe(writer.doc, seq);
    }
    await writer.flushed();
    return { sent };
  },

  count() {
    return { arrivals: arrivalCount };
  },

  arrivals() {
    return { arrivals };
  },

  async seed({ target, doc, guests, checklist, batch }) {
    const seeder = new SyncClient({ target, doc });
    clients.push(seeder);
    await seeder.connect();
    for (let from = 0; from < guests; from += batch)
      addGuests(seeder.doc, from, Math.min(guests, from + batch));
    for (let from = 0; from < checklist; from += batch)
      addChecklist(seeder.doc, from, Math.min(checklist, from + batch));
    await seeder.flushed();
    // Read it back through a fresh connection until the server has all of it.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const reader = new SyncClient({ target, doc });
      await reader.connect();
      const counts = countBoard(reader.doc);
      const step2Bytes = reader.step2Bytes;
      reader.close();
      if (counts.guests === guests && counts.checklist === checklist) return { ...counts, step2Bytes };
      if (Date.now() > deadline) throw new Error(`server has ${JSON.stringify(counts)} after seeding`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  },

  /**
   * Many boards: `perBoard` clients on each doc. With `items`, the first client of each board
   * writes that many checklist items (the same plain map data on every server) before the others
   * connect, and every other client checks that it got them.
   */
  async openBoards({ target, docs, perBoard, items = 0 }) {
    const connect = async (doc, count) => {
      const batch = Array.from({ length: count }, () => new SyncClient({ target, doc, awarenessState: {} }));
      clients.push(...batch);
      await Promise.all(batch.map((client) => client.connect()));
      return batch;
    };
    let rest = perBoard;
    if (items > 0) {
      const writers = (await inBatches(docs, 50, (doc) => connect(doc, 1))).flat();
      for (const writer of writers) addChecklist(writer.doc, 0, items);
      await Promise.all(writers.map((writer) => writer.flushed()));
      rest -= 1;
    }
    const readers = (await inBatches(docs, 50, (doc) => connect(doc, rest))).flat();
    const short = readers.filter((reader) => countBoard(reader.doc).checklist < items).length;
    if (short > 0) throw new Error(`${short} clients synced without the board's ${items} items`);
    return { connected: readers.length + (items > 0 ? docs.length : 0) };
  },

  prepareJoin({ target, doc, count }) {
    // The first joiner of each process applies the answer and checks it; the rest only time it.
    joiners = Array.from({ length: count }, (_, i) => new SyncClient({ target, doc, applyStep2: i === 0 }));
    clients.push(...joiners);
    return { prepared: count };
  },

  async join({ timeoutMs }) {
    const startedAt = now();
    const timeout = new Promise((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([Promise.allSettled(joiners.map((client) => client.connect())), timeout]);
    return {
      startedAt,
      syncedAt: joiners.map((client) => client.syncedAt),
      step2Bytes: joiners.map((client) => client.step2Bytes),
      errors: joiners.filter((client) => client.error).map((client) => String(client.error.message)),
      firstCounts: countBoard(joiners[0].doc),
    };
  },

  ...checkInOps,

  close() {
    for (const client of clients) client.close();
    checkInOps.closeCheckInClients();
    setImmediate(() => process.exit(0));
    return {};
  },
};

/** `make(item)` for every item, `width` at a time; the answers in order. */
async function inBatches(items, width, make) {
  const answers = [];
  for (let from = 0; from < items.length; from += width)
    answers.push(...(await Promise.all(items.slice(from, from + width).map(make))));
  return answers;
}

process.on('message', async ({ id, op, ...args }) => {
  try {
    const result = await ops[op](args);
    process.send({ id, ok: true, result });
  } catch (error) {
    process.send({ id, ok: false, error: error instanceof Error ? error.stack : String(error) });
  }
});
process.on('disconnect', () => process.exit(0));
