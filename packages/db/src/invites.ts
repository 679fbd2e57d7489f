import type { Queryable } from './database.ts';
import type { InviteRole, MemberPosition } from './roles.ts';
import { INVITE_ROLES, MEMBER_POSITIONS } from './roles.ts';
import { findByTokenHash, insertBoardRow, listBoardRows, revokeRow } from './rows.ts';
import {
  toDate,
  toNullableDate,
  toNullableOneOf,
  toNullableString,
  toOneOf,
  toText,
  toTimestampParam,
} from './values.ts';

/**
 * Expiring invites that make staff members of a board. The invite's secret is shown once; the
 * table holds its hash (`hashToken` from `@pairboard/auth`), which is how it is found again.
 */
export interface InviteRow {
  id: string;
  boardId: string;
  role: InviteRole;
  position: MemberPosition | null;
  expiresAt: Date;
  createdBy: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

interface RawInviteRow {
  id: unknown;
  board_id: unknown;
  role: unknown;
  position: unknown;
  expires_at: unknown;
  created_by: unknown;
  created_at: unknown;
  revoked_at: unknown;
}

const COLUMNS = 'id, board_id, role, position, expires_at, created_by, created_at, revoked_at';

/** Stores an invite; `id` defaults to a random UUID. Throws `BoardNotFoundError` for an unknown board. */
export async function createInvite(
  q: Queryable,
  input: {
    id?: string;
    boardId: string;
    tokenHash: string;
    role: InviteRole;
    position: MemberPosition | null;
    expiresAt: Date;
    createdBy: string | null;
  },
): Promise<InviteRow> {
  const row = await insertBoardRow<RawInviteRow>(
    q,
    input.boardId,
    `insert into board_invites (id, board_id, token_hash, role, position, expires_at, created_by)
   values ($1, $2, $3, $4, $5, $6::timestamptz, $7) returning ${COLUMNS}`,
    [
      input.id ?? crypto.randomUUID(),
      input.boardId,
      input.tokenHash,
      input.role,
      input.position,
      toTimestampParam(input.expiresAt),
      input.createdBy,
    ],
  );
  return toInviteRow(row);
}

/**
 * The invite whose secret hashes to `tokenHash`, or null. Expired and revoked invites are
 * returned too: check `expiresAt` (`isExpired`) and `revokedAt` before honouring one.
 */
export async function getInviteByTokenHash(q: Queryable, tokenHash: string): Promise<InviteRow | null> {
  const row = await findByTokenHash<RawInviteRow>(q, 'board_invites', COLUMNS, tokenHash);
  return row === null ? null : toInviteRow(row);
}

/** Every invite of a board, revoked and expired ones included, newest first. */
export async function listInvites(q: Queryable, boardId: string): Promise<InviteRow[]> {
  const rows = await listBoardRows<RawInviteRow>(q, 'board_invites', COLUMNS, boardId);
  return rows.map(toInviteRow);
}

/** Revokes an invite of this board; true only if this call revoked it (see `revokeRow`). */
export async function revokeInvite(q: Queryable, boardId: string, id: string): Promise<boolean> {
  return revokeRow(q, 'board_invites', boardId, id);
}

function toInviteRow(row: RawInviteRow): InviteRow {
  return {
    id: toText(row.id, 'board_invites.id'),
    boardId: toText(row.board_id, 'board_invites.board_id'),
    role: toOneOf(row.role, INVITE_ROLES, 'board_invites.role'),
    position: toNullableOneOf(row.position, MEMBER_POSITIONS, 'board_invites.position'),
    expiresAt: toDate(row.expires_at, 'board_invites.expires_at'),
    createdBy: toNullableString(row.created_by, 'board_invites.created_by'),
    createdAt: toDate(row.created_at, 'board_invites.created_at'),
    revokedAt: toNullableDate(row.revoked_at, 'board_invites.revoked_at'),
  };
}
