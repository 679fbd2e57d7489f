import type { DocStore, NewUpdate, StoredBoard, StoredUpdate } from '@pairboard/sync-core';

interface MemoryLog {
  snapshot: { uptoSeq: number; bytes: Uint8Array } | null;
  /** Sorted by seq, every seq above the snapshot's. */
  updates: StoredUpdate[];
}

/** Rejection for a taken seq; rooms match on the name, as with every DocStore. */
class SeqConflictError extends Error {
  override name = 'SeqConflictError';
}

/**
 * BOARD_LOG=memory, for benchmarks only: a board's log is read from `stored` the first time it
 * is opened, and from then on every update lives in this process only — lost on restart. It
 * measures the sync server without the cost of a durable append (issue 7's "in memory" column).
 */
export function createMemoryBoardLog(stored: DocStore): DocStore {
  const logs = new Map<string, Promise<MemoryLog | null>>();
  const open = (docName: string): Promise<MemoryLog | null> => {
    let log = logs.get(docName);
    if (!log) {
      log = stored
        .load(docName)
        .then((board) => board && { snapshot: board.snapshot, updates: board.updates });
      logs.set(docName, log);
      // A failed read, or a board that does not exist (yet), is not remembered.
      log.then(
        (found) => found ?? logs.delete(docName),
        () => logs.delete(docName),
      );
    }
    return log;
  };
  return {
    async load(docName, afterSeq = -1) {
      const log = await open(docName);
      return log && slice(log, afterSeq);
    },
    async append(docName, updates) {
      const log = await open(docName);
      if (!log) throw new Error(`board ${docName} does not exist`);
      appendAll(log, updates);
    },
    async compact(docName, uptoSeq, snapshot) {
      const log = await open(docName);
      if (!log || (log.snapshot && log.snapshot.uptoSeq >= uptoSeq)) return;
      log.snapshot = { uptoSeq, bytes: snapshot };
      log.updates = log.updates.filter((update) => update.seq > uptoSeq);
    },
  };
}

function appendAll(log: MemoryLog, updates: readonly NewUpdate[]): void {
  const last = log.updates.at(-1)?.seq ?? log.snapshot?.uptoSeq ?? -Infinity;
  const ascending = updates.every(
    (update, i) => update.seq > (i === 0 ? last : (updates[i - 1]?.seq ?? last)),
  );
  // A room appends seqs in order after the last one: checked without scanning the log.
  if (!ascending) checkFree(log, updates);
  const createdAt = new Date();
  // A copy of exactly the update: the caller's bytes may be a view into a whole socket read,
  // which the log would otherwise keep alive for as long as the board lives.
  for (const { seq, bytes, author } of updates)
    log.updates.push({ seq, bytes: bytes.slice(), author, createdAt });
  if (!ascending) log.updates.sort((a, b) => a.seq - b.seq);
}

function checkFree(log: MemoryLog, updates: readonly NewUpdate[]): void {
  const taken = new Set(log.updates.map((update) => update.seq));
  const folded = log.snapshot?.uptoSeq ?? -Infinity;
  for (const { seq } of updates) {
    if (taken.has(seq) || seq <= folded) throw new SeqConflictError(`seq ${seq} is already taken`);
    taken.add(seq);
  }
}

function slice(log: MemoryLog, afterSeq: number): StoredBoard {
  const snapshot = log.snapshot && log.snapshot.uptoSeq > afterSeq ? log.snapshot : null;
  return { snapshot, updates: log.updates.filter((update) => update.seq > afterSeq) };
}
