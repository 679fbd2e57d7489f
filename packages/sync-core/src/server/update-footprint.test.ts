import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGuest, addTimelineEntry, checkInGuest, tickItem } from '../index.ts';
import { craftUpdate } from './craft-update.ts';
import { DOOR, EDITOR, NOW, clientOf, entity, newBoard, unwrap, updateFrom } from './footprint-fixtures.ts';
import { inspectUpdate } from './inspect-update.ts';
import { captureUpdate, newDoc } from './update-fixtures.ts';
import { updateFootprint, type UpdateFootprint } from './update-footprint.ts';

interface PlainRoot {
  existingKeys?: string[];
  newKeys?: string[];
  arrayInserts?: number;
}

/** A footprint as plain data, leaving out empty parts, so expectations read like the rule. */
function plain(footprint: UpdateFootprint): { roots: Record<string, PlainRoot>; deletes: boolean } {
  const roots: Record<string, PlainRoot> = {};
  for (const [name, root] of footprint.roots) {
    const entry: PlainRoot = {};
    if (root.existingKeys.size > 0) entry.existingKeys = [...root.existingKeys].sort();
    if (root.newKeys.size > 0) entry.newKeys = [...root.newKeys].sort();
    if (root.arrayInserts > 0) entry.arrayInserts = root.arrayInserts;
    roots[name] = entry;
  }
  return { roots, deletes: footprint.deletes };
}

/** The footprint of an update the server accepts, checking that computing it leaves the doc alone (WP8). */
function footprintOf(server: Y.Doc, update: Uint8Array) {
  expect(inspectUpdate(server, update).kind).toBe('ok');
  const before = Y.encodeStateAsUpdate(server);
  const rootNames = [...server.share.keys()];
  const footprint = plain(updateFootprint(server, update));
  expect(Y.encodeStateAsUpdate(server)).toEqual(before);
  expect([...server.share.keys()]).toEqual(rootNames);
  return footprint;
}

