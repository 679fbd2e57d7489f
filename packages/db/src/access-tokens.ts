import type { Queryable } from './database.ts';
import type { AccessTokenRole, MemberPosition } from './roles.ts';
import { ACCESS_TOKEN_ROLES, MEMBER_POSITIONS } from './roles.ts';
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
 * Board access tokens for integrations: act as an editor or observer of one board. The secret
 * (`pbt_…`) is shown once; the table holds its hash.
 */
export interface AccessTokenRow {
  id: string;
  boardId: string;
  name: string;
  role: AccessTokenRole;
  position: MemberPosition | null;
  /** null: never expires. */
  expiresAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

interface RawAccessTokenRow {
  id: unknown;
  board_id: unknown;
  name: unknown;
  role: unknown;
  position: unknown;
  expires_at: unknown;
  created_by: unknown;
  created_at: unknown;
  revoked_at: unknown;
}

const COLUMNS = 'id, board_id, name, role, position, expires_at, created_by, created_at, revoked_at';

/** Stores an access token; `id` defaults to a random UUID. Throws `BoardNotFoundError` for an unknown board. */
export async function createAccessToken(
  q: Queryable,
  input: {
    id?: string;
    boardId: string;
    tokenHash: string;
    name: string;
    role: AccessTokenRole;
    position: MemberPosition | null;
    expiresAt: Date | null;
    createdBy: string | null;
  },
): Promise<AccessTokenRow> {
  const row = await insertBoardRow<RawAccessTokenRow>(
    q,
    input.boardId,
    `insert into access_tokens (id, board_id, token_hash, name, role, position, expires_at, created_by)
   values ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8) returning ${COLUMNS}`,
    [
      input.id ?? crypto.randomUUID(),
      input.boardId,
      input.tokenHash,
      input.name,
      input.role,
      input.position,
      toTimestampParam(input.expiresAt),
      input.createdBy,
    ],
  );
  return toAccessTokenRow(row);
}

/**
 * The token whose secret hashes to `tokenHash`, or null. Expired and revoked tokens are
 * returned too: check `expiresAt` and `revokedAt`.
 */
export async function getAccessTokenByTokenHash(
  q: Queryable,
  tokenHash: string,
): Promise<AccessTokenRow | null> {
  const row = await findByTokenHash<RawAccessTokenRow>(q, 'access_tokens', COLUMNS, tokenHash);
  return row === null ? null : toAccessTokenRow(row);
}

/** Every access token of a board, revoked and expired ones included, newest first. */
export async function listAccessTokens(q: Queryable, boardId: string): Promise<AccessTokenRow[]> {
  const rows = await listBoardRows<RawAccessTokenRow>(q, 'access_tokens', COLUMNS, boardId);
  return rows.map(toAccessTokenRow);
}

/** Revokes an access token of this board; true only if this call revoked it (see `revokeRow`). */
export async function revokeAccessToken(q: Queryable, boardId: string, id: string): Promise<boolean> {
  return revokeRow(q, 'access_tokens', boardId, id);
}

function toAccessTokenRow(row: RawAccessTokenRow): AccessTokenRow {
  return {
    id: toText(row.id, 'access_tokens.id'),
    boardId: toText(row.board_id, 'access_tokens.board_id'),
    name: toText(row.name, 'access_tokens.name'),
    role: toOneOf(row.role, ACCESS_TOKEN_ROLES, 'access_tokens.role'),
    position: toNullableOneOf(row.position, MEMBER_POSITIONS, 'access_tokens.position'),
    expiresAt: toNullableDate(row.expires_at, 'access_tokens.expires_at'),
    createdBy: toNullableString(row.created_by, 'access_tokens.created_by'),
    createdAt: toDate(row.created_at, 'access_tokens.created_at'),
    revokedAt: toNullableDate(row.revoked_at, 'access_tokens.revoked_at'),
  };
}
