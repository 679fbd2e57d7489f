import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard } from './boards.ts';
import { getClientViewSettings, setClientViewSettings } from './client-view-settings.ts';
import type { ClientViewSettings } from './client-view-settings.ts';
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

const newBoardId = async () =>
  (await createBoard(db, { id: randomTestId('board'), name: 'client view test' })).id;
const ALL_SHOWN: ClientViewSettings = { progress: true, attendance: true, incidents: true, updates: true };

describe('client view settings', () => {
  it('shows every part on a new board', async () => {
    expect(await getClientViewSettings(db, await newBoardId())).toEqual(ALL_SHOWN);
  });

  it('stores the owner’s choice per board', async () => {
    const [boardId, otherId] = [await newBoardId(), await newBoardId()];
    const chosen = { progress: true, attendance: false, incidents: false, updates: true };
    expect(await setClientViewSettings(db, boardId, chosen)).toEqual(chosen);
    expect(await getClientViewSettings(db, boardId)).toEqual(chosen);
    expect(await getClientViewSettings(db, otherId)).toEqual(ALL_SHOWN);
  });

  it('writes only the known parts, and refuses a non-boolean', async () => {
    const boardId = await newBoardId();
    const withExtra = { ...ALL_SHOWN, guestNames: true } as ClientViewSettings;
    await setClientViewSettings(db, boardId, withExtra);
    const rows = await db.query<{ v: unknown }>('select client_view::text as v from boards where id = $1', [
      boardId,
    ]);
    expect(JSON.parse(String(rows[0]?.v))).toEqual(ALL_SHOWN);

    const invalid = { ...ALL_SHOWN, updates: 'yes' } as unknown as ClientViewSettings;
    await expect(setClientViewSettings(db, boardId, invalid)).rejects.toThrow(/updates must be a boolean/);
  });

  it('reads a part missing from an older row as shown', async () => {
    const boardId = await newBoardId();
    await db.query(`update boards set client_view = '{"progress":false}'::jsonb where id = $1`, [boardId]);
    expect(await getClientViewSettings(db, boardId)).toEqual({ ...ALL_SHOWN, progress: false });
  });

  it('throws BoardNotFoundError for an unknown board', async () => {
    const missing = randomTestId('missing');
    await expect(getClientViewSettings(db, missing)).rejects.toBeInstanceOf(BoardNotFoundError);
    await expect(setClientViewSettings(db, missing, ALL_SHOWN)).rejects.toBeInstanceOf(BoardNotFoundError);
  });
});
