import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard } from './boards.ts';
import type { Database } from './database.ts';
import { BoardNotFoundError } from './errors.ts';
import { createShareLink, getShareLinkByTokenHash, listShareLinks, revokeShareLink } from './share-links.ts';
import type { ShareLinkRow } from './share-links.ts';
import { openTestDatabase, randomTestId } from './testing/index.ts';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase({ url: process.env.DATABASE_URL });
});
afterAll(async () => {
  await db.close();
});

const newBoardId = async () => (await createBoard(db, { id: randomTestId('board'), name: 'links test' })).id;
/** Stands in for sha256(secret): the db stores whatever hash it is given. */
const tokenHash = () => randomTestId('hash');

function link(boardId: string, hash = tokenHash()) {
  return {
    boardId,
    tokenHash: hash,
    name: 'Client: ACME',
    pinHash: null,
    expiresAt: null,
    createdBy: 'owner-user-id',
  };
}

async function backdate(row: ShareLinkRow, ms: number): Promise<ShareLinkRow> {
  const createdAt = new Date(row.createdAt.getTime() - ms);
  await db.query('update share_links set created_at = $2::timestamptz where id = $1', [
    row.id,
    createdAt.toISOString(),
  ]);
  return { ...row, createdAt };
}

describe('createShareLink / getShareLinkByTokenHash', () => {
  it('stores a link without PIN or expiry and finds it by its hash', async () => {
    const boardId = await newBoardId();
    const hash = tokenHash();
    const created = await createShareLink(db, link(boardId, hash));

    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      boardId,
      name: 'Client: ACME',
      hasPin: false,
      expiresAt: null,
      createdBy: 'owner-user-id',
      createdAt: expect.any(Date) as Date,
      revokedAt: null,
    });
    expect(created).not.toHaveProperty('tokenHash');
    expect(await getShareLinkByTokenHash(db, hash)).toEqual({ ...created, pinHash: null });
    expect(await getShareLinkByTokenHash(db, tokenHash())).toBeNull();
  });

  it('keeps a PIN hash and an expiry; lists say only that there is a PIN', async () => {
    const boardId = await newBoardId();
    const hash = tokenHash();
    const expiresAt = new Date('2026-12-01T18:30:00.999Z');
    const created = await createShareLink(db, {
      ...link(boardId, hash),
      pinHash: '$argon2id$pin',
      expiresAt,
    });

    expect(created).toMatchObject({ hasPin: true, expiresAt });
    expect(created).not.toHaveProperty('pinHash');
    expect(await getShareLinkByTokenHash(db, hash)).toMatchObject({
      hasPin: true,
      pinHash: '$argon2id$pin',
      expiresAt,
    });
    const [listed] = await listShareLinks(db, boardId);
    expect(listed).toEqual(created);
    expect(listed).not.toHaveProperty('pinHash');
  });

  it('refuses a token hash already used, and throws BoardNotFoundError for an unknown board', async () => {
    const boardId = await newBoardId();
    const hash = tokenHash();
    await createShareLink(db, link(boardId, hash));
    await expect(createShareLink(db, link(boardId, hash))).rejects.toThrow(/duplicate key|unique/);
    await expect(createShareLink(db, link(randomTestId('missing')))).rejects.toBeInstanceOf(
      BoardNotFoundError,
    );
  });
});

describe('listShareLinks / revokeShareLink', () => {
  it('lists a board’s links newest first, revoked ones included', async () => {
    const boardId = await newBoardId();
    const older = await backdate(await createShareLink(db, link(boardId)), 60_000);
    const newer = await createShareLink(db, { ...link(boardId), name: 'second' });
    await createShareLink(db, link(await newBoardId()));
    expect(await revokeShareLink(db, boardId, newer.id)).toBe(true);

    const listed = await listShareLinks(db, boardId);
    expect(listed.map((row) => [row.id, row.revokedAt !== null])).toEqual([
      [newer.id, true],
      [older.id, false],
    ]);
  });

  it('revokes once and only on the link’s own board', async () => {
    const [boardId, otherBoardId] = [await newBoardId(), await newBoardId()];
    const hash = tokenHash();
    const created = await createShareLink(db, link(boardId, hash));

    expect(await revokeShareLink(db, otherBoardId, created.id)).toBe(false);
    expect(await revokeShareLink(db, boardId, created.id)).toBe(true);
    expect(await revokeShareLink(db, boardId, created.id)).toBe(false);
    expect((await getShareLinkByTokenHash(db, hash))?.revokedAt).toBeInstanceOf(Date);
  });

  it('deletes a board’s links with the board', async () => {
    const boardId = await newBoardId();
    const hash = tokenHash();
    await createShareLink(db, link(boardId, hash));
    await db.query('delete from boards where id = $1', [boardId]);
    expect(await getShareLinkByTokenHash(db, hash)).toBeNull();
  });
});
