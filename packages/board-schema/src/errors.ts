/** Stable error codes carried by HTTP error bodies and Socket.IO acks. */
export const ErrorCode = {
  BadRequest: 'bad_request',
  BoardNotFound: 'board_not_found',
  NotFound: 'not_found',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  StorageUnavailable: 'storage_unavailable',
  RateLimited: 'rate_limited',
  EmailTaken: 'email_taken',
  InvalidCredentials: 'invalid_credentials',
  LastOwner: 'last_owner',
  CsrfRejected: 'csrf_rejected',
  Internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Body of every HTTP error response: `{ error: { code, message, issues? } }`. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    issues?: unknown[];
    requestId?: string;
    retryAfterSeconds?: number;
  };
}

/** Socket.IO acknowledgement: every handler answers through its ack with one of these. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
