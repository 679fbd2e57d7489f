import type { Queryable } from './database.ts';
import { UserNotFoundError } from './errors.ts';
import { SqlState, sqlStateOf } from './pg-error.ts';
import { single } from './rows.ts';
import type { RawUserRow, UserRow } from './users.ts';
import { toUserRow } from './users.ts';
import { toDate, toText, toTimestampParam } from './values.ts';

/**
 * Sign-in sessions (Lucia's design). The id is the SHA-256 of the cookie's token, computed by
 * the caller, so nothing here can be replayed as a cookie. Expiry is checked by the caller
 * (`isExpired`, `shouldRenewSession` in `@pairboard/auth`) against its own clock.
 */
export interface SessionRow {
  id: string;
  userId: string;
  expiresAt: Date;
}

interface RawSessionRow {
  id: unknown;
  user_id: unknown;
  expires_at: unknown;
}

/** Stores a new session. Throws `UserNotFoundError` for an unknown user. */
export async function createSession(
  q: Queryable,
  input: { id: string; userId: string; expiresAt: Date },
): Promise<SessionRow> {
  try {
    const rows = await q.query<RawSessionRow>(
      `insert into sessions (id, user_id, expires_at) values ($1, $2, $3::timestamptz)
       returning id, user_id, expires_at`,
      [input.id, input.userId, toTimestampParam(input.expiresAt)],
    );
    return toSessionRow(single(rows));
  } catch (error) {
    if (sqlStateOf(error) === SqlState.ForeignKeyViolation) {
      throw new UserNotFoundError(input.userId, { cause: error });
    }
    throw error;
  }
}

/**
 * The session with this id and its user, or null. An expired session is returned too: the
 * caller decides with its clock, and deletes it.
 */
export async function getSessionWithUser(
  q: Queryable,
  id: string,
): Promise<{ session: SessionRow; user: UserRow } | null> {
  const rows = await q.query<RawUserRow & { session_id: unknown; expires_at: unknown }>(
    `select s.id as session_id, s.expires_at, u.id, u.email, u.name, u.created_at
       from sessions s join users u on u.id = s.user_id
      where s.id = $1`,
    [id],
  );
  const row = rows[0];
  if (row === undefined) return null;
  const user = toUserRow(row);
  return {
    session: toSessionRow({ id: row.session_id, user_id: user.id, expires_at: row.expires_at }),
    user,
  };
}

/** Moves a session's expiry (sliding renewal). False if the session no longer exists. */
export async function extendSession(q: Queryable, id: string, expiresAt: Date): Promise<boolean> {
  const rows = await q.query<{ id: unknown }>(
    'update sessions set expires_at = $2::timestamptz where id = $1 returning id',
    [id, toTimestampParam(expiresAt)],
  );
  return rows.length > 0;
}

/** Deletes one session (sign-out, or an expired one). False if it did not exist. */
export async function deleteSession(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query<{ id: unknown }>('delete from sessions where id = $1 returning id', [id]);
  return rows.length > 0;
}

/**
 * Deletes every session of a user ("sign out everywhere") and returns their ids, so the caller
 * can close the live sockets those sessions opened.
 */
export async function deleteUserSessions(q: Queryable, userId: string): Promise<string[]> {
  const rows = await q.query<{ id: unknown }>('delete from sessions where user_id = $1 returning id', [
    userId,
  ]);
  return rows.map((row) => toText(row.id, 'sessions.id'));
}

/** Deletes sessions that expired at or before `now` (housekeeping); returns how many. */
export async function deleteExpiredSessions(q: Queryable, now: Date): Promise<number> {
  const rows = await q.query<{ id: unknown }>(
    'delete from sessions where expires_at <= $1::timestamptz returning id',
    [toTimestampParam(now)],
  );
  return rows.length;
}

function toSessionRow(row: RawSessionRow): SessionRow {
  return {
    id: toText(row.id, 'sessions.id'),
    userId: toText(row.user_id, 'sessions.user_id'),
    expiresAt: toDate(row.expires_at, 'sessions.expires_at'),
  };
}
