import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendActivity, listActivity, type NewActivityRow } from './activity.ts';
import { createBoard } from './boards.ts';
import type { Database } from './database.ts';
import { openTestDatabase, randomTestId } from './testing/index.ts';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase({ url: process.env.DATABASE_URL });
});
afterAll(async () => {
  await db.close();
});

const newBoardId = async () =>
  (await createBoard(db, { id: randomTestId('board'), name: 'activity test' })).id;

function row(boardId: string, overrides: Partial<NewActivityRow>): NewActivityRow {
  return {
    boardId,
    seq: 1,
    actorId: 'ana',
    actorName: 'Ana',
    at: new Date('2026-05-20T02:00:00.000Z'),
    list: 'items',
    entityId: 'item-1',
    action: 'item.done',
    label: 'Print badges',
    detail: '',
    ...overrides,
  };
}

describe('appendActivity / listActivity', () => {
  it('stores rows and lists them newest first with every field', async () => {
    const boardId = await newBoardId();
    await appendActivity(db, [
      row(boardId, { seq: 1 }),
      row(boardId, { seq: 2, list: 'guests', entityId: 'g1', action: 'guest.checked_in', label: '王芳' }),
    ]);
    const rows = await listActivity(db, boardId);
    expect(rows.map((r) => r.action)).toEqual(['guest.checked_in', 'item.done']);
    expect(rows[1]).toEqual({ id: expect.any(Number) as number, ...row(boardId, { seq: 1 }) });
  });

  it('filters by actors, lists and a cursor, and honours the limit', async () => {
    const boardId = await newBoardId();
    await appendActivity(db, [
      row(boardId, { seq: 1, actorId: 'ana' }),
      row(boardId, { seq: 2, actorId: 'ben', list: 'incidents', action: 'incident.raised' }),
      row(boardId, { seq: 3, actorId: 'cai' }),
    ]);
    const byPair = await listActivity(db, boardId, { actorIds: ['ana', 'ben'] });
    expect(byPair.map((r) => r.seq)).toEqual([2, 1]);
    const incidents = await listActivity(db, boardId, { lists: ['incidents'] });
    expect(incidents.map((r) => r.seq)).toEqual([2]);
    const [newest] = await listActivity(db, boardId, { limit: 1 });
    expect(newest?.seq).toBe(3);
    const older = await listActivity(db, boardId, { beforeId: newest?.id ?? 0 });
    expect(older.map((r) => r.seq)).toEqual([2, 1]);
  });

  it('keeps boards apart and refuses an out-of-range limit', async () => {
    const boardId = await newBoardId();
    const other = await newBoardId();
    await appendActivity(db, [row(other, {})]);
    expect(await listActivity(db, boardId)).toEqual([]);
    await expect(listActivity(db, boardId, { limit: 0 })).rejects.toThrow(RangeError);
  });
});
