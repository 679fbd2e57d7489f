/**
 * Typed errors for the cases callers branch on. Everything else (connection lost, syntax
 * errors in a migration) surfaces as the driver's own error.
 */

/**
 * An append used a `seq` that the board's log already holds (or the batch repeats one).
 * The whole batch was rolled back: nothing was written. The caller should reload the log
 * and renumber, since another writer got there first.
 */
export class SeqConflictError extends Error {
  override readonly name = 'SeqConflictError';
  readonly boardId: string;
  readonly seqs: readonly number[];

  constructor(boardId: string, seqs: readonly number[], options?: ErrorOptions) {
    super(`board ${boardId}: seq already taken in batch ${describeSeqs(seqs)}`, options);
    this.boardId = boardId;
    this.seqs = seqs;
  }
}

/** A write named a board that does not exist (foreign key on `boards.id`). */
export class BoardNotFoundError extends Error {
  override readonly name = 'BoardNotFoundError';
  readonly boardId: string;

  constructor(boardId: string, options?: ErrorOptions) {
    super(`board ${boardId} does not exist`, options);
    this.boardId = boardId;
  }
}

/** `createBoard` was given an id that is already used. */
export class BoardExistsError extends Error {
  override readonly name = 'BoardExistsError';
  readonly boardId: string;

  constructor(boardId: string, options?: ErrorOptions) {
    super(`board ${boardId} already exists`, options);
    this.boardId = boardId;
  }
}

function describeSeqs(seqs: readonly number[]): string {
  if (seqs.length === 0) return '[]';
  const first = seqs[0];
  const last = seqs[seqs.length - 1];
  return seqs.length === 1 ? `[${first}]` : `[${first}..${last}] (${seqs.length} updates)`;
}
