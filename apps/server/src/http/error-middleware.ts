import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode, type ErrorBody } from '@pairboard/board-schema';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** Unknown /api paths answer JSON, not the web app's HTML. */
export const apiNotFound: RequestHandler = (req, res) => {
  const body: ErrorBody = {
    error: { code: ErrorCode.NotFound, message: `no API route for ${req.method} ${req.path}` },
  };
  res.status(404).json(body);
};

/** Maps AppError to its status; anything else is a 500 with a request id. Stacks stay in the log. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (error instanceof AppError) {
      const body: ErrorBody = { error: { code: error.code, message: error.message, issues: error.issues } };
      if (error.retryAfterSeconds !== undefined) {
        body.error.retryAfterSeconds = error.retryAfterSeconds;
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      res.status(error.status).json(body);
      return;
    }
    const clientError = clientErrorMessage(error);
    if (clientError) {
      const body: ErrorBody = { error: { code: ErrorCode.BadRequest, message: clientError } };
      res.status(400).json(body);
      return;
    }
    const requestId = randomUUID();
    logger.error({ err: error, requestId, method: req.method, path: req.path }, 'request failed');
    const body: ErrorBody = { error: { code: ErrorCode.Internal, message: 'internal error', requestId } };
    res.status(500).json(body);
  };
}

/** Express and body-parser mark the client's mistakes (bad JSON, bad %-escapes) with a 4xx status. */
function clientErrorMessage(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (type === 'entity.parse.failed') return 'request body is not valid JSON';
  if (type === 'entity.too.large') return 'request body is larger than 256 KB';
  if (typeof status === 'number' && status >= 400 && status < 500)
    return 'malformed request (check the URL escapes)';
  return null;
}
