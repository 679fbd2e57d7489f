import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hasPendingState, inspectUpdate } from './inspect-update.ts';
import {
  buildSampleDoc,
  captureUpdate,
  docFingerprint,
  newDoc,
  sampleCard,
  syncDocs,
} from './update-fixtures.ts';

/** A server doc and a client doc that share the sample board. */
function syncedPair(): { server: Y.Doc; client: Y.Doc } {
  const server = newDoc(1);
  const client = newDoc(2);
  const base = buildSampleDoc(7);
  syncDocs(base, server);
  syncDocs(base, client);
  return { server, client };
}

const EDITS: [string, (doc: Y.Doc) => void][] = [
  ['a text insert', (doc) => doc.getText('notes').insert(3, 'checked in')],
  ['text formatting', (doc) => doc.getText('notes').format(0, 4, { italic: true })],
  ['an insert with attributes', (doc) => doc.getText('notes').insert(0, 'VIP ', { color: 'red' })],
  ['an array push of plain values', (doc) => doc.getArray('items').push([42, 'x', { y: [1] }])],
  ['a map set on a root map', (doc) => doc.getMap('meta').set('title', 'Launch')],
  ['a nested map inside an array', (doc) => doc.getArray('items').insert(0, [new Y.Map([['k', 1]])])],
  ['a first key in a nested map (parent by ID)', (doc) => sampleCard(doc).set('new', 1)],
  ['a map overwrite (origin plus the parentSub flag)', (doc) => sampleCard(doc).set('title', 'Gate')],
  ['an edit of nested text', (doc) => (sampleCard(doc).get('text') as Y.Text).insert(2, '!')],
  ['text deletes', (doc) => doc.getText('notes').delete(2, 5)],
  ['an array delete', (doc) => doc.getArray('items').delete(0, 1)],
  ['an XML edit', (doc) => doc.getXmlFragment('xml').push([new Y.XmlElement('h1')])],
  [
    'insert and delete in one transaction',
    (doc) => {
      doc.getText('scratch').insert(0, 'tmp');
      doc.getText('scratch').delete(0, 2);
    },
  ],
];

describe('inspectUpdate: ok (UV9)', () => {
  it.each(EDITS)(
    'accepts %s from a synced client; applying it leaves no pending state and equal docs',
    (_name, edit) => {
      const { server, client } = syncedPair();
      const update = captureUpdate(client, edit);
      expect(inspectUpdate(server, update)).toEqual({ kind: 'ok', size: update.byteLength });
      Y.applyUpdate(server, update);
      expect(hasPendingState(server)).toBe(false);
      expect(docFingerprint(server)).toEqual(docFingerprint(client));
    },
  );

  it('accepts a first full state into an empty doc, with root types it has never seen (UV6)', () => {
    const server = newDoc(1);
    const update = Y.encodeStateAsUpdate(buildSampleDoc());
    expect(inspectUpdate(server, update).kind).toBe('ok');
    Y.applyUpdate(server, update);
    expect(hasPendingState(server)).toBe(false);
    expect(docFingerprint(server)).toEqual(docFingerprint(buildSampleDoc()));
  });

  it('accepts an update that is partly known and partly new; Yjs skips the overlap (UV8)', () => {
    const { server, client } = syncedPair();
    const known = captureUpdate(client, (doc) => doc.getText('notes').insert(0, 'a'));
    Y.applyUpdate(server, known);
    const fresh = captureUpdate(client, (doc) => doc.getText('notes').insert(0, 'b'));
    expect(inspectUpdate(server, Y.mergeUpdates([known, fresh])).kind).toBe('ok');
    Y.applyUpdate(server, Y.mergeUpdates([known, fresh]));
    expect(docFingerprint(server)).toEqual(docFingerprint(client));
  });

  it('accepts a delete-only update of items the doc has (UV7)', () => {
    const { server, client } = syncedPair();
    const update = captureUpdate(client, (doc) => doc.getText('notes').delete(0, 3));
    expect(inspectUpdate(server, update).kind).toBe('ok');
  });

  it('accepts a concurrent edit inside a nested map the doc has deleted and garbage-collected (UV6)', () => {
    // Regression guard: the deleted map's item now holds ContentDeleted, not ContentType. Rejecting
    // this would disconnect a well-behaved client; Yjs correctly GCs the late edit.
    const { server, client } = syncedPair();
    const deleter = newDoc(3);
    syncDocs(server, deleter);
    const concurrentEdit = captureUpdate(client, (doc) => sampleCard(doc).set('late', 1));
    const cardId = sampleCard(server)._item?.id as Y.ID;
    Y.applyUpdate(
      server,
      captureUpdate(deleter, (doc) => doc.getArray('items').delete(doc.getArray('items').length - 1, 1)),
    );
    expect(Y.getItem(server.store, cardId).content).toBeInstanceOf(Y.ContentDeleted);
    expect(inspectUpdate(server, concurrentEdit).kind).toBe('ok');
    Y.applyUpdate(server, concurrentEdit);
    expect(hasPendingState(server)).toBe(false);
  });

  it('accepts Y.mergeUpdates of several clients’ updates and converges with the clients (UV4, UV5)', () => {
    const { server, client } = syncedPair();
    const other = newDoc(3);
    syncDocs(server, other);
    const updates = [
      captureUpdate(client, (doc) => doc.getText('notes').insert(0, 'one ')),
      captureUpdate(other, (doc) => doc.getMap('meta').set('venue', 'Hall B')),
      captureUpdate(client, (doc) => doc.getText('notes').delete(0, 2)),
    ];
    syncDocs(client, other);
    updates.push(captureUpdate(other, (doc) => doc.getText('notes').insert(1, 'after client')));
    const merged = Y.mergeUpdates(updates);
    expect(inspectUpdate(server, merged).kind).toBe('ok');
    Y.applyUpdate(server, merged);
    expect(hasPendingState(server)).toBe(false);
    expect(docFingerprint(server)).toEqual(docFingerprint(other));
  });

  it('accepts a merged update with a Skip when the doc already has the skipped clocks (UV4)', () => {
    const { server, client } = syncedPair();
    const first = captureUpdate(client, (doc) => doc.getText('notes').insert(0, 'ab'));
    const second = captureUpdate(client, (doc) => doc.getText('notes').insert(0, 'cd'));
    const third = captureUpdate(client, (doc) => doc.getText('notes').insert(0, 'ef'));
    Y.applyUpdate(server, first);
    Y.applyUpdate(server, second);
    expect(inspectUpdate(server, Y.mergeUpdates([first, third])).kind).toBe('ok');
    Y.applyUpdate(server, Y.mergeUpdates([first, third]));
    expect(hasPendingState(server)).toBe(false);
    expect(docFingerprint(server)).toEqual(docFingerprint(client));
  });
});

