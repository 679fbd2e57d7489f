import type { Queryable } from './database.ts';
import { BoardNotFoundError } from './errors.ts';
import { SqlState, sqlStateOf } from './pg-error.ts';

/** The one row an `insert … returning` or `update … returning` of a single row gives back. */
export function single<Row>(rows: Row[]): Row {
  const row = rows[0];
  if (row === undefined) throw new Error('statement … returning gave no row');
  return row;
}

/** The tables whose rows are revoked (never deleted), so their history stays visible. */
export type RevocableTable = 'board_invites' | 'share_links' | 'access_tokens';

/**
 * Stamps `revoked_at` on the row with this id on this board. True only when this call revoked
 * it: false for an unknown id, another board's row, or one already revoked (the first
 * revocation time is kept).
 */
export async function revokeRow(
  q: Queryable,
  table: RevocableTable,
  boardId: string,
  id: string,
): Promise<boolean> {
  const rows = await q.query<{ id: unknown }>(
    `update ${table} set revoked_at = now()
      where board_id = $1 and id = $2 and revoked_at is null returning id`,
    [boardId, id],
  );
  return rows.length > 0;
}

/**
 * Runs an `insert … returning` of one row belonging to a board and returns that row; a board
 * that does not exist (foreign key) is a `BoardNotFoundError`.
 */
export async function insertBoardRow<Raw>(
  q: Queryable,
  boardId: string,
  sql: string,
  params: readonly unknown[],
): Promise<Raw> {
  try {
    return single(await q.query<Raw>(sql, params));
  } catch (error) {
    if (sqlStateOf(error) === SqlState.ForeignKeyViolation)
      throw new BoardNotFoundError(boardId, { cause: error });
    throw error;
  }
}

/** The row of a revocable table whose secret hashes to `tokenHash`, or null (revoked ones too). */
export async function findByTokenHash<Raw>(
  q: Queryable,
  table: RevocableTable,
  columns: string,
  tokenHash: string,
): Promise<Raw | null> {
  const rows = await q.query<Raw>(`select ${columns} from ${table} where token_hash = $1`, [tokenHash]);
  return rows[0] ?? null;
}

/** Every row of a revocable table for a board, revoked and expired ones included, newest first. */
export async function listBoardRows<Raw>(
  q: Queryable,
  table: RevocableTable,
  columns: string,
  boardId: string,
): Promise<Raw[]> {
  return q.query<Raw>(`select ${columns} from ${table} where board_id = $1 order by created_at desc, id`, [
    boardId,
  ]);
}
