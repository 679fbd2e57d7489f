import {
  extendSession,
  getAccessTokenByTokenHash,
  getMember,
  getSessionWithUser,
  type Database,
  type Queryable,
} from '@pairboard/db';
import { hashToken, isExpired, sessionExpiry, shouldRenewSession } from '@pairboard/auth';
import type { BoardRole } from './roles.ts';

/** Who is calling, as proved by a session cookie or a board access token. */
export type Caller =
  | { kind: 'session'; userId: string; name: string; email: string; sessionId: string; expiresAt: Date }
  | {
      kind: 'token';
      tokenId: string;
      boardId: string;
      name: string;
      role: 'editor' | 'observer';
      position: 'onsite' | 'remote' | null;
      expiresAt: Date | null;
    };

/** A caller's standing on one board, and the tags its live connections are filed under. */
export interface BoardAccess {
  boardId: string;
  role: BoardRole;
  position: 'onsite' | 'remote' | null;
  /** The author recorded with updates and in the audit log. */
  actorId: string;
  actorName: string;
  /** Revoking any of these closes the connections opened with this access (see LiveConnections). */
  tags: string[];
  expiresAt: Date | null;
}

/**
 * Resolves a session token (the cookie value): only its hash is looked up. Renews the expiry
 * when less than half of it is left (sliding sessions); `renewed` says the cookie must be re-set.
 */
export async function callerFromSession(
  db: Database,
  token: string,
  now: Date,
): Promise<{ caller: Extract<Caller, { kind: 'session' }>; renewed: boolean } | null> {
  const found = await getSessionWithUser(db, hashToken(token));
  if (!found || isExpired(found.session.expiresAt, now)) return null;
  let expiresAt = found.session.expiresAt;
  const renewed = shouldRenewSession(expiresAt, now);
  if (renewed) {
    expiresAt = sessionExpiry(now);
    await extendSession(db, found.session.id, expiresAt);
  }
  const { user } = found;
  return {
    caller: {
      kind: 'session',
      userId: user.id,
      name: user.name,
      email: user.email,
      sessionId: found.session.id,
      expiresAt,
    },
    renewed,
  };
}

/** Resolves a board access token (`pbt_…`); revoked or expired tokens resolve to null. */
export async function callerFromAccessToken(db: Database, secret: string, now: Date): Promise<Caller | null> {
  const token = await getAccessTokenByTokenHash(db, hashToken(secret));
  if (!token || token.revokedAt || isExpired(token.expiresAt, now)) return null;
  return {
    kind: 'token',
    tokenId: token.id,
    boardId: token.boardId,
    name: token.name,
    role: token.role,
    position: token.position,
    expiresAt: token.expiresAt,
  };
}

/** The caller's role on a board, or null when it has none (not a member, token for another board). */
export async function resolveBoardAccess(
  q: Queryable,
  caller: Caller,
  boardId: string,
): Promise<BoardAccess | null> {
  if (caller.kind === 'token') {
    if (caller.boardId !== boardId) return null;
    return {
      boardId,
      role: caller.role,
      position: caller.position,
      actorId: `token:${caller.tokenId}`,
      actorName: caller.name,
      tags: [`token:${caller.tokenId}`],
      expiresAt: caller.expiresAt,
    };
  }
  const member = await getMember(q, boardId, caller.userId);
  if (!member) return null;
  return {
    boardId,
    role: member.role,
    position: member.position,
    actorId: caller.userId,
    actorName: caller.name,
    tags: [`session:${caller.sessionId}`, `user:${caller.userId}`, `member:${boardId}:${caller.userId}`],
    expiresAt: caller.expiresAt,
  };
}
