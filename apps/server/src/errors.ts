import { ErrorCode } from '@pairboard/board-schema';

/** An error with a stable code and HTTP status; the error middleware turns it into a response. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: unknown[] | undefined;
  /** For 429 answers: sent as `retryAfterSeconds` and the Retry-After header. */
  retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, status: number, message: string, issues?: unknown[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.issues = issues;
  }
}

export class BoardNotFoundError extends AppError {
  constructor(boardId: string) {
    super(ErrorCode.BoardNotFound, 404, `board '${boardId}' does not exist`);
    this.name = 'BoardNotFoundError';
  }
}
