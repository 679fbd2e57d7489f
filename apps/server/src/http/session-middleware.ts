import type { Request, RequestHandler, Response } from 'express';
import { ErrorCode } from '@pairboard/board-schema';
import { SESSION_COOKIE, clearSessionCookie, readCookie, sessionCookie } from '@pairboard/auth';
import type { Database } from '@pairboard/db';
import { callerFromAccessToken, callerFromSession, type Caller } from '../access/caller.ts';
import { AppError } from '../errors.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The caller resolved for this request, if any. */
export function callerOf(res: Response): Caller | null {
  return (res.locals.caller as Caller | undefined) ?? null;
}

/** The signed-in user, or a 401. Access tokens are board-scoped and cannot act as a user. */
export function requireUser(res: Response): Extract<Caller, { kind: 'session' }> {
  const caller = callerOf(res);
  if (caller?.kind !== 'session') throw new AppError(ErrorCode.Unauthorized, 401, 'sign in first');
  return caller;
}

/** Whether the request came over HTTPS, directly or as PUBLIC_ORIGIN says. */
export function isSecureRequest(req: Request, publicOrigin: string | undefined): boolean {
  return req.secure || (publicOrigin?.startsWith('https://') ?? false);
}

/**
 * True when the request's Origin (or Referer) is this server: the Host it was sent to, or
 * PUBLIC_ORIGIN behind a proxy. Used against CSRF on the API and cross-site WebSocket hijacking.
 */
export function isSameOrigin(headers: Request['headers'], publicOrigin: string | undefined): boolean {
  const source = headers.origin ?? headers.referer;
  if (!source) return false;
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return false;
  }
  if (publicOrigin && url.origin === new URL(publicOrigin).origin) return true;
  return url.host === headers.host;
}

/**
 * Resolves the caller from `Authorization: Bearer <access token>` or the session cookie, renews
 * sliding sessions, clears dead cookies, and rejects cross-site unsafe requests (CSRF): any POST,
 * PUT, PATCH or DELETE not authenticated by a bearer token must come from this origin.
 */
export function sessionMiddleware(
  db: Database,
  options: { publicOrigin: string | undefined; now: () => Date },
): RequestHandler {
  return async (req, res, next) => {
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const caller = await callerFromAccessToken(db, bearer, options.now());
      if (!caller)
        throw new AppError(ErrorCode.Unauthorized, 401, 'the access token is unknown, expired or revoked');
      res.locals.caller = caller;
      next();
      return;
    }
    if (UNSAFE_METHODS.has(req.method) && !isSameOrigin(req.headers, options.publicOrigin)) {
      throw new AppError(
        ErrorCode.CsrfRejected,
        403,
        'cross-site request refused: send an Origin header of this server',
      );
    }
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token) {
      const secure = isSecureRequest(req, options.publicOrigin);
      const resolved = await callerFromSession(db, token, options.now());
      if (!resolved) {
        res.append('Set-Cookie', clearSessionCookie(secure));
      } else {
        res.locals.caller = resolved.caller;
        if (resolved.renewed)
          res.append('Set-Cookie', sessionCookie(token, resolved.caller.expiresAt, secure));
      }
    }
    next();
  };
}
