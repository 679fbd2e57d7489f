import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { createBoard } from './boards.ts';
import { appendUpdates, boardLogStats, compactBoardLog, loadBoardLog } from './board-log.ts';
import type { BoardDoc, NewBoardUpdate } from './board-log.ts';
import { BoardNotFoundError, SeqConflictError } from './errors.ts';
import { openTestDatabase, randomTestId } from './testing/index.ts';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase({ url: process.env.DATABASE_URL });
});
afterAll(async () => {
  await db.close();
});

async function newBoard(): Promise<string> {
  const board = await createBoard(db, {
    id: randomTestId('board'),
    name: 'log test',
  });
  return board.id;
}

/** Random bytes with zeros forced in at both ends and the middle (bytea escaping edge cases). */
function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(length, offset + 65_536)));
  }
  if (length > 0) bytes[0] = bytes[length >> 1] = bytes[length - 1] = 0;
  return bytes;
}

function update(seq: number, author: string | null = null): NewBoardUpdate {
  return { seq, bytes: Uint8Array.of(seq % 256, 0, 255), author };
}

const seqsOf = (log: Awaited<ReturnType<typeof loadBoardLog>>) => log?.updates.map((u) => u.seq);

describe('loadBoardLog', () => {
  it('returns null for an unknown board', async () => {
    expect(await loadBoardLog(db, randomTestId('missing'))).toBeNull();
  });

  it('returns an empty log for a new board', async () => {
    expect(await loadBoardLog(db, await newBoard())).toEqual({
      snapshot: null,
      updates: [],
    });
  });
});

