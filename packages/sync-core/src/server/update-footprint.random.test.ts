import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGuest, addTimelineEntry, checkInGuest, tickItem, untickItem } from '../index.ts';
import { DOOR, EDITOR, NOW, clientOf, newBoard } from './footprint-fixtures.ts';
import { decodeUpdateV1 } from './decode-update-v1.ts';
import { inspectUpdate } from './inspect-update.ts';
import { updateFootprint, type UpdateFootprint } from './update-footprint.ts';
import { createSeededRandom } from '../seeded-random.ts';

/*
 * Exactness check (WP1–WP4): for random sequential edits, the footprint computed before applying
 * must name exactly the roots and keys Yjs reports as changed when it applies the update, and
 * `deletes` must be true exactly when applying removes something the doc had.
 */

const randomFrom = createSeededRandom;

type Random = () => number;

function pick<T>(random: Random, values: readonly T[]): T | undefined {
  return values[Math.floor(random() * values.length)];
}

function keysOf(doc: Y.Doc, root: string): string[] {
  return [...doc.getMap(root).keys()];
}

function liveMap(doc: Y.Doc, root: string, random: Random): Y.Map<unknown> | undefined {
  const key = pick(random, keysOf(doc, root));
  const value = key === undefined ? undefined : doc.getMap(root).get(key);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
}

const EDITS: ((doc: Y.Doc, random: Random) => void)[] = [
  (doc, random) => {
    const id = pick(random, keysOf(doc, 'guests'));
    if (id !== undefined) checkInGuest(doc, id, DOOR, NOW);
  },
  (doc) => addGuest(doc, { name: '来宾', walkIn: true }),
  (doc, random) => {
    const id = pick(random, keysOf(doc, 'items'));
    if (id !== undefined) (random() < 0.5 ? tickItem : untickItem)(doc, id, EDITOR, NOW);
  },
  (doc, random) => {
    const id = pick(random, keysOf(doc, 'incidents'));
    if (id !== undefined) addTimelineEntry(doc, id, { text: '进展' }, EDITOR, NOW);
  },
  (doc, random) =>
    liveMap(doc, pick(random, ['guests', 'items']) ?? 'guests', random)?.set('name', `n${random()}`),
  (doc, random) => liveMap(doc, 'guests', random)?.set(`f${Math.floor(random() * 4)}`, random()),
  (doc, random) => liveMap(doc, 'guests', random)?.set('nested', new Y.Map([['a', 1]])),
  (doc, random) => {
    const nested = liveMap(doc, 'guests', random)?.get('nested');
    if (nested instanceof Y.Map) nested.set(`k${Math.floor(random() * 3)}`, random());
  },
  (doc, random) => {
    const key = pick(random, keysOf(doc, pick(random, ['guests', 'items', 'pairs']) ?? 'guests'));
    if (key !== undefined) doc.getMap('guests').delete(key);
  },
  (doc, random) => doc.getMap('guests').set(`g${Math.floor(random() * 3)}`, new Y.Map([['name', 'x']])),
  (doc, random) => {
    const log = doc.getArray('checkInLog');
    if (log.length > 0) log.delete(Math.floor(random() * log.length), 1);
  },
  (doc, random) =>
    doc.getMap('meta').set(pick(random, ['name', 'venue', 'extra']) ?? 'extra', `v${random()}`),
];

interface Observed {
  roots: Map<string, Set<string>>;
  deletes: boolean;
}

/** What Yjs reports while applying: changed roots with their touched top-level keys, and real deletes. */
function applyObserved(server: Y.Doc, update: Uint8Array): Observed {
  const observed: Observed = { roots: new Map(), deletes: false };
  const onTransaction = (transaction: Y.Transaction): void => {
    for (const [type, subs] of transaction.changed) {
      const top = topOf(type);
      const keys = observed.roots.get(top.root) ?? new Set();
      observed.roots.set(top.root, keys);
      if (top.key !== null) keys.add(top.key);
      else for (const sub of subs) if (sub !== null) keys.add(sub);
    }
    for (const [client, ranges] of transaction.deleteSet.clients) {
      const before = transaction.beforeState.get(client) ?? 0;
      if (ranges.some((range) => range.clock < before)) observed.deletes = true;
    }
  };
  server.on('afterTransaction', onTransaction);
  Y.applyUpdate(server, update);
  server.off('afterTransaction', onTransaction);
  return observed;
}

