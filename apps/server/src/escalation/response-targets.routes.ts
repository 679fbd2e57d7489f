import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '@pairboard/db';
import { MAX_RESPONSE_TARGET_MINUTES, readResponseTargets, setResponseTargets } from '@pairboard/sync-core';
import { ErrorCode } from '@pairboard/board-schema';
import { AppError, BoardNotFoundError } from '../errors.ts';
import { audit, boardIdParam, requireBoard } from '../http/board-guard.ts';
import { parseBody } from '../http/parse.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';

const Minutes = z
  .number()
  .int('a target is whole minutes')
  .min(1, 'a target is at least 1 minute')
  .max(MAX_RESPONSE_TARGET_MINUTES, `a target is at most ${MAX_RESPONSE_TARGET_MINUTES} minutes`);

const TargetsInput = z
  .object({ blue: Minutes, yellow: Minutes, red: Minutes })
  .partial()
  .strict()
  .refine((targets) => Object.keys(targets).length > 0, 'give at least one of blue, yellow, red');

/**
 * The board's response targets (minutes to acknowledge, per level): `GET` for every member,
 * `PUT` for owners. They live in the board document's meta; the change goes through the room
 * pipeline, so open boards see it at once and the escalation watcher re-arms its timers.
 */
export function responseTargetsRouter(deps: { db: Database; rooms: RoomRegistry }): Router {
  const router = Router({ mergeParams: true });
  const { db, rooms } = deps;

  router.get('/response-targets', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req));
    const targets = await rooms.withRoom(access.boardId, (room) =>
      Promise.resolve(readResponseTargets(room.doc)),
    );
    if (!targets) throw new BoardNotFoundError(access.boardId);
    res.json({ targets });
  });

  router.put('/response-targets', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req), { manage: true });
    const input = parseBody(TargetsInput, req.body);
    const targets = await rooms.withRoom(access.boardId, async (room) => {
      // Never throw inside a server change: it runs in the room's pipeline.
      let refusal: string | null = null;
      await room.applyServerChange((doc) => {
        const result = setResponseTargets(doc, input);
        if (!result.ok) refusal = result.error.message;
      });
      if (refusal !== null) throw new AppError(ErrorCode.BadRequest, 400, refusal);
      return readResponseTargets(room.doc);
    });
    if (!targets) throw new BoardNotFoundError(access.boardId);
    await audit(db, access, 'response_targets.changed', access.boardId, input);
    res.json({ targets });
  });

  return router;
}
