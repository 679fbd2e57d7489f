import type { IncomingMessage } from 'node:http';
import {
  CLOSE_BOARD_NOT_FOUND,
  CLOSE_FORBIDDEN,
  CLOSE_UNAUTHORIZED,
  SYNC_PATH_PREFIX,
} from '@pairboard/board-schema';
import { SESSION_COOKIE, hashToken, readCookie } from '@pairboard/auth';
import { getBoard, getShareLinkByTokenHash, type Database } from '@pairboard/db';
import type { WritePolicy } from '@pairboard/sync-core/server';
import {
  callerFromAccessToken,
  callerFromSession,
  resolveBoardAccess,
  type BoardAccess,
  type Caller,
} from '../access/caller.ts';
import { canRead, writePolicyFor, type BoardDocKind } from '../access/roles.ts';
import { isSameOrigin } from '../http/session-middleware.ts';

const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const CONTACTS_SUFFIX = '~contacts';

/** A sync connection that may open: which doc, as whom, allowed to write what. */
export interface SyncGrant {
  ok: true;
  /** The room name: `<boardId>` or `<boardId>~contacts` (also the DocStore key). */
  docName: string;
  boardId: string;
  doc: BoardDocKind;
  access: BoardAccess;
  writePolicy: WritePolicy;
  /** Re-checks the credential for the live-connection sweep. */
  revalidate: () => Promise<{ expiresAt: Date | null } | null>;
}

export type SyncDecision = SyncGrant | { ok: false; code: number; reason: string };

/**
 * Decides, on the HTTP upgrade and before any document byte, whether a sync connection may open
 * (SY11): session cookie from this origin, or `?token=` access token; 4401 without valid
 * credentials, 4403 without access to that document, 4404 for an unknown board.
 */
export async function authorizeSync(
  db: Database,
  req: IncomingMessage,
  options: { publicOrigin: string | undefined; now: () => Date },
): Promise<SyncDecision> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const docName = safeDecode(url.pathname.slice(SYNC_PATH_PREFIX.length));
  const doc: BoardDocKind = docName.endsWith(CONTACTS_SUFFIX) ? 'contacts' : 'main';
  const boardId = doc === 'contacts' ? docName.slice(0, -CONTACTS_SUFFIX.length) : docName;
  if (!BOARD_ID_PATTERN.test(boardId)) {
    return {
      ok: false,
      code: CLOSE_BOARD_NOT_FOUND,
      reason: 'board ids are 1 to 64 letters, digits, - or _',
    };
  }
  const identified = await identify(db, req, url.searchParams.get('token'), options);
  if (!identified.ok) return identified;
  const { caller, revalidate } = identified;
  const access = await resolveBoardAccess(db, caller, boardId);
  if (!access) {
    if (!(await getBoard(db, boardId)))
      return { ok: false, code: CLOSE_BOARD_NOT_FOUND, reason: `board '${boardId}' does not exist` };
    return { ok: false, code: CLOSE_FORBIDDEN, reason: 'you have no access to this board' };
  }
  if (!canRead(access.role, doc)) {
    return {
      ok: false,
      code: CLOSE_FORBIDDEN,
      reason: `the ${access.role} role may not open the ${doc} document`,
    };
  }
  return {
    ok: true,
    docName,
    boardId,
    doc,
    access,
    writePolicy: writePolicyFor(access.role, doc),
    revalidate,
  };
}

type Identified =
  | { ok: true; caller: Caller; revalidate: () => Promise<{ expiresAt: Date | null } | null> }
  | { ok: false; code: number; reason: string };

async function identify(
  db: Database,
  req: IncomingMessage,
  token: string | null,
  options: { publicOrigin: string | undefined; now: () => Date },
): Promise<Identified> {
  if (token) {
    const caller = await callerFromAccessToken(db, token, options.now());
    if (caller) {
      const revalidate = async () => {
        const again = await callerFromAccessToken(db, token, options.now());
        return again ? { expiresAt: again.kind === 'token' ? again.expiresAt : null } : null;
      };
      return { ok: true, caller, revalidate };
    }
    // A client link is a credential too, but one that never opens a document.
    if (await getShareLinkByTokenHash(db, hashToken(token))) {
      return {
        ok: false,
        code: CLOSE_FORBIDDEN,
        reason: 'client links show the client view only; they cannot open the board',
      };
    }
    return { ok: false, code: CLOSE_UNAUTHORIZED, reason: 'the access token is unknown, expired or revoked' };
  }
  const sessionToken = readCookie(req.headers.cookie, SESSION_COOKIE);
  if (!sessionToken)
    return { ok: false, code: CLOSE_UNAUTHORIZED, reason: 'sign in, or pass ?token=<access token>' };
  // A cookie rides along on any cross-site WebSocket: only our own pages may use it.
  if (!isSameOrigin(req.headers, options.publicOrigin)) {
    return {
      ok: false,
      code: CLOSE_FORBIDDEN,
      reason: 'cross-origin sync connections must use an access token',
    };
  }
  const resolved = await callerFromSession(db, sessionToken, options.now());
  if (!resolved)
    return { ok: false, code: CLOSE_UNAUTHORIZED, reason: 'your session has expired; sign in again' };
  const revalidate = async () => {
    const again = await callerFromSession(db, sessionToken, options.now());
    return again ? { expiresAt: again.caller.expiresAt } : null;
  };
  return { ok: true, caller: resolved.caller, revalidate };
}

/** A malformed %-escape must not throw inside the upgrade listener; it just fails the id check. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