type AnyType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

function topOf(type: AnyType): { root: string; key: string | null } {
  let item = type._item;
  if (item === null) return { root: Y.findRootTypeKey(type), key: null };
  let parent = parentOf(item);
  while (parent._item !== null) {
    item = parent._item;
    parent = parentOf(item);
  }
  return { root: Y.findRootTypeKey(parent), key: item.parentSub ?? `${item.id.client}:${item.id.clock}` };
}

function parentOf(item: Y.Item): AnyType {
  const parent: unknown = item.parent;
  if (!(parent instanceof Y.AbstractType)) throw new Error('an integrated item has a type as parent');
  return parent as AnyType;
}

/**
 * The footprint in the observed shape. Left out: existing array elements (Yjs reports array
 * changes without keys) and the unknown root, checked separately.
 */
function touchedKeys(footprint: UpdateFootprint): Map<string, Set<string>> {
  const touched = new Map<string, Set<string>>();
  for (const [root, r] of footprint.roots) {
    if (root === '') continue;
    const keys = [...r.existingKeys, ...r.newKeys].filter((key) => !ELEMENT_ID.test(key));
    touched.set(root, new Set(keys));
  }
  return touched;
}

const ELEMENT_ID = /^\d+:\d+$/;

/** Replacing a nested map in the same transaction leaves its old fields as GC structs (WP5). */
function hasGcStruct(update: Uint8Array): boolean {
  return decodeUpdateV1(update).clients.some((run) => run.structs.some((struct) => struct.kind === 'gc'));
}

describe('updateFootprint matches what Yjs changes (WP1–WP4)', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('for 60 random edits with seed %i', (seed) => {
    const random = randomFrom(seed);
    const { server } = newBoard();
    const client = clientOf(server, 7);
    const seen = { deletes: 0, newKeys: 0, inserts: 0 };
    for (let step = 0; step < 60; step++) {
      const count = 1 + Math.floor(random() * 3);
      const update = captureUpdateOrNull(client, (doc) => {
        for (let i = 0; i < count; i++) pick(random, EDITS)?.(doc, random);
      });
      if (update === null) continue;
      const context = `seed ${seed}, step ${step}`;
      expect(inspectUpdate(server, update).kind, context).toBe('ok');
      const keysBefore = new Map([...server.share].map(([name, type]) => [name, new Set(type._map.keys())]));
      const footprint = updateFootprint(server, update);
      const observed = applyObserved(server, update);
      expect(touchedKeys(footprint), context).toEqual(observed.roots);
      expect(footprint.deletes, context).toBe(observed.deletes);
      expect(footprint.roots.has(''), context).toBe(hasGcStruct(update));
      if (footprint.deletes) seen.deletes++;
      if ([...footprint.roots.values()].some((root) => root.newKeys.size > 0)) seen.newKeys++;
      if ((footprint.roots.get('checkInLog')?.arrayInserts ?? 0) > 0) seen.inserts++;
      for (const [root, { newKeys }] of footprint.roots) {
        for (const key of newKeys) expect(keysBefore.get(root)?.has(key) ?? false, context).toBe(false);
      }
    }
    // The run is only worth something if it covered each kind of change.
    expect(Math.min(seen.deletes, seen.newKeys, seen.inserts)).toBeGreaterThan(0);
  });
});

/** Like `captureUpdate`, but null when the edits wrote nothing (an operation refused them). */
function captureUpdateOrNull(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array | null {
  let update: Uint8Array | null = null;
  const onUpdate = (bytes: Uint8Array): void => {
    update = bytes;
  };
  doc.on('update', onUpdate);
  doc.transact(() => change(doc));
  doc.off('update', onUpdate);
  return update;
}
