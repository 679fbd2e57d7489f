import type { Socket } from 'socket.io';
import { SESSION_COOKIE, readCookie } from '@pairboard/auth';
import type { Database } from '@pairboard/db';
import { callerFromAccessToken, callerFromSession, type Caller } from '../access/caller.ts';
import { isSameOrigin } from '../http/session-middleware.ts';

/**
 * The staff namespace's handshake check: an access token in `auth.token`, or the session cookie
 * sent from this origin. Resolves null when neither is valid.
 */
export async function identifySocket(
  db: Database,
  socket: Socket,
  options: { publicOrigin: string | undefined; now: () => Date },
): Promise<Caller | null> {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  if (typeof auth?.token === 'string' && auth.token.length > 0) {
    return callerFromAccessToken(db, auth.token, options.now());
  }
  const sessionToken = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
  if (!sessionToken || !isSameOrigin(socket.handshake.headers, options.publicOrigin)) return null;
  const resolved = await callerFromSession(db, sessionToken, options.now());
  return resolved?.caller ?? null;
}
