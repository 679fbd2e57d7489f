import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore, StoredBoard } from '../doc-store.ts';

/** What a DocStore implementation hands the contract: the store and a way to make boards. */
export interface DocStoreContractSubject {
  store: DocStore;
  createBoard(id: string): Promise<void>;
  teardown?(): Promise<void>;
}

/** The update log of one realistic board: two clients, text, maps, nested types, deletes. */
function buildUpdateLog(): { updates: Uint8Array[]; finalDoc: Y.Doc } {
  const updates: Uint8Array[] = [];
  const alice = new Y.Doc();
  alice.clientID = 101;
  const bob = new Y.Doc();
  bob.clientID = 202;
  const record = (from: Y.Doc, to: Y.Doc, change: (doc: Y.Doc) => void): void => {
    const before = Y.encodeStateVector(from);
    from.transact(() => change(from));
    const update = Y.encodeStateAsUpdate(from, before);
    updates.push(update);
    Y.applyUpdate(to, update);
  };
  record(alice, bob, (doc) => doc.getText('notes').insert(0, 'Doors open at 9'));
  record(bob, alice, (doc) => doc.getMap('meta').set('title', 'Launch day'));
  record(alice, bob, (doc) => doc.getArray('cards').push([new Y.Map([['owner', 'pair-1']])]));
  record(bob, alice, (doc) => doc.getText('notes').delete(0, 6));
  record(alice, bob, (doc) => doc.getText('notes').format(0, 4, { bold: true }));
  record(bob, alice, (doc) => doc.getArray<Y.Map<string>>('cards').get(0).set('status', 'done'));
  record(alice, bob, (doc) => doc.getMap('meta').set('title', 'Launch day (moved)'));
  bob.destroy();
  return { updates, finalDoc: alice };
}

/** Applies a loaded board to a fresh doc, the way the server rebuilds it. */
function rebuild(board: StoredBoard): Y.Doc {
  const doc = new Y.Doc();
  if (board.snapshot) Y.applyUpdate(doc, board.snapshot.bytes);
  for (const update of board.updates) Y.applyUpdate(doc, update.bytes);
  return doc;
}

function docJson(doc: Y.Doc): unknown {
  const notes: unknown = doc.getText('notes').toDelta();
  return {
    notes,
    meta: doc.getMap('meta').toJSON(),
    cards: doc.getArray('cards').toJSON(),
  };
}

/** A plain Uint8Array view, so a driver's Buffer compares equal to the bytes that went in. */
const plain = (bytes: Uint8Array): Uint8Array =>
  new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The state after the first `count` updates of the log, encoded as a compaction snapshot. */
function snapshotAfter(updates: Uint8Array[], count: number): Uint8Array {
  const doc = new Y.Doc();
  for (const update of updates.slice(0, count)) Y.applyUpdate(doc, update);
  return Y.encodeStateAsUpdate(doc);
}

async function expectSeqConflict(promise: Promise<void>): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: 'SeqConflictError' });
}

/**
 * Registers the shared DocStore contract (STYLE.md: one suite, run against every store).
 * `setup` runs once for the suite; each test makes its own boards with random ids, so the
 * store need not be emptied between tests.
 *
 * @example
 * describeDocStoreContract('memory', async () => {
 *   const store = createMemoryDocStore();
 *   return { store, createBoard: async (id) => store.createBoard(id) };
 * });
 */
