import type { Queryable } from './database.ts';
import { toDate, toNullableString, toSafeInteger, toText } from './values.ts';

/**
 * One line of a board's activity feed: who changed what and when. Rows are derived by the
 * server from accepted document updates; the db only stores and filters them.
 */
export interface ActivityRow {
  /** Increasing per database: newest rows have the highest ids (the feed's cursor). */
  id: number;
  boardId: string;
  /** Sequence number of the update the row was derived from. */
  seq: number;
  actorId: string | null;
  actorName: string | null;
  at: Date;
  /** Which list changed: `checklists`, `items`, `guests`, `incidents`, `people`, … */
  list: string;
  entityId: string;
  /** What happened, a stable code (`item.done`, `guest.checked_in`, `incident.raised`, …). */
  action: string;
  /** The entity's title or name at the time, for display. */
  label: string;
  /** Extra words the action needs (an incident's level, an item's new status). */
  detail: string;
}

export type NewActivityRow = Omit<ActivityRow, 'id'>;

/** Filters of `listActivity`; `actorIds` keeps rows by any of those actors (a pair's two people). */
export interface ActivityQuery {
  actorIds?: readonly string[];
  lists?: readonly string[];
  /** Only rows older than this id (the next page). */
  beforeId?: number;
  limit?: number;
}

interface RawActivityRow {
  id: unknown;
  board_id: unknown;
  seq: unknown;
  actor_id: unknown;
  actor_name: unknown;
  at: unknown;
  list: unknown;
  entity_id: unknown;
  action: unknown;
  label: unknown;
  detail: unknown;
}

const COLUMNS = 'id, board_id, seq, actor_id, actor_name, at, list, entity_id, action, label, detail';
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

/** Stores rows in one statement; a board that no longer exists fails the whole insert. */
export async function appendActivity(q: Queryable, rows: readonly NewActivityRow[]): Promise<void> {
  if (rows.length === 0) return;
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const base = params.length;
    params.push(
      row.boardId,
      row.seq,
      row.actorId,
      row.actorName,
      row.at.toISOString(),
      row.list,
      row.entityId,
      row.action,
      row.label,
      row.detail,
    );
    const slots = Array.from({ length: 10 }, (_, i) => `$${base + i + 1}`);
    slots[4] = `${slots[4]}::timestamptz`;
    return `(${slots.join(', ')})`;
  });
  await q.query(
    `insert into board_activity (board_id, seq, actor_id, actor_name, at, list, entity_id, action, label, detail)
     values ${tuples.join(', ')}`,
    params,
  );
}

/** A board's activity, newest first, filtered by actors and lists; at most `limit` (≤ 500). */
export async function listActivity(
  q: Queryable,
  boardId: string,
  query: ActivityQuery = {},
): Promise<ActivityRow[]> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_LIMIT}, got ${limit}`);
  }
  const rows = await q.query<RawActivityRow>(
    `select ${COLUMNS} from board_activity
      where board_id = $1
        and ($2::text[] is null or actor_id = any($2::text[]))
        and ($3::text[] is null or list = any($3::text[]))
        and ($4::bigint is null or id < $4::bigint)
      order by id desc limit $5`,
    [boardId, query.actorIds ?? null, query.lists ?? null, query.beforeId ?? null, limit],
  );
  return rows.map(toActivityRow);
}

function toActivityRow(row: RawActivityRow): ActivityRow {
  return {
    id: toSafeInteger(row.id, 'board_activity.id'),
    boardId: toText(row.board_id, 'board_activity.board_id'),
    seq: toSafeInteger(row.seq, 'board_activity.seq'),
    actorId: toNullableString(row.actor_id, 'board_activity.actor_id'),
    actorName: toNullableString(row.actor_name, 'board_activity.actor_name'),
    at: toDate(row.at, 'board_activity.at'),
    list: toText(row.list, 'board_activity.list'),
    entityId: toText(row.entity_id, 'board_activity.entity_id'),
    action: toText(row.action, 'board_activity.action'),
    label: toText(row.label, 'board_activity.label'),
    detail: toText(row.detail, 'board_activity.detail'),
  };
}