describe('inspectUpdate: empty (UV8)', () => {
  it('reports a resent update as empty', () => {
    const { server, client } = syncedPair();
    const update = captureUpdate(client, (doc) => doc.getText('notes').insert(0, 'hello'));
    Y.applyUpdate(server, update);
    expect(inspectUpdate(server, update)).toEqual({ kind: 'empty' });
  });

  it('reports a client’s whole state sent in sync step 2 as empty when the server has it all', () => {
    const { server, client } = syncedPair();
    Y.applyUpdate(
      server,
      captureUpdate(client, (doc) => doc.getText('notes').delete(0, 4)),
    );
    expect(inspectUpdate(server, Y.encodeStateAsUpdate(client))).toEqual({ kind: 'empty' });
  });

  it('reports a resent delete as empty, and the same delete as ok before it was applied', () => {
    const { server, client } = syncedPair();
    const update = captureUpdate(client, (doc) => doc.getArray('items').delete(0, 1));
    expect(inspectUpdate(server, update).kind).toBe('ok');
    Y.applyUpdate(server, update);
    expect(inspectUpdate(server, update)).toEqual({ kind: 'empty' });
  });

  it('reports the update with no structs and no deletes as empty', () => {
    expect(inspectUpdate(newDoc(1), new Uint8Array([0, 0]))).toEqual({ kind: 'empty' });
  });
});

describe('inspectUpdate: leaves the doc alone (UV10)', () => {
  const updates: [string, Uint8Array][] = [
    ['an ok update naming new root types', Y.encodeStateAsUpdate(buildSampleDoc())],
    ['garbage', new Uint8Array([3, 1, 7, 0, 200, 1])],
    ['a truncated update', Y.encodeStateAsUpdate(buildSampleDoc()).slice(0, 40)],
  ];

  it.each(updates)('does not change the doc, emit events or create root types for %s', (_name, update) => {
    const server = newDoc(1);
    Y.applyUpdate(
      server,
      captureUpdate(newDoc(2), (doc) => doc.getText('other').insert(0, 'x')),
    );
    const before = Y.encodeStateAsUpdate(server);
    let events = 0;
    server.on('update', () => events++);
    inspectUpdate(server, update);
    expect(events).toBe(0);
    expect([...server.share.keys()]).toEqual(['other']);
    expect(Y.encodeStateAsUpdate(server)).toEqual(before);
  });

  it('inspects a small update against a large (1 MB) doc in microseconds, not in doc size', () => {
    const server = newDoc(1);
    const writer = newDoc(2);
    const chunk = 'x'.repeat(100);
    for (let i = 0; i < 10_000; i++) writer.getText('log').insert(i * 100, chunk);
    syncDocs(writer, server);
    expect(Y.encodeStateAsUpdate(server).byteLength).toBeGreaterThan(1_000_000);
    const update = captureUpdate(writer, (doc) => doc.getText('log').insert(500, 'edit'));
    const started = performance.now();
    for (let i = 0; i < 5_000; i++) inspectUpdate(server, update);
    // Generous bound: a linear-in-doc implementation (encode or clone) takes seconds here.
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