describe('updateFootprint: roots and entries (WP1–WP3)', () => {
  it('counts a check-in as one insert into the checkInLog array root', () => {
    const { server, guestId } = newBoard();
    const update = updateFrom(server, (doc) => unwrap(checkInGuest(doc, guestId, DOOR, NOW)));
    expect(footprintOf(server, update)).toEqual({
      roots: { checkInLog: { arrayInserts: 1 } },
      deletes: false,
    });
  });

  it('attributes a new guest map and the fields set inside it to one new key of guests', () => {
    const { server } = newBoard();
    let id = '';
    const update = updateFrom(server, (doc) => {
      id = unwrap(addGuest(doc, { name: '王五', walkIn: true }));
    });
    expect(footprintOf(server, update)).toEqual({ roots: { guests: { newKeys: [id] } }, deletes: false });
  });

  it('attributes fields added in a later update to a map created earlier in the same merged update', () => {
    // The second update's fields name the new map by ID, and the overwrite of `name` copies its
    // parent from an origin that is itself in the update.
    const { server } = newBoard();
    const client = clientOf(server, 7);
    let id = '';
    const create = captureUpdate(client, (doc) => {
      id = unwrap(addGuest(doc, { name: '王五' }));
    });
    const edit = captureUpdate(client, () => {
      const guest = entity(client, 'guests', id);
      guest.set('name', '王五 (VIP)');
      guest.set('badge', new Y.Map([['color', 'gold']]));
    });
    const merged = Y.mergeUpdates([create, edit]);
    expect(footprintOf(server, merged)).toEqual({ roots: { guests: { newKeys: [id] } }, deletes: false });
  });

  it('attributes a field changed inside an existing entry to that existing key and counts the overwrite as a delete (WP4)', () => {
    const { server, itemId } = newBoard();
    const update = updateFrom(server, (doc) => unwrap(tickItem(doc, itemId, EDITOR, NOW)));
    expect(footprintOf(server, update)).toEqual({
      roots: { items: { existingKeys: [itemId] } },
      deletes: true,
    });
  });

  it('does not count a field added to an existing entry as a delete: nothing is overwritten (WP4)', () => {
    const { server, guestId } = newBoard();
    const update = updateFrom(server, (doc) => entity(doc, 'guests', guestId).set('badge', 'A-12'));
    expect(footprintOf(server, update)).toEqual({
      roots: { guests: { existingKeys: [guestId] } },
      deletes: false,
    });
  });

  it('follows nested types in the doc up to the entry they belong to (an incident timeline entry)', () => {
    const { server, incidentId } = newBoard();
    const update = updateFrom(server, (doc) =>
      unwrap(addTimelineEntry(doc, incidentId, { text: '已通知技术人员' }, EDITOR, NOW)),
    );
    expect(footprintOf(server, update)).toEqual({
      roots: { incidents: { existingKeys: [incidentId] } },
      deletes: false,
    });
  });

  it('records a change inside an element an array root already has as that element ID (WP3)', () => {
    const { server } = newBoard();
    Y.applyUpdate(
      server,
      updateFrom(server, (doc) => doc.getArray('checkInLog').push([new Y.Map()]), 9),
    );
    const element = server.getArray('checkInLog').get(1) as Y.Map<unknown>;
    const id = element._item?.id;
    const update = updateFrom(server, (doc) =>
      (doc.getArray('checkInLog').get(1) as Y.Map<unknown>).set('k', 1),
    );
    expect(footprintOf(server, update)).toEqual({
      roots: { checkInLog: { existingKeys: [`${id?.client}:${id?.clock}`] } },
      deletes: false,
    });
  });

  it('counts re-adding a key whose value was deleted as an existing key (WP2)', () => {
    const { server, guestId } = newBoard();
    Y.applyUpdate(
      server,
      updateFrom(server, (doc) => doc.getMap('guests').delete(guestId)),
    );
    const update = updateFrom(server, (doc) => doc.getMap('guests').set(guestId, new Y.Map()), 8);
    expect(footprintOf(server, update)).toEqual({
      roots: { guests: { existingKeys: [guestId] } },
      deletes: false,
    });
  });

  it('counts a key on a root the doc has never seen as new, without creating that root (WP2, WP8)', () => {
    const { server } = newBoard();
    const update = updateFrom(server, (doc) =>
      doc.getMap('guestContacts').set('g1', new Y.Map([['phone', '1']])),
    );
    expect(footprintOf(server, update)).toEqual({
      roots: { guestContacts: { newKeys: ['g1'] } },
      deletes: false,
    });
    expect(server.share.has('guestContacts')).toBe(false);
  });

  it('handles an entry nested thousands of levels deep without recursion', () => {
    const { server } = newBoard();
    const update = updateFrom(server, (doc) => {
      let map = new Y.Map<unknown>();
      doc.getMap('guests').set('deep', map);
      for (let i = 0; i < 3000; i++) {
        const child = new Y.Map<unknown>();
        map.set('child', child);
        map = child;
      }
    });
    expect(footprintOf(server, update)).toEqual({ roots: { guests: { newKeys: ['deep'] } }, deletes: false });
  });
});

