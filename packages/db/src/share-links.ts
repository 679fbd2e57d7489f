import type { Queryable } from './database.ts';
import { findByTokenHash, insertBoardRow, listBoardRows, revokeRow } from './rows.ts';
import { toDate, toNullableDate, toNullableString, toText, toTimestampParam } from './values.ts';

/**
 * Client share links: read-only access to a board's redacted client view, optionally behind a
 * PIN. Only the hash of the link's secret and of the PIN are stored. A listed link says
 * whether it has a PIN; only the lookup by token hash returns the PIN's hash, to verify it.
 */
export interface ShareLinkRow {
  id: string;
  boardId: string;
  name: string;
  hasPin: boolean;
  /** null: never expires. */
  expiresAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

interface RawShareLinkRow {
  id: unknown;
  board_id: unknown;
  name: unknown;
  pin_hash: unknown;
  expires_at: unknown;
  created_by: unknown;
  created_at: unknown;
  revoked_at: unknown;
}

const COLUMNS = 'id, board_id, name, pin_hash, expires_at, created_by, created_at, revoked_at';

/** Stores a share link; `id` defaults to a random UUID. Throws `BoardNotFoundError` for an unknown board. */
export async function createShareLink(
  q: Queryable,
  input: {
    id?: string;
    boardId: string;
    tokenHash: string;
    name: string;
    pinHash: string | null;
    expiresAt: Date | null;
    createdBy: string | null;
  },
): Promise<ShareLinkRow> {
  const row = await insertBoardRow<RawShareLinkRow>(
    q,
    input.boardId,
    `insert into share_links (id, board_id, token_hash, name, pin_hash, expires_at, created_by)
   values ($1, $2, $3, $4, $5, $6::timestamptz, $7) returning ${COLUMNS}`,
    [
      input.id ?? crypto.randomUUID(),
      input.boardId,
      input.tokenHash,
      input.name,
      input.pinHash,
      toTimestampParam(input.expiresAt),
      input.createdBy,
    ],
  );
  return toShareLinkRow(row);
}

/**
 * The link whose secret hashes to `tokenHash`, with its PIN hash (null without a PIN), or null.
 * Expired and revoked links are returned too: check `expiresAt` and `revokedAt`.
 */
export async function getShareLinkByTokenHash(
  q: Queryable,
  tokenHash: string,
): Promise<(ShareLinkRow & { pinHash: string | null }) | null> {
  const row = await findByTokenHash<RawShareLinkRow>(q, 'share_links', COLUMNS, tokenHash);
  if (row === null) return null;
  return { ...toShareLinkRow(row), pinHash: toNullableString(row.pin_hash, 'share_links.pin_hash') };
}

/** Every share link of a board, revoked and expired ones included, newest first. */
export async function listShareLinks(q: Queryable, boardId: string): Promise<ShareLinkRow[]> {
  const rows = await listBoardRows<RawShareLinkRow>(q, 'share_links', COLUMNS, boardId);
  return rows.map(toShareLinkRow);
}

/** Revokes a share link of this board; true only if this call revoked it (see `revokeRow`). */
export async function revokeShareLink(q: Queryable, boardId: string, id: string): Promise<boolean> {
  return revokeRow(q, 'share_links', boardId, id);
}

function toShareLinkRow(row: RawShareLinkRow): ShareLinkRow {
  return {
    id: toText(row.id, 'share_links.id'),
    boardId: toText(row.board_id, 'share_links.board_id'),
    name: toText(row.name, 'share_links.name'),
    hasPin: toNullableString(row.pin_hash, 'share_links.pin_hash') !== null,
    expiresAt: toNullableDate(row.expires_at, 'share_links.expires_at'),
    createdBy: toNullableString(row.created_by, 'share_links.created_by'),
    createdAt: toDate(row.created_at, 'share_links.created_at'),
    revokedAt: toNullableDate(row.revoked_at, 'share_links.revoked_at'),
  };
}
