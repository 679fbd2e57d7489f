/*
 * Load-generator operations of the check-in rush, written with sync-core's own board operations
 * (`addGuest`, `checkInGuest`, `readBoard`): plain Yjs, so they run against any server.
 */
import { addGuest, checkInGuest, readBoard } from '@pairboard/sync-core';
import { SyncClient } from './sync-client.mjs';
import { now } from '../lib/stats.mjs';

const GUEST_BATCH = 250; // guests per transaction: one update each

/** Per process: the rush's writers, and the watcher that times the log filling up. */
const state = { writers: [], watcher: null, keep: [] };

const connected = async (target, doc) => {
  const client = new SyncClient({ target, doc });
  await client.connect();
  return client;
};

/** Adds `guests` guests with sync-core's addGuest and stays connected; answers their ids in order. */
async function seedGuests({ target, doc, guests }) {
  const seeder = await connected(target, doc);
  state.keep.push(seeder); // an in-memory Hocuspocus drops a document when its last client leaves
  const ids = [];
  for (let from = 0; from < guests; from += GUEST_BATCH) {
    seeder.doc.transact(() => {
      for (let i = from; i < Math.min(guests, from + GUEST_BATCH); i += 1) {
        const added = addGuest(seeder.doc, { name: `来宾 ${i + 1}`, company: 'ACME Robotics' });
        if (!added.ok) throw new Error(added.error.message);
        ids.push(added.value);
      }
    });
  }
  await seeder.flushed();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const reader = await connected(target, doc);
    const seen = readBoard(reader.doc).guests.length;
    reader.close();
    if (seen === guests) return { ids };
    if (Date.now() > deadline) throw new Error(`the server has ${seen} of ${guests} guests after seeding`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Connects one client per writer: `writers` is [{ actor, guestIds }]. */
async function prepareRush({ target, doc, writers }) {
  state.writers = await Promise.all(
    writers.map(async ({ actor, guestIds }) => ({ actor, guestIds, client: await connected(target, doc) })),
  );
  return { writers: state.writers.length };
}

/**
 * Every writer checks its guests in, one `checkInGuest` per turn of the event loop (so updates
 * from the others arrive in between, as on phones at neighbouring doors), all writers at once.
 */
async function rush() {
  const startedAt = now();
  const outcomes = await Promise.all(
    state.writers.map(async ({ actor, guestIds, client }) => {
      let written = 0;
      let already = 0;
      for (const guestId of guestIds) {
        const result = checkInGuest(client.doc, guestId, actor, new Date());
        if (!result.ok) throw new Error(`${actor.name}: ${result.error.message}`);
        if (result.value.already) already += 1;
        else written += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
      await client.flushed();
      return { written, already };
    }),
  );
  const sum = (key) => outcomes.reduce((total, outcome) => total + outcome[key], 0);
  return { startedAt, written: sum('written'), already: sum('already') };
}

/** A client that notes when every one of `guests` guests has a check-in in the log. */
async function watchCheckIns({ target, doc, guests }) {
  const client = await connected(target, doc);
  const seen = new Set();
  const watcher = { client, allAt: NaN };
  watcher.done = new Promise((resolve) => {
    client.doc.getArray('checkInLog').observe((event) => {
      for (const { insert } of event.changes.delta)
        for (const entry of insert ?? []) if (entry?.kind === 'check_in') seen.add(entry.guestId);
      if (seen.size >= guests && Number.isNaN(watcher.allAt)) {
        watcher.allAt = now();
        resolve();
      }
    });
  });
  state.watcher = watcher;
  return {};
}

async function watchResult({ timeoutMs }) {
  const timeout = new Promise((resolve) => setTimeout(resolve, timeoutMs).unref());
  await Promise.race([state.watcher.done, timeout]);
  return { allAt: state.watcher.allAt };
}

/**
 * On a fresh client: how many guests have a standing check-in, how many check-in entries the log
 * holds, and whether each guest's standing check-in is its earliest one.
 */
async function verifyCheckIns({ target, doc }) {
  const reader = await connected(target, doc);
  const entries = reader.doc
    .getArray('checkInLog')
    .toArray()
    .filter((entry) => entry?.kind === 'check_in');
  const earliest = new Map();
  for (const entry of entries) {
    const known = earliest.get(entry.guestId);
    if (!known || entry.at < known.at || (entry.at === known.at && entry.by.id < known.by.id))
      earliest.set(entry.guestId, entry);
  }
  const guests = readBoard(reader.doc).guests;
  reader.close();
  const recorded = guests.filter((guest) => guest.checkIn).length;
  const notEarliest = guests.filter((guest) => {
    const first = earliest.get(guest.id);
    return guest.checkIn && (guest.checkIn.at !== first.at || guest.checkIn.by.id !== first.by.id);
  }).length;
  return { guests: guests.length, recorded, entries: entries.length, notEarliest };
}

function closeCheckInClients() {
  for (const client of [...state.keep, ...state.writers.map((writer) => writer.client)]) client.close();
  state.watcher?.client.close();
}

export const checkInOps = {
  seedGuests,
  prepareRush,
  rush,
  watchCheckIns,
  watchResult,
  verifyCheckIns,
  closeCheckInClients,
};
