import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, lockBoard } from './boards.ts';
import type { BoardRow } from './boards.ts';
import type { Database } from './database.ts';
import { BoardNotFoundError, MemberExistsError, UserNotFoundError } from './errors.ts';
import {
  addMember,
  countOwners,
  getMember,
  listBoardsForUser,
  listMembers,
  removeMember,
  updateMember,
} from './members.ts';
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

const newBoard = (name = 'members test'): Promise<BoardRow> =>
  createBoard(db, { id: randomTestId('board'), name });
const newUser = (name = 'Member'): Promise<UserRow> =>
  createUser(db, { email: `${randomTestId('user')}@example.org`, name, passwordHash: 'h' });

describe('addMember / getMember', () => {
  it('adds a member with role and position and reads the membership back', async () => {
    const [board, user] = [await newBoard(), await newUser()];
    const member = await addMember(db, {
      boardId: board.id,
      userId: user.id,
      role: 'editor',
      position: 'remote',
    });

    expect(member).toEqual({
      boardId: board.id,
      userId: user.id,
      role: 'editor',
      position: 'remote',
      addedAt: expect.any(Date) as Date,
    });
    expect(await getMember(db, board.id, user.id)).toEqual(member);
  });

  it('returns null for a user who is not a member of that board', async () => {
    const [board, other, user] = [await newBoard(), await newBoard(), await newUser()];
    await addMember(db, { boardId: other.id, userId: user.id, role: 'owner', position: null });
    expect(await getMember(db, board.id, user.id)).toBeNull();
  });

  it('throws MemberExistsError for a second membership of the same board, keeping the first', async () => {
    const [board, user] = [await newBoard(), await newUser()];
    const first = await addMember(db, { boardId: board.id, userId: user.id, role: 'door', position: null });
    const error = await addMember(db, {
      boardId: board.id,
      userId: user.id,
      role: 'owner',
      position: null,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MemberExistsError);
    expect(error).toMatchObject({ boardId: board.id, userId: user.id });
    expect(await getMember(db, board.id, user.id)).toEqual(first);
  });

  it('tells an unknown board from an unknown user', async () => {
    const [board, user] = [await newBoard(), await newUser()];
    await expect(
      addMember(db, { boardId: randomTestId('missing'), userId: user.id, role: 'editor', position: null }),
    ).rejects.toBeInstanceOf(BoardNotFoundError);
    await expect(
      addMember(db, { boardId: board.id, userId: randomTestId('missing'), role: 'editor', position: null }),
    ).rejects.toBeInstanceOf(UserNotFoundError);
  });

  it('refuses a role or position outside the allowed values at the database', async () => {
    const [board, user] = [await newBoard(), await newUser()];
    await expect(
      db.query(`insert into board_members (board_id, user_id, role) values ($1, $2, 'client')`, [
        board.id,
        user.id,
      ]),
    ).rejects.toThrow(/check constraint/);
    await expect(
      db.query(
        `insert into board_members (board_id, user_id, role, position) values ($1, $2, 'editor', 'moon')`,
        [board.id, user.id],
      ),
    ).rejects.toThrow(/check constraint/);
  });
});

describe('listMembers', () => {
  it('lists a board’s members with names and emails in the order they joined', async () => {
    const board = await newBoard();
    const owner = await newUser('Olga Owner');
    const door = await newUser('Dan Door');
    await addMember(db, { boardId: board.id, userId: owner.id, role: 'owner', position: null });
    await addMember(db, { boardId: board.id, userId: door.id, role: 'door', position: 'onsite' });

    expect(await listMembers(db, board.id)).toEqual([
      expect.objectContaining({
        userId: owner.id,
        role: 'owner',
        position: null,
        name: 'Olga Owner',
        email: owner.email,
      }),
      expect.objectContaining({
        userId: door.id,
        role: 'door',
        position: 'onsite',
        name: 'Dan Door',
        email: door.email,
      }),
    ]);
    expect(await listMembers(db, (await newBoard()).id)).toEqual([]);
  });
});

describe('updateMember / removeMember / countOwners', () => {
  it('changes role and position, and returns null for a non-member', async () => {
    const [board, user] = [await newBoard(), await newUser()];
    const added = await addMember(db, {
      boardId: board.id,
      userId: user.id,
      role: 'editor',
      position: 'onsite',
    });

    const updated = await updateMember(db, board.id, user.id, { role: 'observer', position: null });
    expect(updated).toEqual({ ...added, role: 'observer', position: null });
    expect(await getMember(db, board.id, user.id)).toEqual(updated);
    expect(
      await updateMember(db, board.id, randomTestId('missing'), { role: 'owner', position: null }),
    ).toBeNull();
  });

  it('removes a member once and reports whether there was one', async () => {
    const [board, user] = [await newBoard(), await newUser()];
    await addMember(db, { boardId: board.id, userId: user.id, role: 'observer', position: null });
    expect(await removeMember(db, board.id, user.id)).toBe(true);
    expect(await removeMember(db, board.id, user.id)).toBe(false);
    expect(await getMember(db, board.id, user.id)).toBeNull();
  });

  it('counts only the owners of that board', async () => {
    const [board, other] = [await newBoard(), await newBoard()];
    const [a, b, c] = [await newUser(), await newUser(), await newUser()];
    expect(await countOwners(db, board.id)).toBe(0);
    await addMember(db, { boardId: board.id, userId: a.id, role: 'owner', position: null });
    await addMember(db, { boardId: board.id, userId: b.id, role: 'editor', position: 'remote' });
    await addMember(db, { boardId: other.id, userId: c.id, role: 'owner', position: null });
    expect(await countOwners(db, board.id)).toBe(1);
    await updateMember(db, board.id, b.id, { role: 'owner', position: null });
    expect(await countOwners(db, board.id)).toBe(2);
  });

  it('keeps the last owner when two owners demote each other at once, given lockBoard', async () => {
    const board = await newBoard();
    const [a, b] = [await newUser(), await newUser()];
    await addMember(db, { boardId: board.id, userId: a.id, role: 'owner', position: null });
    await addMember(db, { boardId: board.id, userId: b.id, role: 'owner', position: null });

    const demote = (userId: string) =>
      db.transaction(async (tx) => {
        expect(await lockBoard(tx, board.id)).toBe(true);
        if ((await countOwners(tx, board.id)) <= 1) return false;
        await updateMember(tx, board.id, userId, { role: 'editor', position: 'onsite' });
        return true;
      });
    const results = await Promise.all([demote(a.id), demote(b.id)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await countOwners(db, board.id)).toBe(1);
  });

  it('lockBoard reports an unknown board', async () => {
    expect(await db.transaction((tx) => lockBoard(tx, randomTestId('missing')))).toBe(false);
  });
});

async function backdate(board: BoardRow): Promise<BoardRow> {
  const createdAt = new Date(board.createdAt.getTime() - 60_000);
  await db.query('update boards set created_at = $2::timestamptz where id = $1', [
    board.id,
    createdAt.toISOString(),
  ]);
  return { ...board, createdAt };
}

describe('listBoardsForUser', () => {
  it('lists the boards a user belongs to with role and position, newest board first', async () => {
    const user = await newUser();
    const newer = await newBoard('newer');
    // PGlite's clock may give two quick inserts the same timestamp: make the order unambiguous.
    const older = await backdate(await newBoard('older'));
    await newBoard('not mine');
    await addMember(db, { boardId: newer.id, userId: user.id, role: 'editor', position: 'onsite' });
    await addMember(db, { boardId: older.id, userId: user.id, role: 'owner', position: null });

    expect(await listBoardsForUser(db, user.id)).toEqual([
      { ...newer, role: 'editor', position: 'onsite' },
      { ...older, role: 'owner', position: null },
    ]);
    expect(await listBoardsForUser(db, (await newUser()).id)).toEqual([]);
  });
});

describe('cascades', () => {
  it('drops memberships with the board and with the user', async () => {
    const [board, user, other] = [await newBoard(), await newUser(), await newUser()];
    await addMember(db, { boardId: board.id, userId: user.id, role: 'owner', position: null });
    await addMember(db, { boardId: board.id, userId: other.id, role: 'editor', position: null });

    await db.query('delete from users where id = $1', [other.id]);
    expect((await listMembers(db, board.id)).map((m) => m.userId)).toEqual([user.id]);

    await db.query('delete from boards where id = $1', [board.id]);
    expect(await getMember(db, board.id, user.id)).toBeNull();
    expect(await listBoardsForUser(db, user.id)).toEqual([]);
  });
});
