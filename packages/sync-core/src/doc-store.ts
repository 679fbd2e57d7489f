/**
 * Where a board's Yjs updates live. sync-core never does I/O itself: the server wraps the db
 * package's functions in this interface (and tests use `createMemoryDocStore`).
 *
 * The log is append-only per board: `seq` is assigned by the caller, strictly increasing from
 * the value `load` reports, and a second writer using a taken `seq` must fail rather than
 * overwrite (the primary key is `(board_id, seq)`).
 */
export interface DocStore {
  /**
   * Loads the latest snapshot and every update after it, in `seq` order. `null`: no such board.
   * With `afterSeq`, only what a reader holding every seq up to it lacks: the updates above it,
   * and the snapshot only if its `uptoSeq` is above it (DS6).
   */
  load(boardId: string, afterSeq?: number): Promise<StoredBoard | null>;
  /** Appends updates in one transaction: all are durable when it resolves, or none are. */
  append(boardId: string, updates: readonly NewUpdate[]): Promise<void>;
  /**
   * Replaces every update with `seq <= uptoSeq` by one snapshot, in one transaction. Loading
   * afterwards gives the same document.
   */
  compact(boardId: string, uptoSeq: number, snapshot: Uint8Array): Promise<void>;
}

/** A board as stored: snapshot (if compacted) plus the tail of the update log. */
export interface StoredBoard {
  snapshot: { uptoSeq: number; bytes: Uint8Array } | null;
  updates: StoredUpdate[];
}

/** An update to append; `author` is a user id when known. */
export interface NewUpdate {
  seq: number;
  bytes: Uint8Array;
  author: string | null;
}

/** An update read back from the log. */
export interface StoredUpdate extends NewUpdate {
  createdAt: Date;
}