export function describeDocStoreContract(name: string, setup: () => Promise<DocStoreContractSubject>): void {
  describe(`DocStore contract: ${name}`, () => {
    let subject: DocStoreContractSubject | undefined;
    beforeAll(async () => {
      subject = await setup();
    });
    afterAll(async () => {
      await subject?.teardown?.();
    });
    const store = (): DocStore => {
      if (subject === undefined) throw new Error('DocStore contract setup did not run');
      return subject.store;
    };
    const newBoard = async (): Promise<string> => {
      const id = crypto.randomUUID();
      await subject?.createBoard(id);
      return id;
    };
    const seqsOf = async (boardId: string): Promise<number[] | undefined> =>
      (await store().load(boardId))?.updates.map((update) => update.seq);

    it('returns null for a board that does not exist (DS1)', async () => {
      expect(await store().load(crypto.randomUUID())).toBeNull();
    });

    it('returns an empty log for a board without updates (DS1)', async () => {
      expect(await store().load(await newBoard())).toEqual({ snapshot: null, updates: [] });
    });

    it('loads appended updates in seq order with identical bytes and authors (DS2)', async () => {
      const boardId = await newBoard();
      const { updates } = buildUpdateLog();
      await store().append(boardId, [
        { seq: 1, bytes: updates[0] ?? new Uint8Array(), author: 'user-1' },
        { seq: 2, bytes: updates[1] ?? new Uint8Array(), author: null },
      ]);
      await store().append(boardId, [{ seq: 3, bytes: updates[2] ?? new Uint8Array(), author: 'user-2' }]);
      const board = await store().load(boardId);
      expect(board?.snapshot).toBeNull();
      expect(board?.updates.map(({ seq, author }) => ({ seq, author }))).toEqual([
        { seq: 1, author: 'user-1' },
        { seq: 2, author: null },
        { seq: 3, author: 'user-2' },
      ]);
      expect(board?.updates.map((update) => plain(update.bytes))).toEqual(updates.slice(0, 3));
      for (const update of board?.updates ?? []) expect(update.createdAt).toBeInstanceOf(Date);
    });

    it('keeps each board’s log to itself (DS2)', async () => {
      const [first, second] = [await newBoard(), await newBoard()];
      await store().append(first, [{ seq: 1, bytes: Uint8Array.of(0, 0), author: null }]);
      expect(await seqsOf(second)).toEqual([]);
    });

    it('rejects an append to a board that does not exist (DS3)', async () => {
      await expect(
        store().append(crypto.randomUUID(), [{ seq: 1, bytes: Uint8Array.of(0, 0), author: null }]),
      ).rejects.toBeInstanceOf(Error);
    });

    it('stores nothing from a batch when one seq collides with the log (DS3)', async () => {
      const boardId = await newBoard();
      const bytes = Uint8Array.of(0, 0);
      await store().append(
        boardId,
        [1, 2].map((seq) => ({ seq, bytes, author: null })),
      );
      await expectSeqConflict(
        store().append(
          boardId,
          [3, 2, 4].map((seq) => ({ seq, bytes, author: null })),
        ),
      );
      expect(await seqsOf(boardId)).toEqual([1, 2]);
    });

    it('stores nothing from a batch that repeats a seq (DS3)', async () => {
      const boardId = await newBoard();
      const bytes = Uint8Array.of(0, 0);
      await expectSeqConflict(
        store().append(
          boardId,
          [1, 1].map((seq) => ({ seq, bytes, author: null })),
        ),
      );
      expect(await seqsOf(boardId)).toEqual([]);
    });

    it('rejects a seq that a snapshot already folded in (DS3)', async () => {
      // A stale writer must not slip an update under the snapshot, where no load would see it.
      const boardId = await newBoard();
      const { updates } = buildUpdateLog();
      await store().append(
        boardId,
        updates.slice(0, 3).map((bytes, i) => ({ seq: i + 1, bytes, author: null })),
      );
      await store().compact(boardId, 3, snapshotAfter(updates, 3));
      await expectSeqConflict(
        store().append(boardId, [{ seq: 2, bytes: Uint8Array.of(0, 0), author: null }]),
      );
      expect(await seqsOf(boardId)).toEqual([]);
    });

    it('loads a compacted board as the snapshot plus newer updates, rebuilding the same doc (DS4)', async () => {
      const boardId = await newBoard();
      const { updates, finalDoc } = buildUpdateLog();
      await store().append(
        boardId,
        updates.map((bytes, i) => ({ seq: i + 1, bytes, author: null })),
      );
      const snapshot = snapshotAfter(updates, 4);
      await store().compact(boardId, 4, snapshot);
      const board = await store().load(boardId);
      expect(board?.snapshot?.uptoSeq).toBe(4);
      expect(plain(board?.snapshot?.bytes ?? new Uint8Array())).toEqual(snapshot);
      expect(board?.updates.map((update) => update.seq)).toEqual([5, 6, 7]);
      const rebuilt = rebuild(board ?? { snapshot: null, updates: [] });
      expect(Y.encodeStateAsUpdate(rebuilt)).toEqual(Y.encodeStateAsUpdate(finalDoc));
      expect(docJson(rebuilt)).toEqual(docJson(finalDoc));
    });

    it('keeps appending after the snapshot once compacted (DS3, DS4)', async () => {
      const boardId = await newBoard();
      const { updates, finalDoc } = buildUpdateLog();
      await store().append(
        boardId,
        updates.slice(0, 5).map((bytes, i) => ({ seq: i + 1, bytes, author: null })),
      );
      await store().compact(boardId, 5, snapshotAfter(updates, 5));
      await store().append(
        boardId,
        updates.slice(5).map((bytes, i) => ({ seq: i + 6, bytes, author: null })),
      );
      const board = await store().load(boardId);
      expect(board?.updates.map((update) => update.seq)).toEqual([6, 7]);
      expect(docJson(rebuild(board ?? { snapshot: null, updates: [] }))).toEqual(docJson(finalDoc));
    });

    it('never lets an older compaction replace a newer snapshot (DS5)', async () => {
      const boardId = await newBoard();
      const { updates, finalDoc } = buildUpdateLog();
      await store().append(
        boardId,
        updates.map((bytes, i) => ({ seq: i + 1, bytes, author: null })),
      );
      const newer = snapshotAfter(updates, 5);
      await store().compact(boardId, 5, newer);
      await store().compact(boardId, 3, snapshotAfter(updates, 3));
      const board = await store().load(boardId);
      expect(board?.snapshot?.uptoSeq).toBe(5);
      expect(plain(board?.snapshot?.bytes ?? new Uint8Array())).toEqual(newer);
      expect(board?.updates.map((update) => update.seq)).toEqual([6, 7]);
      expect(Y.encodeStateAsUpdate(rebuild(board ?? { snapshot: null, updates: [] }))).toEqual(
        Y.encodeStateAsUpdate(finalDoc),
      );
    });
    it('loads only what a reader holding seqs up to afterSeq lacks (DS6)', async () => {
      const boardId = await newBoard();
      const { updates, finalDoc } = buildUpdateLog();
      await store().append(
        boardId,
        updates.map((bytes, i) => ({ seq: i + 1, bytes, author: null })),
      );
      const tail = await store().load(boardId, 5);
      expect(tail?.snapshot).toBeNull();
      expect(tail?.updates.map((update) => update.seq)).toEqual([6, 7]);
      expect((await store().load(boardId, 7))?.updates).toEqual([]);
      await store().compact(boardId, 4, snapshotAfter(updates, 4));
      // The snapshot folds in seqs 1-4, which a reader at 5 already holds: it is left out.
      const afterFive = await store().load(boardId, 5);
      expect(afterFive?.snapshot).toBeNull();
      expect(afterFive?.updates.map((update) => update.seq)).toEqual([6, 7]);
      // A reader at 2 lacks seqs 3 and 4, which now exist only inside the snapshot.
      const afterTwo = await store().load(boardId, 2);
      expect(afterTwo?.snapshot?.uptoSeq).toBe(4);
      expect(afterTwo?.updates.map((update) => update.seq)).toEqual([5, 6, 7]);
      const reader = new Y.Doc();
      for (const bytes of updates.slice(0, 2)) Y.applyUpdate(reader, bytes);
      Y.applyUpdate(reader, afterTwo?.snapshot?.bytes ?? new Uint8Array());
      for (const update of afterTwo?.updates ?? []) Y.applyUpdate(reader, update.bytes);
      expect(docJson(reader)).toEqual(docJson(finalDoc));
      expect(await store().load(crypto.randomUUID(), 3)).toBeNull();
    });
  });
}
