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

/** `createUser` was given an email that an account already uses (compared case-insensitively). */
export class EmailTakenError extends Error {
  override readonly name = 'EmailTakenError';
  readonly email: string;

  constructor(email: string, options?: ErrorOptions) {
    super(`an account with email ${email} already exists`, options);
    this.email = email;
  }
}

/** A write named a user that does not exist (foreign key on `users.id`). */
export class UserNotFoundError extends Error {
  override readonly name = 'UserNotFoundError';
  readonly userId: string;

  constructor(userId: string, options?: ErrorOptions) {
    super(`user ${userId} does not exist`, options);
    this.userId = userId;
  }
}

/** `addMember` for a user who is already a member of the board (change them with `updateMember`). */
export class MemberExistsError extends Error {
  override readonly name = 'MemberExistsError';
  readonly boardId: string;
  readonly userId: string;

  constructor(boardId: string, userId: string, options?: ErrorOptions) {
    super(`user ${userId} is already a member of board ${boardId}`, options);
    this.boardId = boardId;
    this.userId = userId;
  }
}

function describeSeqs(seqs: readonly number[]): string {
  if (seqs.length === 0) return '[]';
  const first = seqs[0];
  const last = seqs[seqs.length - 1];
  return seqs.length === 1 ? `[${first}]` : `[${first}..${last}] (${seqs.length} updates)`;
}