describe('updateFootprint: deletes (WP4)', () => {
  it('attributes the delete of a guest to the guest key of its root', () => {
    const { server, guestId } = newBoard();
    const update = updateFrom(server, (doc) => doc.getMap('guests').delete(guestId));
    expect(footprintOf(server, update)).toEqual({
      roots: { guests: { existingKeys: [guestId] } },
      deletes: true,
    });
  });

  it('attributes the delete of a check-in log element to that element ID', () => {
    const { server } = newBoard();
    const first = server.getArray('checkInLog')._start;
    if (first === null) throw new Error('the board has a check-in');
    const update = updateFrom(server, (doc) => doc.getArray('checkInLog').delete(0, 1));
    expect(footprintOf(server, update)).toEqual({
      roots: { checkInLog: { existingKeys: [`${first.id.client}:${first.id.clock}`] } },
      deletes: true,
    });
  });

  it('attributes deletes inside a nested type to the entry it belongs to', () => {
    const { server, incidentId } = newBoard();
    const update = updateFrom(server, (doc) =>
      (entity(doc, 'incidents', incidentId).get('timeline') as Y.Array<unknown>).delete(0, 1),
    );
    expect(footprintOf(server, update)).toEqual({
      roots: { incidents: { existingKeys: [incidentId] } },
      deletes: true,
    });
  });

  it('does not count deleting what the same update created', () => {
    const { server } = newBoard();
    const update = updateFrom(server, (doc) => {
      const guest = new Y.Map<unknown>();
      doc.getMap('guests').set('walk-in', guest);
      guest.set('name', 'draft');
      guest.set('name', '赵六');
    });
    expect(Y.decodeUpdate(update).ds.clients.size).toBe(1);
    expect(footprintOf(server, update)).toEqual({
      roots: { guests: { newKeys: ['walk-in'] } },
      deletes: false,
    });
  });

  it('counts a concurrent set of a key whose current value is live as a delete', () => {
    const { server, itemId } = newBoard();
    const late = updateFrom(server, (doc) => entity(doc, 'items', itemId).set('title', 'late'), 8);
    Y.applyUpdate(
      server,
      updateFrom(server, (doc) => entity(doc, 'items', itemId).set('title', 'first'), 9),
    );
    expect(footprintOf(server, late)).toEqual({
      roots: { items: { existingKeys: [itemId] } },
      deletes: true,
    });
  });
});

describe('updateFootprint: unknown roots and known clocks (WP5, WP6)', () => {
  it('attributes an edit inside a map the doc has deleted and garbage-collected to the unknown root', () => {
    const { server, guestId } = newBoard();
    const late = updateFrom(server, (doc) => entity(doc, 'guests', guestId).set('badge', 'B'), 8);
    Y.applyUpdate(
      server,
      updateFrom(server, (doc) => doc.getMap('guests').delete(guestId), 9),
    );
    expect(footprintOf(server, late)).toEqual({ roots: { '': {} }, deletes: false });
  });

  it('attributes a GC struct to the unknown root', () => {
    const { server } = newBoard();
    const update = craftUpdate({ clients: [{ client: 50, clock: 0, structs: [{ gc: 3 }] }] });
    expect(footprintOf(server, update)).toEqual({ roots: { '': {} }, deletes: false });
  });

  it('gives a resent update an empty footprint', () => {
    const { server, itemId } = newBoard();
    const update = updateFrom(server, (doc) => unwrap(tickItem(doc, itemId, EDITOR, NOW)));
    Y.applyUpdate(server, update);
    expect(inspectUpdate(server, update).kind).toBe('empty');
    expect(plain(updateFootprint(server, update))).toEqual({ roots: {}, deletes: false });
  });

  it('counts only the new part of an update that overlaps what the doc has', () => {
    const { server, itemId, guestId } = newBoard();
    const client = clientOf(server, 7);
    const tick = captureUpdate(client, (doc) => unwrap(tickItem(doc, itemId, EDITOR, NOW)));
    const checkIn = captureUpdate(client, (doc) => unwrap(checkInGuest(doc, guestId, DOOR, NOW)));
    Y.applyUpdate(server, tick);
    const merged = Y.mergeUpdates([tick, checkIn]);
    expect(footprintOf(server, merged)).toEqual({
      roots: { checkInLog: { arrayInserts: 1 } },
      deletes: false,
    });
  });

  it('reads a fresh doc without creating any root', () => {
    const server = newDoc(1);
    const update = captureUpdate(newDoc(2), (doc) => doc.getArray('checkInLog').push([{ a: 1 }, { a: 2 }]));
    expect(footprintOf(server, update)).toEqual({
      roots: { checkInLog: { arrayInserts: 2 } },
      deletes: false,
    });
    expect(server.share.size).toBe(0);
  });
});