describe('appendUpdates', () => {
  it('appends batches and loads them back in seq order with normalised values', async () => {
    const boardId = await newBoard();
    await appendUpdates(db, boardId, [update(2, 'user-a'), update(1, 'user-a')]);
    await appendUpdates(db, boardId, [update(3, null)]);

    const log = await loadBoardLog(db, boardId);
    expect(log?.snapshot).toBeNull();
    expect(seqsOf(log)).toEqual([1, 2, 3]);
    const [first, , third] = log?.updates ?? [];
    expect(first).toMatchObject({ seq: 1, bytes: Uint8Array.of(1, 0, 255), author: 'user-a' });
    expect(first?.createdAt).toBeInstanceOf(Date);
    expect(third?.author).toBeNull();
  });

  it('round-trips random bytes exactly, as plain Uint8Arrays', async () => {
    const boardId = await newBoard();
    // 0 bytes, one zero byte, every byte value, and more than postgres.js' 64 KiB buffer pool.
    const payloads = [
      new Uint8Array(0),
      Uint8Array.of(0),
      Uint8Array.from({ length: 256 }, (_, i) => i),
      randomBytes(200_000),
    ];
    await appendUpdates(
      db,
      boardId,
      payloads.map((bytes, i) => ({ seq: i + 1, bytes, author: null })),
    );

    const loaded = (await loadBoardLog(db, boardId))?.updates.map((u) => u.bytes) ?? [];
    expect(loaded).toHaveLength(payloads.length);
    loaded.forEach((bytes, i) => {
      expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
      expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
      expect(bytes).toStrictEqual(payloads[i]);
    });
  });

  it('keeps seqs beyond 32 bits as exact numbers', async () => {
    const boardId = await newBoard();
    const big = 2 ** 40 + 7;
    await appendUpdates(db, boardId, [update(big)]);
    expect(seqsOf(await loadBoardLog(db, boardId))).toEqual([big]);
    expect((await boardLogStats(db, boardId)).lastSeq).toBe(big);
  });

  it('fails a reused seq with SeqConflictError and changes nothing', async () => {
    const boardId = await newBoard();
    await appendUpdates(db, boardId, [update(1, 'first-writer')]);
    const before = await loadBoardLog(db, boardId);

    const error = await appendUpdates(db, boardId, [
      { seq: 1, bytes: Uint8Array.of(9, 9), author: 'second-writer' },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeqConflictError);
    expect(error).toMatchObject({ boardId, seqs: [1] });
    expect(await loadBoardLog(db, boardId)).toEqual(before);
  });

  it('writes nothing from a multi-row batch when one of its rows conflicts', async () => {
    const boardId = await newBoard();
    await appendUpdates(db, boardId, [update(6)]);

    await expect(appendUpdates(db, boardId, [update(5), update(6), update(7)])).rejects.toBeInstanceOf(
      SeqConflictError,
    );
    await expect(appendUpdates(db, boardId, [update(8), update(8)])).rejects.toBeInstanceOf(SeqConflictError);
    expect(seqsOf(await loadBoardLog(db, boardId))).toEqual([6]);
  });

  it('lets exactly one of two concurrent writers take a seq', async () => {
    const boardId = await newBoard();
    const results = await Promise.allSettled([
      appendUpdates(db, boardId, [update(1, 'a')]),
      appendUpdates(db, boardId, [update(1, 'b')]),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(SeqConflictError);
    expect(seqsOf(await loadBoardLog(db, boardId))).toEqual([1]);
  });

  it('appends a batch larger than one insert statement allows, atomically', async () => {
    const boardId = await newBoard();
    const many = Array.from({ length: 25_000 }, (_, i) => update(i + 1));
    await appendUpdates(db, boardId, many);
    expect(await boardLogStats(db, boardId)).toEqual({
      updateCount: 25_000,
      updateBytes: 75_000,
      lastSeq: 25_000,
    });

    // The conflict sits in the last chunk, so the earlier chunks must roll back too.
    const conflicting = Array.from({ length: 25_000 }, (_, i) => update(25_001 + i)).concat(update(1));
    await expect(appendUpdates(db, boardId, conflicting)).rejects.toBeInstanceOf(SeqConflictError);
    expect((await boardLogStats(db, boardId)).updateCount).toBe(25_000);
  });

  it('does nothing for an empty batch', async () => {
    const boardId = await newBoard();
    await appendUpdates(db, boardId, []);
    expect(await loadBoardLog(db, boardId)).toEqual({
      snapshot: null,
      updates: [],
    });
  });

  it('throws BoardNotFoundError for an unknown board', async () => {
    const boardId = randomTestId('missing');
    await expect(appendUpdates(db, boardId, [update(1)])).rejects.toBeInstanceOf(BoardNotFoundError);
  });

  it('rejects a seq that is not a non-negative safe integer before touching the database', async () => {
    const boardId = await newBoard();
    await expect(appendUpdates(db, boardId, [update(1.5)])).rejects.toThrow(RangeError);
    await expect(appendUpdates(db, boardId, [update(-1)])).rejects.toThrow(
      /non-negative safe integer, got -1/,
    );
  });
});

describe('compactBoardLog', () => {
  it('replaces updates up to uptoSeq by the snapshot, keeping newer ones', async () => {
    const boardId = await newBoard();
    await appendUpdates(
      db,
      boardId,
      [1, 2, 3, 4, 5].map((seq) => update(seq)),
    );
    const snapshot = randomBytes(100_000);

    await compactBoardLog(db, boardId, 3, snapshot);

    const log = await loadBoardLog(db, boardId);
    expect(log?.snapshot?.uptoSeq).toBe(3);
    expect(log?.snapshot?.bytes).toStrictEqual(snapshot);
    expect(seqsOf(log)).toEqual([4, 5]);
    expect(await boardLogStats(db, boardId)).toEqual({
      updateCount: 2,
      updateBytes: 6,
      lastSeq: 5,
    });
  });

  it('does not replace a newer snapshot with an older one', async () => {
    const boardId = await newBoard();
    await appendUpdates(
      db,
      boardId,
      [1, 2, 3, 4, 5, 6].map((seq) => update(seq)),
    );
    const newer = Uint8Array.of(5, 5, 5);

    await compactBoardLog(db, boardId, 5, newer);
    await compactBoardLog(db, boardId, 3, Uint8Array.of(3, 3, 3));
    await compactBoardLog(db, boardId, 5, Uint8Array.of(0)); // same seq is not newer either

    const log = await loadBoardLog(db, boardId);
    expect(log?.snapshot).toEqual({ uptoSeq: 5, bytes: newer });
    expect(seqsOf(log)).toEqual([6]);
  });

  it('reports the snapshot seq as lastSeq once every update is compacted', async () => {
    const boardId = await newBoard();
    await appendUpdates(db, boardId, [update(1), update(2)]);
    await compactBoardLog(db, boardId, 2, Uint8Array.of(1));
    expect(await boardLogStats(db, boardId)).toEqual({
      updateCount: 0,
      updateBytes: 0,
      lastSeq: 2,
    });
    expect(await loadBoardLog(db, boardId)).toEqual({
      snapshot: { uptoSeq: 2, bytes: Uint8Array.of(1) },
      updates: [],
    });
  });

  it('throws BoardNotFoundError for an unknown board', async () => {
    await expect(compactBoardLog(db, randomTestId('missing'), 1, Uint8Array.of(1))).rejects.toBeInstanceOf(
      BoardNotFoundError,
    );
  });
});

describe('boardLogStats', () => {
  it('reports zeros for a board without updates', async () => {
    expect(await boardLogStats(db, await newBoard())).toEqual({
      updateCount: 0,
      updateBytes: 0,
      lastSeq: 0,
    });
  });
});

describe('two documents per board', () => {
  it('keeps main and contacts logs apart, each with its own seqs', async () => {
    const boardId = await newBoard();
    await appendUpdates(db, boardId, [update(1, 'main-author'), update(2)]);
    await appendUpdates(db, boardId, [update(1, 'contacts-author')], 'contacts');

    expect(seqsOf(await loadBoardLog(db, boardId))).toEqual([1, 2]);
    expect(seqsOf(await loadBoardLog(db, boardId, 'main'))).toEqual([1, 2]);
    const contacts = await loadBoardLog(db, boardId, 'contacts');
    expect(contacts?.updates.map((u) => [u.seq, u.author])).toEqual([[1, 'contacts-author']]);
    expect(await boardLogStats(db, boardId, 'contacts')).toEqual({
      updateCount: 1,
      updateBytes: 3,
      lastSeq: 1,
    });
    expect(await boardLogStats(db, boardId)).toEqual({ updateCount: 2, updateBytes: 6, lastSeq: 2 });
  });

  it('detects a reused seq within one document only', async () => {
    const boardId = await newBoard();
    await appendUpdates(db, boardId, [update(1)], 'contacts');
    await expect(appendUpdates(db, boardId, [update(1)], 'contacts')).rejects.toBeInstanceOf(
      SeqConflictError,
    );
    await appendUpdates(db, boardId, [update(1)], 'main');
    expect(seqsOf(await loadBoardLog(db, boardId, 'contacts'))).toEqual([1]);
  });

  it('compacts one document without touching the other', async () => {
    const boardId = await newBoard();
    await appendUpdates(
      db,
      boardId,
      [1, 2, 3].map((seq) => update(seq)),
    );
    await appendUpdates(
      db,
      boardId,
      [1, 2, 3].map((seq) => update(seq)),
      'contacts',
    );

    await compactBoardLog(db, boardId, 2, Uint8Array.of(42), 'contacts');

    expect(await loadBoardLog(db, boardId, 'contacts')).toMatchObject({
      snapshot: { uptoSeq: 2, bytes: Uint8Array.of(42) },
      updates: [{ seq: 3 }],
    });
    expect(await loadBoardLog(db, boardId, 'main')).toMatchObject({ snapshot: null });
    expect(seqsOf(await loadBoardLog(db, boardId, 'main'))).toEqual([1, 2, 3]);

    await compactBoardLog(db, boardId, 3, Uint8Array.of(7));
    expect((await loadBoardLog(db, boardId))?.snapshot).toEqual({ uptoSeq: 3, bytes: Uint8Array.of(7) });
    expect((await loadBoardLog(db, boardId, 'contacts'))?.snapshot).toEqual({
      uptoSeq: 2,
      bytes: Uint8Array.of(42),
    });
    expect((await boardLogStats(db, boardId, 'contacts')).lastSeq).toBe(3);
  });

  it('rejects a seq folded into that document’s snapshot, not the other document’s', async () => {
    const boardId = await newBoard();
    await appendUpdates(
      db,
      boardId,
      [1, 2, 3, 4].map((seq) => update(seq)),
    );
    await compactBoardLog(db, boardId, 4, Uint8Array.of(1));

    // DS3 per document: main's snapshot covers seq 2, so a stale main writer is refused ...
    await expect(appendUpdates(db, boardId, [update(2)])).rejects.toBeInstanceOf(SeqConflictError);
    // ... while the contacts document, which has no snapshot, takes seq 2.
    await appendUpdates(db, boardId, [update(2)], 'contacts');
    expect(seqsOf(await loadBoardLog(db, boardId, 'contacts'))).toEqual([2]);

    await compactBoardLog(db, boardId, 2, Uint8Array.of(2), 'contacts');
    await expect(appendUpdates(db, boardId, [update(1)], 'contacts')).rejects.toBeInstanceOf(
      SeqConflictError,
    );
    await appendUpdates(db, boardId, [update(5)]);
    expect(seqsOf(await loadBoardLog(db, boardId))).toEqual([5]);
  });

  it('deletes both documents’ logs and snapshots with the board', async () => {
    const boardId = await newBoard();
    await appendUpdates(db, boardId, [update(1), update(2)]);
    await appendUpdates(db, boardId, [update(1), update(2)], 'contacts');
    await compactBoardLog(db, boardId, 1, Uint8Array.of(1), 'contacts');

    await db.query('delete from boards where id = $1', [boardId]);
    expect(await loadBoardLog(db, boardId, 'contacts')).toBeNull();
    const left = await db.query<{ n: unknown }>(
      `select (select count(*) from board_updates where board_id = $1)
            + (select count(*) from board_snapshots where board_id = $1) as n`,
      [boardId],
    );
    expect(Number(left[0]?.n)).toBe(0);
  });

  it('refuses a document name other than main or contacts before touching the database', async () => {
    const boardId = await newBoard();
    const other = 'guests' as BoardDoc;
    await expect(appendUpdates(db, boardId, [update(1)], other)).rejects.toThrow(
      'doc must be main or contacts, got guests',
    );
    await expect(loadBoardLog(db, boardId, other)).rejects.toThrow(RangeError);
  });
});
