import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { createBoard, getBoard, listBoards } from './boards.ts';
import { BoardExistsError } from './errors.ts';
import { openTestDatabase, randomTestId } from './testing/index.ts';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase({ url: process.env.DATABASE_URL });
});
afterAll(async () => {
  await db.close();
});

describe('boards', () => {
  it('creates a board with the given id and reads it back', async () => {
    const id = randomTestId('board');
    const before = Date.now();
    const created = await createBoard(db, { id, name: 'Gala night' });

    expect(created).toMatchObject({ id, name: 'Gala night' });
    expect(created.createdAt).toBeInstanceOf(Date);
    // Server and test share one clock here; allow a second of skew either way.
    expect(Math.abs(created.createdAt.getTime() - before)).toBeLessThan(1000);
    expect(await getBoard(db, id)).toEqual(created);
  });

  it('generates a UUID id when none is given', async () => {
    const created = await createBoard(db, { name: 'No id given' });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await getBoard(db, created.id)).toEqual(created);
  });

  it('returns null for an unknown board', async () => {
    expect(await getBoard(db, randomTestId('missing'))).toBeNull();
  });

  it('throws BoardExistsError when the id is taken, keeping the first board', async () => {
    const id = randomTestId('board');
    const first = await createBoard(db, { id, name: 'first' });
    const error = await createBoard(db, { id, name: 'second' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoardExistsError);
    expect(error).toMatchObject({ boardId: id });
    expect(await getBoard(db, id)).toEqual(first);
  });

  it('lists boards newest first', async () => {
    const older = await createBoard(db, {
      id: randomTestId('older'),
      name: 'older',
    });
    const newer = await createBoard(db, {
      id: randomTestId('newer'),
      name: 'newer',
    });
    const ids = (await listBoards(db)).map((board) => board.id);
    // Other tests add boards to the same database, so check relative order only.
    expect(ids).toContain(older.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
  });
});
