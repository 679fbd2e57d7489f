import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAccessToken,
  getAccessTokenByTokenHash,
  listAccessTokens,
  revokeAccessToken,
} from './access-tokens.ts';
import type { AccessTokenRow } from './access-tokens.ts';
import { createBoard } from './boards.ts';
import type { Database } from './database.ts';
import { BoardNotFoundError } from './errors.ts';
import { openTestDatabase, randomTestId } from './testing/index.ts';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase({ url: process.env.DATABASE_URL });
});
afterAll(async () => {
  await db.close();
});

const newBoardId = async () => (await createBoard(db, { id: randomTestId('board'), name: 'tokens test' })).id;
/** Stands in for sha256(secret): the db stores whatever hash it is given. */
const tokenHash = () => randomTestId('hash');

function token(boardId: string, hash = tokenHash()) {
  return {
    boardId,
    tokenHash: hash,
    name: 'CRM sync',
    role: 'editor' as const,
    position: 'remote' as const,
    expiresAt: null,
    createdBy: 'owner-user-id',
  };
}

async function backdate(row: AccessTokenRow, ms: number): Promise<AccessTokenRow> {
  const createdAt = new Date(row.createdAt.getTime() - ms);
  await db.query('update access_tokens set created_at = $2::timestamptz where id = $1', [
    row.id,
    createdAt.toISOString(),
  ]);
  return { ...row, createdAt };
}

describe('createAccessToken / getAccessTokenByTokenHash', () => {
  it('stores a token and finds it by its hash, never returning the hash', async () => {
    const boardId = await newBoardId();
    const hash = tokenHash();
    const created = await createAccessToken(db, token(boardId, hash));

    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      boardId,
      name: 'CRM sync',
      role: 'editor',
      position: 'remote',
      expiresAt: null,
      createdBy: 'owner-user-id',
      createdAt: expect.any(Date) as Date,
      revokedAt: null,
    });
    expect(created).not.toHaveProperty('tokenHash');
    expect(await getAccessTokenByTokenHash(db, hash)).toEqual(created);
    expect(await getAccessTokenByTokenHash(db, tokenHash())).toBeNull();
  });

  it('keeps an expiry and an observer role without position', async () => {
    const hash = tokenHash();
    const expiresAt = new Date('2027-01-01T00:00:00.001Z');
    const id = randomTestId('token');
    await createAccessToken(db, {
      ...token(await newBoardId(), hash),
      id,
      role: 'observer',
      position: null,
      expiresAt,
    });
    expect(await getAccessTokenByTokenHash(db, hash)).toMatchObject({
      id,
      role: 'observer',
      position: null,
      expiresAt,
    });
  });

  it('refuses owner and door roles and a reused hash at the database', async () => {
    const boardId = await newBoardId();
    for (const role of ['owner', 'door']) {
      await expect(
        db.query(
          `insert into access_tokens (id, board_id, token_hash, name, role) values ($1, $2, $3, 'x', $4)`,
          [randomTestId('token'), boardId, tokenHash(), role],
        ),
      ).rejects.toThrow(/check constraint/);
    }
    const hash = tokenHash();
    await createAccessToken(db, token(boardId, hash));
    await expect(createAccessToken(db, token(boardId, hash))).rejects.toThrow(/duplicate key|unique/);
  });

  it('throws BoardNotFoundError for an unknown board', async () => {
    await expect(createAccessToken(db, token(randomTestId('missing')))).rejects.toBeInstanceOf(
      BoardNotFoundError,
    );
  });
});

describe('listAccessTokens / revokeAccessToken', () => {
  it('lists a board’s tokens newest first, revoked ones included', async () => {
    const boardId = await newBoardId();
    const older = await backdate(await createAccessToken(db, token(boardId)), 60_000);
    const newer = await createAccessToken(db, { ...token(boardId), name: 'second' });
    await createAccessToken(db, token(await newBoardId()));
    expect(await revokeAccessToken(db, boardId, older.id)).toBe(true);

    const listed = await listAccessTokens(db, boardId);
    expect(listed.map((row) => row.id)).toEqual([newer.id, older.id]);
    expect(listed[0]?.revokedAt).toBeNull();
    expect(listed[1]?.revokedAt).toBeInstanceOf(Date);
  });

  it('revokes once and only on the token’s own board', async () => {
    const [boardId, otherBoardId] = [await newBoardId(), await newBoardId()];
    const hash = tokenHash();
    const created = await createAccessToken(db, token(boardId, hash));

    expect(await revokeAccessToken(db, otherBoardId, created.id)).toBe(false);
    expect((await getAccessTokenByTokenHash(db, hash))?.revokedAt).toBeNull();
    expect(await revokeAccessToken(db, boardId, created.id)).toBe(true);
    expect(await revokeAccessToken(db, boardId, created.id)).toBe(false);
    expect((await getAccessTokenByTokenHash(db, hash))?.revokedAt).toBeInstanceOf(Date);
  });

  it('deletes a board’s tokens with the board', async () => {
    const boardId = await newBoardId();
    const hash = tokenHash();
    await createAccessToken(db, token(boardId, hash));
    await db.query('delete from boards where id = $1', [boardId]);
    expect(await getAccessTokenByTokenHash(db, hash)).toBeNull();
  });
});
