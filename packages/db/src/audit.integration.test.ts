import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, listAudit } from './audit.ts';
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

const newBoardId = async () => (await createBoard(db, { id: randomTestId('board'), name: 'audit test' })).id;

describe('appendAudit / listAudit', () => {
  it('records an entry with actor, target and JSON details, and lists it', async () => {
    const boardId = await newBoardId();
    const details = {
      from: 'editor',
      to: 'observer',
      nested: { n: 1, list: [true, null, 'x'] },
      text: 'ünï "q"',
    };
    const entry = await appendAudit(db, {
      boardId,
      actorId: 'user-1',
      actorName: 'Olga Owner',
      action: 'member.role_changed',
      target: 'user-2',
      details,
    });

    expect(entry).toEqual({
      id: expect.any(Number) as number,
      boardId,
      actorId: 'user-1',
      actorName: 'Olga Owner',
      action: 'member.role_changed',
      target: 'user-2',
      details,
      at: expect.any(Date) as Date,
    });
    expect(await listAudit(db, boardId)).toEqual([entry]);
  });

  it('accepts an entry without actor, target or details', async () => {
    const boardId = await newBoardId();
    const entry = await appendAudit(db, {
      boardId,
      actorId: null,
      actorName: null,
      action: 'invite.accepted',
      target: null,
    });
    expect(entry).toMatchObject({ actorId: null, actorName: null, target: null, details: {} });
  });

  it('lists newest first, limited, and pages with beforeId, only for that board', async () => {
    const boardId = await newBoardId();
    const written = [];
    for (const action of ['invite.created', 'invite.revoked', 'share_link.created', 'token.created']) {
      written.push(await appendAudit(db, { boardId, actorId: 'u', actorName: 'U', action, target: 't' }));
    }
    await appendAudit(db, {
      boardId: await newBoardId(),
      actorId: 'u',
      actorName: 'U',
      action: 'other',
      target: null,
    });

    const actions = (entries: { action: string }[]) => entries.map((e) => e.action);
    expect(actions(await listAudit(db, boardId))).toEqual([
      'token.created',
      'share_link.created',
      'invite.revoked',
      'invite.created',
    ]);
    const firstPage = await listAudit(db, boardId, { limit: 2 });
    expect(actions(firstPage)).toEqual(['token.created', 'share_link.created']);
    expect(actions(await listAudit(db, boardId, { limit: 2, beforeId: firstPage[1]?.id }))).toEqual([
      'invite.revoked',
      'invite.created',
    ]);
  });

  it('refuses a limit outside 1..1000', async () => {
    const boardId = await newBoardId();
    await expect(listAudit(db, boardId, { limit: 0 })).rejects.toThrow(RangeError);
    await expect(listAudit(db, boardId, { limit: 1001 })).rejects.toThrow(/1 to 1000, got 1001/);
  });

  it('rolls back with the transaction that wrote it', async () => {
    const boardId = await newBoardId();
    await expect(
      db.transaction(async (tx) => {
        await appendAudit(tx, { boardId, actorId: 'u', actorName: 'U', action: 'member.added', target: 'x' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect(await listAudit(db, boardId)).toEqual([]);
  });

  it('throws BoardNotFoundError for an unknown board, and deletes entries with the board', async () => {
    await expect(
      appendAudit(db, {
        boardId: randomTestId('missing'),
        actorId: null,
        actorName: null,
        action: 'x',
        target: null,
      }),
    ).rejects.toBeInstanceOf(BoardNotFoundError);

    const boardId = await newBoardId();
    await appendAudit(db, { boardId, actorId: null, actorName: null, action: 'x', target: null });
    await db.query('delete from boards where id = $1', [boardId]);
    expect(await listAudit(db, boardId)).toEqual([]);
  });
});
