import type { Queryable } from './database.ts';

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
