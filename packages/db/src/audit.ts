import type { Queryable } from './database.ts';
import { BoardNotFoundError } from './errors.ts';
import { SqlState, sqlStateOf } from './pg-error.ts';
import { single } from './rows.ts';
import { toDate, toJson, toNullableString, toSafeInteger, toText } from './values.ts';

/**
 * The board's audit log: who changed membership, invites, links, tokens and the client view,
 * and when. Append-only. The actor's name is copied in so an entry stays readable after the
 * account (or token) is gone; `actorId` may name a user or an access token.
 */
export interface AuditEntry {
  /** Increasing per database: the order entries were written in. */
  id: number;
  boardId: string;
  actorId: string | null;
  actorName: string | null;
  /** e.g. `member.added`, `share_link.revoked` (the contract lists them). */
  action: string;
  /** What was acted on: a user, invite, link or token id. */
  target: string | null;
  details: Record<string, unknown>;
  at: Date;
}

/** What `appendAudit` takes; `details` must be JSON-serialisable. */
export interface NewAuditEntry {
  boardId: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  details?: Record<string, unknown>;
}

interface RawAuditRow {
  id: unknown;
  board_id: unknown;
  actor_id: unknown;
  actor_name: unknown;
  action: unknown;
  target: unknown;
  details: unknown;
  at: unknown;
}

const COLUMNS = 'id, board_id, actor_id, actor_name, action, target, details::text as details, at';
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/**
 * Records one entry. Call it in the same `db.transaction` as the change it records, so the
 * log never claims a change that rolled back. Throws `BoardNotFoundError` for an unknown board.
 */
export async function appendAudit(q: Queryable, entry: NewAuditEntry): Promise<AuditEntry> {
  try {
    const rows = await q.query<RawAuditRow>(
      `insert into audit_log (board_id, actor_id, actor_name, action, target, details)
       values ($1, $2, $3, $4, $5, $6::text::jsonb) returning ${COLUMNS}`,
      [
        entry.boardId,
        entry.actorId,
        entry.actorName,
        entry.action,
        entry.target,
        JSON.stringify(entry.details ?? {}),
      ],
    );
    return toAuditEntry(single(rows));
  } catch (error) {
    if (sqlStateOf(error) === SqlState.ForeignKeyViolation) {
      throw new BoardNotFoundError(entry.boardId, { cause: error });
    }
    throw error;
  }
}

/**
 * A board's entries, newest first: at most `limit` (default 100, at most 1000), and only
 * those older than entry `beforeId` when given (the next page).
 */
export async function listAudit(
  q: Queryable,
  boardId: string,
  options: { limit?: number; beforeId?: number } = {},
): Promise<AuditEntry[]> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_LIMIT}, got ${limit}`);
  }
  const rows = await q.query<RawAuditRow>(
    `select ${COLUMNS} from audit_log
      where board_id = $1 and ($2::bigint is null or id < $2::bigint)
      order by id desc limit $3`,
    [boardId, options.beforeId ?? null, limit],
  );
  return rows.map(toAuditEntry);
}

function toAuditEntry(row: RawAuditRow): AuditEntry {
  const details = toJson(row.details, 'audit_log.details');
  return {
    id: toSafeInteger(row.id, 'audit_log.id'),
    boardId: toText(row.board_id, 'audit_log.board_id'),
    actorId: toNullableString(row.actor_id, 'audit_log.actor_id'),
    actorName: toNullableString(row.actor_name, 'audit_log.actor_name'),
    action: toText(row.action, 'audit_log.action'),
    target: toNullableString(row.target, 'audit_log.target'),
    details: isRecord(details) ? details : { value: details },
    at: toDate(row.at, 'audit_log.at'),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
