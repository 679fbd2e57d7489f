import type { DocStore, NewUpdate, StoredBoard, StoredUpdate } from '../doc-store.ts';

/**
 * Rejection for an append whose `seq` is taken: by the log, by an earlier entry of the same
 * batch, or by a snapshot that already folded it in. Callers match on `name`, which every
 * DocStore implementation uses.
 */
class SeqConflictError extends Error {
  override name = 'SeqConflictError';
}

interface MemoryBoard {
  snapshot: { uptoSeq: number; bytes: Uint8Array } | null;
  /** Sorted by seq; every seq is above `snapshot.uptoSeq`. */
  updates: StoredUpdate[];
}

/**
 * A DocStore in memory, for tests and the demo. It copies bytes in and out, as a database
 * would, so a caller reusing a buffer cannot change what was stored.
 *
 * @example
 * const store = createMemoryDocStore();
 * store.createBoard('b1');
 * await store.append('b1', [{ seq: 1, bytes: update, author: null }]);
 */
export function createMemoryDocStore(): DocStore & { createBoard(id: string): void } {
  const boards = new Map<string, MemoryBoard>();
  const boardOrThrow = (boardId: string): MemoryBoard => {
    const board = boards.get(boardId);
    if (board === undefined) throw new Error(`board ${boardId} does not exist`);
    return board;
  };
  return {
    createBoard(id) {
      if (!boards.has(id)) boards.set(id, { snapshot: null, updates: [] });
    },
    load(boardId, afterSeq = -1) {
      const board = boards.get(boardId);
      return Promise.resolve(board === undefined ? null : copyBoard(board, afterSeq));
    },
    append(boardId, updates) {
      return runAsync(() => appendAll(boardOrThrow(boardId), updates));
    },
    compact(boardId, uptoSeq, snapshot) {
      return runAsync(() => compactBoard(boardOrThrow(boardId), uptoSeq, snapshot));
    },
  };
}

/** Checks the whole batch before storing any of it: all or nothing. */
function appendAll(board: MemoryBoard, updates: readonly NewUpdate[]): void {
  const taken = new Set(board.updates.map((update) => update.seq));
  const foldedUpTo = board.snapshot?.uptoSeq ?? -Infinity;
  for (const { seq } of updates) {
    if (taken.has(seq) || seq <= foldedUpTo) throw new SeqConflictError(`seq ${seq} is already taken`);
    taken.add(seq);
  }
  const createdAt = new Date();
  for (const { seq, bytes, author } of updates) {
    board.updates.push({ seq, bytes: bytes.slice(), author, createdAt });
  }
  board.updates.sort((a, b) => a.seq - b.seq);
}

/** An older compaction (a slower writer) never replaces a newer snapshot. */
function compactBoard(board: MemoryBoard, uptoSeq: number, snapshot: Uint8Array): void {
  if (board.snapshot !== null && board.snapshot.uptoSeq >= uptoSeq) return;
  board.snapshot = { uptoSeq, bytes: snapshot.slice() };
  board.updates = board.updates.filter((update) => update.seq > uptoSeq);
}

function copyBoard(board: MemoryBoard, afterSeq: number): StoredBoard {
  const snapshot = board.snapshot && board.snapshot.uptoSeq > afterSeq ? board.snapshot : null;
  return {
    snapshot: snapshot && { uptoSeq: snapshot.uptoSeq, bytes: snapshot.bytes.slice() },
    updates: board.updates
      .filter((update) => update.seq > afterSeq)
      .map((update) => ({ ...update, bytes: update.bytes.slice() })),
  };
}

/** Turns a synchronous throw into a rejection, as an async store would report it. */
function runAsync(work: () => void): Promise<void> {
  try {
    work();
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
