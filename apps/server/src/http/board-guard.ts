import type { Request, Response } from 'express';
import { z } from 'zod';
import { ErrorCode } from '@pairboard/board-schema';
import { appendAudit, type Queryable } from '@pairboard/db';
import { resolveBoardAccess, type BoardAccess } from '../access/caller.ts';
import { ROLE_CAPABILITIES } from '../access/roles.ts';
import { AppError, BoardNotFoundError } from '../errors.ts';
import { callerOf } from './session-middleware.ts';

const BoardId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The `:id` of the board routers mounted at `/api/boards/:id/...` (merged params are untyped). */
export function boardIdParam(req: Request): unknown {
  return (req.params as { id?: unknown }).id;
}

/**
 * The caller's access to a board, or an error: 401 without credentials, 404 when the caller has
 * no role on it (whether or not it exists: ids are not to be probed), 403 when `manage` is asked
 * and the role may not manage the board.
 */
export async function requireBoard(
  q: Queryable,
  res: Response,
  rawBoardId: unknown,
  options: { manage?: boolean } = {},
): Promise<BoardAccess> {
  const caller = callerOf(res);
  if (!caller) throw new AppError(ErrorCode.Unauthorized, 401, 'sign in first');
  const boardId = BoardId.safeParse(rawBoardId);
  if (!boardId.success) throw new BoardNotFoundError(String(rawBoardId).slice(0, 64));
  const access = await resolveBoardAccess(q, caller, boardId.data);
  if (!access) throw new BoardNotFoundError(boardId.data);
  if (options.manage && !ROLE_CAPABILITIES[access.role].manageBoard) {
    throw new AppError(
      ErrorCode.Forbidden,
      403,
      `only owners may do this; your role on this board is ${access.role}`,
    );
  }
  return access;
}

/** Records who changed membership, links or tokens, and when (owners read it at /audit). */
export async function audit(
  q: Queryable,
  access: BoardAccess,
  action: string,
  target: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await appendAudit(q, {
    boardId: access.boardId,
    actorId: access.actorId,
    actorName: access.actorName,
    action,
    target,
    details,
  });
}
