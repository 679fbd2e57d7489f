import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard } from './boards.ts';
import type { Database } from './database.ts';
import { BoardNotFoundError } from './errors.ts';
import { createInvite, getInviteByTokenHash, listInvites, revokeInvite } from './invites.ts';
import type { InviteRow } from './invites.ts';
import { openTestDatabase, randomTestId } from './testing/index.ts';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase({ url: process.env.DATABASE_URL });
});
afterAll(async () => {
  await db.close();
});

const newBoardId = async () =>
  (await createBoard(db, { id: randomTestId('board'), name: 'invites test' })).id;
/** Stands in for sha256(secret): the db stores whatever hash it is given. */
const tokenHash = () => randomTestId('hash');
const EXPIRES = new Date('2026-11-25T10:00:00.250Z');

function invite(boardId: string, hash = tokenHash()) {
  return {
    boardId,
    tokenHash: hash,
    role: 'door' as const,
    position: 'onsite' as const,
    expiresAt: EXPIRES,
    createdBy: 'owner-user-id',
  };
}

async function backdate(row: InviteRow, ms: number): Promise<InviteRow> {
  const createdAt = new Date(row.createdAt.getTime() - ms);
  await db.query('update board_invites set created_at = $2::timestamptz where id = $1', [
    row.id,
    createdAt.toISOString(),
  ]);
  return { ...row, createdAt };
}

describe('createInvite / getInviteByTokenHash', () => {
  it('stores an invite and finds it by the hash of its secret, which it never returns', async () => {
    const boardId = await newBoardId();
    const hash = tokenHash();
    const created = await createInvite(db, invite(boardId, hash));

    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      boardId,
      role: 'door',
      position: 'onsite',
      expiresAt: EXPIRES,
      createdBy: 'owner-user-id',
      createdAt: expect.any(Date) as Date,
      revokedAt: null,
    });
    expect(created).not.toHaveProperty('tokenHash');
    expect(await getInviteByTokenHash(db, hash)).toEqual(created);
    expect(await getInviteByTokenHash(db, tokenHash())).toBeNull();
  });

  it('uses a given id and accepts a null creator and position', async () => {
    const id = randomTestId('invite');
    const created = await createInvite(db, {
      ...invite(await newBoardId()),
      id,
      position: null,
      createdBy: null,
    });
    expect(created).toMatchObject({ id, position: null, createdBy: null });
  });

  it('refuses a token hash already used and an owner role', async () => {
    const boardId = await newBoardId();
    const hash = tokenHash();
    await createInvite(db, invite(boardId, hash));
    await expect(createInvite(db, invite(boardId, hash))).rejects.toThrow(/duplicate key|unique/);
    await expect(
      db.query(
        `insert into board_invites (id, board_id, token_hash, role, expires_at) values ($1, $2, $3, 'owner', now())`,
        [randomTestId('invite'), boardId, tokenHash()],
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('throws BoardNotFoundError for an unknown board', async () => {
    await expect(createInvite(db, invite(randomTestId('missing')))).rejects.toBeInstanceOf(
      BoardNotFoundError,
    );
  });

  it('returns an expired invite with its expiry, for the caller to refuse', async () => {
    const hash = tokenHash();
    const past = new Date('2020-01-01T00:00:00Z');
    await createInvite(db, { ...invite(await newBoardId(), hash), expiresAt: past });
    expect((await getInviteByTokenHash(db, hash))?.expiresAt).toEqual(past);
  });
});

describe('listInvites / revokeInvite', () => {
  it('lists a board’s invites newest first, revoked ones included', async () => {
    const boardId = await newBoardId();
    const older = await backdate(await createInvite(db, invite(boardId)), 60_000);
    const newer = await createInvite(db, { ...invite(boardId), role: 'editor', position: 'remote' });
    await createInvite(db, invite(await newBoardId()));
    await revokeInvite(db, boardId, older.id);

    const listed = await listInvites(db, boardId);
    expect(listed.map((row) => row.id)).toEqual([newer.id, older.id]);
    expect(listed[1]?.revokedAt).toBeInstanceOf(Date);
  });

  it('revokes once, keeps the first revocation time, and only on the invite’s own board', async () => {
    const [boardId, otherBoardId] = [await newBoardId(), await newBoardId()];
    const hash = tokenHash();
    const created = await createInvite(db, invite(boardId, hash));

    expect(await revokeInvite(db, otherBoardId, created.id)).toBe(false);
    expect((await getInviteByTokenHash(db, hash))?.revokedAt).toBeNull();

    expect(await revokeInvite(db, boardId, created.id)).toBe(true);
    const revokedAt = (await getInviteByTokenHash(db, hash))?.revokedAt;
    expect(revokedAt).toBeInstanceOf(Date);
    expect(await revokeInvite(db, boardId, created.id)).toBe(false);
    expect((await getInviteByTokenHash(db, hash))?.revokedAt).toEqual(revokedAt);
    expect(await revokeInvite(db, boardId, randomTestId('missing'))).toBe(false);
  });

  it('deletes a board’s invites with the board', async () => {
    const boardId = await newBoardId();
    const hash = tokenHash();
    await createInvite(db, invite(boardId, hash));
    await db.query('delete from boards where id = $1', [boardId]);
    expect(await getInviteByTokenHash(db, hash)).toBeNull();
  });
});
