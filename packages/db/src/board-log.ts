import type { Database, Queryable } from './database.ts';
import { BoardNotFoundError, SeqConflictError } from './errors.ts';
import { SqlState, sqlStateOf } from './pg-error.ts';
import { toBytes, toDate, toNullableString, toSafeInteger } from './values.ts';

/**
 * A board's Yjs update logs: per document, an append-only list of opaque byte updates keyed by
 * `(board_id, doc, seq)`, plus at most one snapshot that replaces every update up to `upto_seq`.
 * Each document numbers its seqs on its own. This module stores bytes and knows nothing about Yjs.
 */

/**
 * The Yjs documents of a board: `main` (the board) and `contacts` (guest phone, email and
 * notes), kept apart so door staff and clients can be served a board without personal data.
 */
export type BoardDoc = 'main' | 'contacts';

/** Every `BoardDoc`, for validation and iteration. */
export const BOARD_DOCS: readonly BoardDoc[] = ['main', 'contacts'];

/** An update to append; `seq` is assigned by the caller, `author` is a user id when known. */
export interface NewBoardUpdate {
  seq: number;
  bytes: Uint8Array;
  author: string | null;
}

/** An update read back from the log. */
export interface StoredBoardUpdate extends NewBoardUpdate {
  createdAt: Date;
}

/** What `loadBoardLog` returns: the snapshot, if compacted, and every update after it. */
export interface BoardLog {
  snapshot: { uptoSeq: number; bytes: Uint8Array } | null;
  updates: StoredBoardUpdate[];
}

/** Size of a board's uncompacted log, to decide when to compact. */
export interface BoardLogStats {
  /** Updates not yet folded into the snapshot. */
  updateCount: number;
  /** Their total size in bytes (the snapshot not included). */
  updateBytes: number;
  /** Highest seq taken, by an update or the snapshot; 0 for an empty log. */
  lastSeq: number;
}

/**
 * Postgres allows 65535 bind parameters per statement and each row takes three, so a larger
 * batch is split into several inserts (still one transaction).
 */
const MAX_ROWS_PER_INSERT = 10_000;

/**
 * Loads the snapshot and the updates after it, in seq order; `null` if the board does not
 * exist. With `afterSeq`, only what a reader holding every seq up to it lacks: the updates
 * above it, and the snapshot only if it folds in more than that (another instance catching up). Reads in one repeatable-read transaction: otherwise a compaction committing between
 * the snapshot read and the update read would lose the updates it folded in.
 */
export async function loadBoardLog(
  db: Database,
  boardId: string,
  doc: BoardDoc = 'main',
  afterSeq = -1,
): Promise<BoardLog | null> {
  assertDoc(doc);
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read');
    const boards = await tx.query<{ id: unknown }>('select id from boards where id = $1', [boardId]);
    if (boards.length === 0) return null;
    const stored = await readSnapshot(tx, boardId, doc);
    // A reader that already holds everything up to `afterSeq` needs the snapshot only if it is newer.
    const snapshot = stored && stored.uptoSeq > afterSeq ? stored : null;
    const updates = await tx.query<{
      seq: unknown;
      bytes: unknown;
      author: unknown;
      created_at: unknown;
    }>(
      `select seq, bytes, author, created_at from board_updates
        where board_id = $1 and doc = $2 and seq > $3 order by seq`,
      [boardId, doc, Math.max(afterSeq, stored?.uptoSeq ?? -1)],
    );
    return {
      snapshot,
      updates: updates.map((row) => ({
        seq: toSafeInteger(row.seq, 'board_updates.seq'),
        bytes: toBytes(row.bytes, 'board_updates.bytes'),
        author: toNullableString(row.author, 'board_updates.author'),
        createdAt: toDate(row.created_at, 'board_updates.created_at'),
      })),
    };
  });
}

/**
 * Appends updates in one transaction: all are durable when it resolves, or none are. A seq
 * that is already taken (or repeated in the batch) fails the whole batch with
 * `SeqConflictError`, never overwriting; an unknown board fails with `BoardNotFoundError`.
 */
export async function appendUpdates(
  db: Database,
  boardId: string,
  updates: readonly NewBoardUpdate[],
  doc: BoardDoc = 'main',
): Promise<void> {
  assertDoc(doc);
  if (updates.length === 0) return;
  updates.forEach((update) => assertSeq(update.seq));
  const lowestSeq = Math.min(...updates.map((update) => update.seq));
  try {
    await db.transaction(async (tx) => {
      await rejectFoldedSeqs(tx, boardId, doc, lowestSeq, updates);
      for (let start = 0; start < updates.length; start += MAX_ROWS_PER_INSERT) {
        await insertUpdates(tx, boardId, doc, updates.slice(start, start + MAX_ROWS_PER_INSERT));
      }
    });
  } catch (error) {
    if (error instanceof SeqConflictError || error instanceof BoardNotFoundError) throw error;
    const state = sqlStateOf(error);
    if (state === SqlState.UniqueViolation) {
      throw new SeqConflictError(
        boardId,
        updates.map((update) => update.seq),
        { cause: error },
      );
    }
    if (state === SqlState.ForeignKeyViolation) throw new BoardNotFoundError(boardId, { cause: error });
    throw error;
  }
}

/**
 * Replaces every update with `seq <= uptoSeq` by `snapshot`, in one transaction. A snapshot
 * is only stored if it is newer than the one already there, so a slow compaction finishing
 * after a later one cannot roll the board back; the updates it covers are deleted either way,
 * since the stored snapshot covers them too.
 */
