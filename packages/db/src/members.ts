import type { BoardRow, RawBoardRow } from './boards.ts';
import { toBoardRow } from './boards.ts';
import type { Queryable } from './database.ts';
import { BoardNotFoundError, MemberExistsError, UserNotFoundError } from './errors.ts';
import { SqlState, constraintOf, sqlStateOf } from './pg-error.ts';
import type { MemberPosition, MemberRole } from './roles.ts';
import { MEMBER_POSITIONS, MEMBER_ROLES } from './roles.ts';
import { single } from './rows.ts';
import { toDate, toNullableOneOf, toOneOf, toSafeInteger, toText } from './values.ts';

/** A user's membership of a board: their role there and, for editors, their position. */
export interface MemberRow {
  boardId: string;
  userId: string;
  role: MemberRole;
  position: MemberPosition | null;
  addedAt: Date;
}

interface RawMemberRow {
  board_id: unknown;
  user_id: unknown;
  role: unknown;
  position: unknown;
  added_at: unknown;
}

const COLUMNS = 'board_id, user_id, role, position, added_at';

/**
 * Makes a user a member of a board. Throws `MemberExistsError` if they already are,
 * `BoardNotFoundError` / `UserNotFoundError` if either does not exist.
 */
export async function addMember(
  q: Queryable,
  input: { boardId: string; userId: string; role: MemberRole; position: MemberPosition | null },
): Promise<MemberRow> {
  try {
    const rows = await q.query<RawMemberRow>(
      `insert into board_members (board_id, user_id, role, position) values ($1, $2, $3, $4)
       returning ${COLUMNS}`,
      [input.boardId, input.userId, input.role, input.position],
    );
    return toMemberRow(single(rows));
  } catch (error) {
    const state = sqlStateOf(error);
    if (state === SqlState.UniqueViolation) {
      throw new MemberExistsError(input.boardId, input.userId, { cause: error });
    }
    if (state === SqlState.ForeignKeyViolation) {
      throw constraintOf(error) === 'board_members_user_id_fkey'
        ? new UserNotFoundError(input.userId, { cause: error })
        : new BoardNotFoundError(input.boardId, { cause: error });
    }
    throw error;
  }
}

/** The user's membership of the board, or null if they are not a member. */
export async function getMember(q: Queryable, boardId: string, userId: string): Promise<MemberRow | null> {
  const rows = await q.query<RawMemberRow>(
    `select ${COLUMNS} from board_members where board_id = $1 and user_id = $2`,
    [boardId, userId],
  );
  const row = rows[0];
  return row === undefined ? null : toMemberRow(row);
}

/** A board's members with their names and emails, in the order they joined. */
export async function listMembers(
  q: Queryable,
  boardId: string,
): Promise<(MemberRow & { name: string; email: string })[]> {
  const rows = await q.query<RawMemberRow & { name: unknown; email: unknown }>(
    `select m.board_id, m.user_id, m.role, m.position, m.added_at, u.name, u.email
       from board_members m join users u on u.id = m.user_id
      where m.board_id = $1
      order by m.added_at, m.user_id`,
    [boardId],
  );
  return rows.map((row) => ({
    ...toMemberRow(row),
    name: toText(row.name, 'users.name'),
    email: toText(row.email, 'users.email'),
  }));
}

/** Changes a member's role and position; the updated row, or null if they are not a member. */
export async function updateMember(
  q: Queryable,
  boardId: string,
  userId: string,
  change: { role: MemberRole; position: MemberPosition | null },
): Promise<MemberRow | null> {
  const rows = await q.query<RawMemberRow>(
    `update board_members set role = $3, position = $4 where board_id = $1 and user_id = $2
     returning ${COLUMNS}`,
    [boardId, userId, change.role, change.position],
  );
  const row = rows[0];
  return row === undefined ? null : toMemberRow(row);
}

/** Removes a member; false if they were not one. */
export async function removeMember(q: Queryable, boardId: string, userId: string): Promise<boolean> {
  const rows = await q.query<{ user_id: unknown }>(
    'delete from board_members where board_id = $1 and user_id = $2 returning user_id',
    [boardId, userId],
  );
  return rows.length > 0;
}

/**
 * How many owners the board has. To keep the last owner from being demoted or removed by two
 * concurrent requests, call it inside `db.transaction` after `lockBoard(tx, boardId)`.
 */
export async function countOwners(q: Queryable, boardId: string): Promise<number> {
  const rows = await q.query<{ count: unknown }>(
    `select count(*) as count from board_members where board_id = $1 and role = 'owner'`,
    [boardId],
  );
  return toSafeInteger(single(rows).count, 'count');
}

/** The boards a user is a member of, with their role and position there, newest board first. */
export async function listBoardsForUser(
  q: Queryable,
  userId: string,
): Promise<(BoardRow & { role: MemberRole; position: MemberPosition | null })[]> {
  const rows = await q.query<RawBoardRow & { role: unknown; position: unknown }>(
    `select b.id, b.name, b.created_at, m.role, m.position
       from board_members m join boards b on b.id = m.board_id
      where m.user_id = $1
      order by b.created_at desc, b.id`,
    [userId],
  );
  return rows.map((row) => ({
    ...toBoardRow(row),
    role: toOneOf(row.role, MEMBER_ROLES, 'board_members.role'),
    position: toNullableOneOf(row.position, MEMBER_POSITIONS, 'board_members.position'),
  }));
}

function toMemberRow(row: RawMemberRow): MemberRow {
  return {
    boardId: toText(row.board_id, 'board_members.board_id'),
    userId: toText(row.user_id, 'board_members.user_id'),
    role: toOneOf(row.role, MEMBER_ROLES, 'board_members.role'),
    position: toNullableOneOf(row.position, MEMBER_POSITIONS, 'board_members.position'),
    addedAt: toDate(row.added_at, 'board_members.added_at'),
  };
}
