import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { UserNotFoundError } from './errors.ts';
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  extendSession,
  getSessionWithUser,
} from './sessions.ts';
import { openTestDatabase, randomTestId } from './testing/index.ts';
import { createUser } from './users.ts';
import type { UserRow } from './users.ts';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase({ url: process.env.DATABASE_URL });
});
afterAll(async () => {
  await db.close();
});

async function newUser(): Promise<UserRow> {
  return createUser(db, {
    email: `${randomTestId('user')}@example.org`,
    name: 'Session User',
    passwordHash: 'h',
  });
}

/** Stands in for sha256(token): the db stores whatever hash it is given. */
const sessionId = () => randomTestId('sha256');

/** Millisecond precision survives the round trip (timestamptz keeps microseconds). */
const EXPIRES = new Date('2026-12-22T10:00:00.123Z');

describe('createSession / getSessionWithUser', () => {
  it('stores a session and reads it back with its user', async () => {
    const user = await newUser();
    const id = sessionId();
    const created = await createSession(db, { id, userId: user.id, expiresAt: EXPIRES });

    expect(created).toEqual({ id, userId: user.id, expiresAt: EXPIRES });
    expect(await getSessionWithUser(db, id)).toEqual({ session: created, user });
  });

  it('returns an expired session too: the caller judges expiry with its own clock', async () => {
    const user = await newUser();
    const id = sessionId();
    const past = new Date('2020-01-01T00:00:00Z');
    await createSession(db, { id, userId: user.id, expiresAt: past });
    expect((await getSessionWithUser(db, id))?.session.expiresAt).toEqual(past);
  });

  it('returns null for an unknown id', async () => {
    expect(await getSessionWithUser(db, sessionId())).toBeNull();
  });

  it('throws UserNotFoundError for an unknown user', async () => {
    const userId = randomTestId('missing');
    const error = await createSession(db, { id: sessionId(), userId, expiresAt: EXPIRES }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserNotFoundError);
    expect(error).toMatchObject({ userId });
  });
});

describe('extendSession', () => {
  it('moves the expiry and reports whether the session exists', async () => {
    const user = await newUser();
    const id = sessionId();
    await createSession(db, { id, userId: user.id, expiresAt: EXPIRES });
    const later = new Date('2027-01-21T10:00:00.456Z');

    expect(await extendSession(db, id, later)).toBe(true);
    expect((await getSessionWithUser(db, id))?.session.expiresAt).toEqual(later);
    expect(await extendSession(db, sessionId(), later)).toBe(false);
  });
});

describe('deleteSession / deleteUserSessions', () => {
  it('deletes one session and leaves the user’s others', async () => {
    const user = await newUser();
    const [a, b] = [sessionId(), sessionId()];
    await createSession(db, { id: a, userId: user.id, expiresAt: EXPIRES });
    await createSession(db, { id: b, userId: user.id, expiresAt: EXPIRES });

    expect(await deleteSession(db, a)).toBe(true);
    expect(await deleteSession(db, a)).toBe(false);
    expect(await getSessionWithUser(db, a)).toBeNull();
    expect(await getSessionWithUser(db, b)).not.toBeNull();
  });

  it('deletes every session of one user, returns their ids, and spares other users', async () => {
    const [user, other] = [await newUser(), await newUser()];
    const ids = [sessionId(), sessionId(), sessionId()];
    for (const id of ids) await createSession(db, { id, userId: user.id, expiresAt: EXPIRES });
    const otherId = sessionId();
    await createSession(db, { id: otherId, userId: other.id, expiresAt: EXPIRES });

    expect((await deleteUserSessions(db, user.id)).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await getSessionWithUser(db, id)).toBeNull();
    expect(await getSessionWithUser(db, otherId)).not.toBeNull();
    expect(await deleteUserSessions(db, user.id)).toEqual([]);
  });

  it('deletes a user’s sessions when the user is deleted (cascade)', async () => {
    const user = await newUser();
    const id = sessionId();
    await createSession(db, { id, userId: user.id, expiresAt: EXPIRES });
    await db.query('delete from users where id = $1', [user.id]);
    expect(await getSessionWithUser(db, id)).toBeNull();
    const rows = await db.query('select id from sessions where id = $1', [id]);
    expect(rows).toEqual([]);
  });
});

describe('deleteExpiredSessions', () => {
  it('deletes sessions expired at or before now and keeps the rest', async () => {
    const user = await newUser();
    // A `now` long past: the database is shared with other tests (and other packages' test
    // servers), whose sessions must not be swept away by this one.
    const now = new Date('2001-06-01T00:00:00Z');
    const [expired, atNow, alive] = [sessionId(), sessionId(), sessionId()];
    await createSession(db, { id: expired, userId: user.id, expiresAt: new Date('2001-05-31T23:59:59Z') });
    await createSession(db, { id: atNow, userId: user.id, expiresAt: now });
    await createSession(db, { id: alive, userId: user.id, expiresAt: new Date('2001-06-01T00:00:01Z') });

    expect(await deleteExpiredSessions(db, now)).toBeGreaterThanOrEqual(2);
    expect(await getSessionWithUser(db, expired)).toBeNull();
    expect(await getSessionWithUser(db, atNow)).toBeNull();
    expect(await getSessionWithUser(db, alive)).not.toBeNull();
  });
});
