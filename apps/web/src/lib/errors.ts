/**
 * Errors the web app throws, and the one place that reports them: `handleError(error, message)`
 * logs the cause, shows `message` to the person (through the listener the layout's Notices
 * component registers) and ignores aborted requests, which are not failures.
 */

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  issues?: unknown[];
  requestId?: string;
  retryAfterSeconds?: number | undefined;
}

/** An HTTP call to the Pairboard API that did not return the expected answer. */
export class ApiError extends Error {
  override name = 'ApiError';
  /** HTTP status; 0 when no response arrived (network down, server unreachable). */
  readonly status: number;
  /** The server's error code (`board_not_found`, …) or one of ours (`network_error`, `bad_response`). */
  readonly code: string;
  readonly issues: unknown[] | undefined;
  readonly requestId: string | undefined;
  /** For 429 `rate_limited`: how long to wait before trying again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** A board operation the document refused (item gone, incident already resolved, …). */
export class BoardOperationError extends Error {
  override name = 'BoardOperationError';
  /** The sync-core `OpError` code: `not_found`, `invalid_state`, `not_allowed` or `invalid_input`. */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** True for the errors `fetch` and `AbortController` raise when a caller cancelled on purpose. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export interface ErrorNotice {
  /** Short, translated, for people. */
  message: string;
  /** The technical cause, when it helps a person report the problem. */
  detail?: string;
}

type NoticeListener = (notice: ErrorNotice) => void;
const listeners = new Set<NoticeListener>();

/** Subscribes to the notices `handleError` raises; returns the unsubscribe function. */
export function onErrorNotice(listener: NoticeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Logs `error`, shows `message`, and ignores aborts. Never throws. */
export function handleError(error: unknown, message: string): void {
  if (isAbortError(error)) return;
  console.error(message, error);
  const detail = error instanceof ApiError ? error.message : undefined;
  for (const listener of listeners) listener(detail ? { message, detail } : { message });
}
