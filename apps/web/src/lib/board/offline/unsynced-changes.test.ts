import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  changeFromTransaction,
  confirmByServerAnswer,
  decodePending,
  encodePending,
  probeStateVector,
  type PendingChange,
} from './unsynced-changes.ts';

/** A phone's doc that records its own changes the way OfflineDoc does. */
function phone(clientID?: number): { doc: Y.Doc; pending: PendingChange[] } {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  const pending: PendingChange[] = [];
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    const change = changeFromTransaction(transaction);
    if (change) pending.push(change);
  });
  return { doc, pending };
}

/** What the server answers to a probe: its step 2 against the probe's state vector. */
function answer(server: Y.Doc, local: Y.Doc, pending: readonly PendingChange[]): Uint8Array {
  const probe = probeStateVector(Y.decodeStateVector(Y.encodeStateVector(local)), pending);
  return Y.encodeStateAsUpdate(server, Y.encodeStateVector(probe));
}

/** The server receives the phone's updates, one per change, and stores the first `count`. */
function deliver(server: Y.Doc, updates: readonly Uint8Array[], count: number): void {
  for (const update of updates.slice(0, count)) Y.applyUpdate(server, update, 'phone');
}

function recordUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (transaction.local) updates.push(update);
  });
  return updates;
}

describe('counting unsynced changes', () => {
  it('counts one change per local transaction, not per field written', () => {
    const { doc, pending } = phone();
    doc.transact(() => {
      doc.getMap('items').set('a', 'done');
      doc.getMap('items').set('b', 'done');
    });
    doc.getMap('incidents').set('i1', 'red');
    expect(pending).toHaveLength(2);
  });

  it('does not count what arrives from the server or the local copy', () => {
    const other = new Y.Doc();
    other.getMap('items').set('x', 1);
    const { doc, pending } = phone();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), 'server');
    expect(pending).toEqual([]);
  });

  it('confirms exactly the changes the server has stored, in order', () => {
    const server = new Y.Doc();
    const { doc, pending } = phone();
    const updates = recordUpdates(doc);
    for (const key of ['a', 'b', 'c', 'd', 'e']) doc.getMap('guests').set(key, 'checked in');
    expect(pending).toHaveLength(5);

    deliver(server, updates, 3);
    const left = confirmByServerAnswer(pending, answer(server, doc, pending));
    expect(left).toEqual(pending.slice(3));

    deliver(server, updates.slice(3), 2);
    expect(confirmByServerAnswer(left, answer(server, doc, left))).toEqual([]);
  });

  it('confirms nothing from an answer to an ordinary step 1, which holds none of our changes', () => {
    const server = new Y.Doc();
    const { doc, pending } = phone();
    const updates = recordUpdates(doc);
    doc.getMap('guests').set('a', 'checked in');
    deliver(server, updates, 1);
    const ordinary = Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc));
    expect(confirmByServerAnswer(pending, ordinary)).toEqual(pending);
  });

  it('keeps counting changes made before a reload, under the old client id', () => {
    const server = new Y.Doc();
    const before = phone(101);
    const updates = recordUpdates(before.doc);
    before.doc.getMap('guests').set('a', 'checked in');
    before.doc.getMap('guests').set('b', 'checked in');

    // The reload: a new doc with a new client id, opened from the local copy and the stored list.
    const after = phone(202);
    const afterUpdates = recordUpdates(after.doc);
    Y.applyUpdate(after.doc, Y.encodeStateAsUpdate(before.doc), 'local copy');
    const pending = decodePending(encodePending(before.pending));
    after.doc.getMap('incidents').set('i1', 'red');
    pending.push(...after.pending);
    expect(pending.map((change) => change.client)).toEqual([101, 101, 202]);

    deliver(server, updates, 2);
    expect(confirmByServerAnswer(pending, answer(server, after.doc, pending))).toEqual([after.pending[0]]);
    deliver(server, afterUpdates, 1);
    expect(confirmByServerAnswer(pending, answer(server, after.doc, pending))).toEqual([]);
  });

  it('confirms a deletion-only change once the server has deleted the same content', () => {
    const server = new Y.Doc();
    const { doc, pending } = phone();
    const updates = recordUpdates(doc);
    doc.getMap('contacts').set('g1', 'phone 138…');
    deliver(server, updates, 1);
    pending.splice(0);

    doc.getMap('contacts').delete('g1');
    expect(pending).toHaveLength(1);
    expect(pending[0]?.deletes).toBeDefined();
    expect(confirmByServerAnswer(pending, answer(server, doc, pending))).toEqual(pending);

    deliver(server, updates.slice(1), 1);
    expect(confirmByServerAnswer(pending, answer(server, doc, pending))).toEqual([]);
  });

  it('probes with the confirmed clock of each client that has pending changes', () => {
    const local = new Map([
      [1, 10],
      [2, 7],
      [3, 4],
    ]);
    const pending: PendingChange[] = [
      { client: 2, from: 5, to: 6 },
      { client: 2, from: 6, to: 7 },
    ];
    expect(probeStateVector(local, pending)).toEqual(
      new Map([
        [1, 10],
        [2, 5],
        [3, 4],
      ]),
    );
  });

  it('reads a damaged stored list as nothing pending', () => {
    expect(decodePending('not json')).toEqual([]);
    expect(decodePending(JSON.stringify([{ client: -1, from: 0, to: 1 }]))).toEqual([]);
    expect(decodePending(undefined)).toEqual([]);
  });
});
