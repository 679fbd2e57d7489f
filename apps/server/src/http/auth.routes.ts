import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { ErrorCode } from '@pairboard/board-schema';
import {
  SESSION_COOKIE,
  clearSessionCookie,
  generateSessionToken,
  hashPassword,
  hashToken,
  sessionCookie,
  sessionExpiry,
  verifyPassword,
} from '@pairboard/auth';
import {
  EmailTakenError,
  createSession,
  createUser,
  deleteSession,
  deleteUserSessions,
  getUserByEmail,
  type Database,
} from '@pairboard/db';
import { CLOSE_UNAUTHORIZED } from '@pairboard/board-schema';
import type { LiveConnections } from '../access/live-connections.ts';
import { AppError } from '../errors.ts';
import type { AuthRateLimit } from './auth-rate-limit.ts';
import { isSecureRequest, requireUser } from './session-middleware.ts';
import { parseBody } from './parse.ts';

const Email = z
  .string()
  .trim()
  .toLowerCase()
  .email('email must be an address like name@example.com')
  .max(200);
const SignUpBody = z.object({
  email: Email,
  password: z
    .string()
    .min(10, 'password must be at least 10 characters')
    .max(200, 'password must be at most 200 characters'),
  name: z.string().trim().min(1, 'name must not be empty').max(100, 'name must be at most 100 characters'),
});
const SignInBody = z.object({
  email: Email,
  password: z.string().min(1, 'password must not be empty').max(200),
});

export interface AuthRoutesDeps {
  db: Database;
  rateLimit: AuthRateLimit;
  live: LiveConnections;
  publicOrigin: string | undefined;
  now: () => Date;
}

/** `/api/auth`: sign up, sign in (a new session every time), sign out, sign out everywhere, me. */
export function authRouter(deps: AuthRoutesDeps): Router {
  const router = Router();
  const { db } = deps;

  /** A fresh random token; only its hash is stored. Any session cookie the request carried is ignored. */
  const startSession = async (req: Request, res: Response, userId: string): Promise<void> => {
    const token = generateSessionToken();
    const expiresAt = sessionExpiry(deps.now());
    await createSession(db, { id: hashToken(token), userId, expiresAt });
    // The new cookie replaces any the middleware set for a dead one: one clear answer.
    const others = ([res.getHeader('Set-Cookie') ?? []].flat() as string[]).filter(
      (c) => !c.startsWith(`${SESSION_COOKIE}=`),
    );
    res.setHeader('Set-Cookie', [
      ...others,
      sessionCookie(token, expiresAt, isSecureRequest(req, deps.publicOrigin)),
    ]);
  };

  router.post('/signup', async (req, res) => {
    const body = parseBody(SignUpBody, req.body);
    await deps.rateLimit.consume(req.ip ?? 'unknown', body.email, 'signup');
    const passwordHash = await hashPassword(body.password);
    let user;
    try {
      user = await createUser(db, { email: body.email, name: body.name, passwordHash });
    } catch (error) {
      if (error instanceof EmailTakenError)
        throw new AppError(
          ErrorCode.EmailTaken,
          409,
          'an account with this email already exists; sign in instead',
        );
      throw error;
    }
    await startSession(req, res, user.id);
    res.status(201).json({ user: { id: user.id, email: user.email, name: user.name } });
  });

  router.post('/signin', async (req, res) => {
    const body = parseBody(SignInBody, req.body);
    await deps.rateLimit.consume(req.ip ?? 'unknown', body.email, 'signin');
    const user = await getUserByEmail(db, body.email);
    // Verify against a real hash even for unknown emails, so timing does not reveal accounts.
    const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, body.password);
    if (!user || !valid) throw new AppError(ErrorCode.InvalidCredentials, 401, 'email or password is wrong');
    await deps.rateLimit.succeeded(body.email);
    await startSession(req, res, user.id);
    res.json({ user: { id: user.id, email: user.email, name: user.name } });
  });

  router.post('/signout', async (req, res) => {
    const caller = requireUser(res);
    await deleteSession(db, caller.sessionId);
    deps.live.closeTagged(`session:${caller.sessionId}`, CLOSE_UNAUTHORIZED, 'signed out');
    res.append('Set-Cookie', clearSessionCookie(isSecureRequest(req, deps.publicOrigin)));
    res.status(204).end();
  });

  router.post('/signout-all', async (req, res) => {
    const caller = requireUser(res);
    await deleteUserSessions(db, caller.userId);
    deps.live.closeTagged(`user:${caller.userId}`, CLOSE_UNAUTHORIZED, 'signed out everywhere');
    res.append('Set-Cookie', clearSessionCookie(isSecureRequest(req, deps.publicOrigin)));
    res.status(204).end();
  });

  router.get('/me', (_req, res) => {
    const caller = requireUser(res);
    res.json({ user: { id: caller.userId, email: caller.email, name: caller.name } });
  });

  return router;
}

/** An argon2id hash of a random string nobody knows, for constant-time failures on unknown emails. */
const DUMMY_HASH = await hashPassword(crypto.randomUUID());