export async function compactBoardLog(
  db: Database,
  boardId: string,
  uptoSeq: number,
  snapshot: Uint8Array,
  doc: BoardDoc = 'main',
): Promise<void> {
  assertDoc(doc);
  assertSeq(uptoSeq);
  try {
    await db.transaction(async (tx) => {
      // Serialises with appends (which lock the same row FOR SHARE): see rejectFoldedSeqs.
      await tx.query('select 1 from boards where id = $1 for update', [boardId]);
      await tx.query(
        `insert into board_snapshots (board_id, doc, upto_seq, bytes, updated_at)
         values ($1, $2, $3, $4, now())
         on conflict (board_id, doc) do update
           set upto_seq = excluded.upto_seq, bytes = excluded.bytes, updated_at = excluded.updated_at
           where board_snapshots.upto_seq < excluded.upto_seq`,
        [boardId, doc, uptoSeq, snapshot],
      );
      await tx.query('delete from board_updates where board_id = $1 and doc = $2 and seq <= $3', [
        boardId,
        doc,
        uptoSeq,
      ]);
    });
  } catch (error) {
    if (sqlStateOf(error) === SqlState.ForeignKeyViolation) {
      throw new BoardNotFoundError(boardId, { cause: error });
    }
    throw error;
  }
}

/** Count, size and last seq of one document's uncompacted log (zeros for an unknown board). */
export async function boardLogStats(
  db: Queryable,
  boardId: string,
  doc: BoardDoc = 'main',
): Promise<BoardLogStats> {
  assertDoc(doc);
  const rows = await db.query<{
    update_count: unknown;
    update_bytes: unknown;
    last_seq: unknown;
  }>(
    `select count(*) as update_count,
            coalesce(sum(octet_length(bytes)), 0) as update_bytes,
            greatest(
              max(seq),
              (select upto_seq from board_snapshots where board_id = $1 and doc = $2),
              0
            ) as last_seq
       from board_updates where board_id = $1 and doc = $2`,
    [boardId, doc],
  );
  const row = rows[0];
  if (row === undefined) throw new Error('aggregate query gave no row');
  return {
    updateCount: toSafeInteger(row.update_count, 'update_count'),
    updateBytes: toSafeInteger(row.update_bytes, 'update_bytes'),
    lastSeq: toSafeInteger(row.last_seq, 'last_seq'),
  };
}

async function readSnapshot(tx: Queryable, boardId: string, doc: BoardDoc): Promise<BoardLog['snapshot']> {
  const rows = await tx.query<{ upto_seq: unknown; bytes: unknown }>(
    'select upto_seq, bytes from board_snapshots where board_id = $1 and doc = $2',
    [boardId, doc],
  );
  const row = rows[0];
  if (row === undefined) return null;
  return {
    uptoSeq: toSafeInteger(row.upto_seq, 'board_snapshots.upto_seq'),
    bytes: toBytes(row.bytes, 'board_snapshots.bytes'),
  };
}

/** One multi-row insert; board id and doc are bound once as $1, $2, each row adds seq, bytes, author. */
async function insertUpdates(
  tx: Queryable,
  boardId: string,
  doc: BoardDoc,
  updates: readonly NewBoardUpdate[],
): Promise<void> {
  const params: unknown[] = [boardId, doc];
  const tuples = updates.map((update) => {
    params.push(update.seq, update.bytes, update.author);
    const n = params.length;
    return `($1, $2, $${n - 2}::bigint, $${n - 1}::bytea, $${n}::text)`;
  });
  await tx.query(
    `insert into board_updates (board_id, doc, seq, bytes, author) values ${tuples.join(', ')}`,
    params,
  );
}

function assertDoc(doc: BoardDoc): void {
  if (!BOARD_DOCS.includes(doc)) {
    throw new RangeError(`doc must be ${BOARD_DOCS.join(' or ')}, got ${String(doc)}`);
  }
}

function assertSeq(seq: number): void {
  if (!Number.isSafeInteger(seq) || seq < 0) {
    throw new RangeError(`seq must be a non-negative safe integer, got ${seq}`);
  }
}

/**
 * A seq at or below the snapshot's `upto_seq` was folded into it and its row deleted, so the
 * primary key alone cannot catch a stale writer reusing it: its update would be stored under the
 * snapshot and never loaded. Only this document's snapshot counts: each doc numbers its own seqs.
 * The board row lock orders this check against a concurrent compaction.
 */
async function rejectFoldedSeqs(
  tx: Queryable,
  boardId: string,
  doc: BoardDoc,
  lowestSeq: number,
  updates: readonly NewBoardUpdate[],
): Promise<void> {
  const rows = await tx.query<{ upto_seq: unknown }>(
    `select s.upto_seq from boards b left join board_snapshots s on s.board_id = b.id and s.doc = $2
      where b.id = $1 for share of b`,
    [boardId, doc],
  );
  const row = rows[0];
  if (!row) throw new BoardNotFoundError(boardId);
  if (row.upto_seq !== null && lowestSeq <= toSafeInteger(row.upto_seq, 'board_snapshots.upto_seq')) {
    throw new SeqConflictError(
      boardId,
      updates.map((update) => update.seq),
    );
  }
}

/**
 * Boards whose log (either document) changed since `since`: an update appended or a snapshot
 * written. The escalation start-up scan reads only these instead of every board ever made.
 */
export async function listBoardsChangedSince(q: Queryable, since: Date): Promise<string[]> {
  const rows = await q.query<{ board_id: unknown }>(
    `select board_id from board_updates where created_at >= $1
     union
     select board_id from board_snapshots where updated_at >= $1`,
    [since],
  );
  return rows.map((row) => String(row.board_id));
}
