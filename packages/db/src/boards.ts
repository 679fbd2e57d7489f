import type { Queryable } from './database.ts';
import { BoardExistsError } from './errors.ts';
import { SqlState, sqlStateOf } from './pg-error.ts';
import { single } from './rows.ts';
import { toDate, toText } from './values.ts';

/** A board's row in `boards`. Its content lives in the update log (`board-log.ts`). */
export interface BoardRow {
  id: string;
  name: string;
  createdAt: Date;
}

export interface RawBoardRow {
  id: unknown;
  name: unknown;
  created_at: unknown;
}

const COLUMNS = 'id, name, created_at';

/**
 * Creates a board; `id` defaults to a random UUID. Throws `BoardExistsError` if the id is taken.
 */
export async function createBoard(db: Queryable, input: { id?: string; name: string }): Promise<BoardRow> {
  const id = input.id ?? crypto.randomUUID();
  try {
    const rows = await db.query<RawBoardRow>(
      `insert into boards (id, name) values ($1, $2) returning ${COLUMNS}`,
      [id, input.name],
    );
    return toBoardRow(single(rows));
  } catch (error) {
    if (sqlStateOf(error) === SqlState.UniqueViolation) {
      throw new BoardExistsError(id, { cause: error });
    }
    throw error;
  }
}

/** The board with this id, or `null`. */
export async function getBoard(db: Queryable, id: string): Promise<BoardRow | null> {
  const rows = await db.query<RawBoardRow>(`select ${COLUMNS} from boards where id = $1`, [id]);
  const row = rows[0];
  return row === undefined ? null : toBoardRow(row);
}

/** Every board, newest first (ties broken by id so the order is stable). */
export async function listBoards(db: Queryable): Promise<BoardRow[]> {
  const rows = await db.query<RawBoardRow>(`select ${COLUMNS} from boards order by created_at desc, id`);
  return rows.map(toBoardRow);
}

/**
 * Locks the board's row until the transaction ends and says whether the board exists. Run it
 * first in a `db.transaction` that reads and then changes a board's members (such as "is this
 * the last owner?"), so two such transactions take turns instead of both passing the check.
 */
export async function lockBoard(tx: Queryable, boardId: string): Promise<boolean> {
  const rows = await tx.query<{ id: unknown }>('select id from boards where id = $1 for update', [boardId]);
  return rows.length > 0;
}

/** Internal: a raw `boards` row as a `BoardRow`. */
export function toBoardRow(row: RawBoardRow): BoardRow {
  return {
    id: toText(row.id, 'boards.id'),
    name: toText(row.name, 'boards.name'),
    createdAt: toDate(row.created_at, 'boards.created_at'),
  };
}
