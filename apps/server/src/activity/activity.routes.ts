import { Router } from 'express';
import { z } from 'zod';
import { ErrorCode } from '@pairboard/board-schema';
import { listActivity, listMembers, type ActivityRow, type Database } from '@pairboard/db';
import { readBoard } from '@pairboard/sync-core';
import { AppError } from '../errors.ts';
import { boardIdParam, requireBoard } from '../http/board-guard.ts';
import { parseBody } from '../http/parse.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { ACTIVITY_LISTS } from './describe-changes.ts';

const ActivityQuery = z.object({
  person: z.string().min(1).max(200).optional(),
  pair: z.string().min(1).max(200).optional(),
  list: z.enum(ACTIVITY_LISTS, { message: `list must be one of ${ACTIVITY_LISTS.join(', ')}` }).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * `GET /activity`: the board's feed, newest first, for members. Door staff see only the guest
 * list's activity (what they work on); client links never reach this router.
 */
export function activityRouter(deps: { db: Database; rooms: RoomRegistry }): Router {
  const router = Router({ mergeParams: true });
  const { db, rooms } = deps;

  router.get('/activity', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req));
    const query = parseBody(ActivityQuery, req.query);
    if (access.role === 'door' && query.list !== undefined && query.list !== 'guests') {
      throw new AppError(ErrorCode.Forbidden, 403, 'door staff see the guest list activity only');
    }
    const lists = access.role === 'door' ? ['guests'] : query.list ? [query.list] : undefined;
    const actorIds = await actorFilter(rooms, access.boardId, query);
    const rows = await listActivity(db, access.boardId, {
      actorIds,
      lists,
      beforeId: query.before,
      limit: query.limit,
    });
    const names = await memberNames(db, access.boardId, rows);
    const last = rows.at(-1);
    res.json({
      entries: rows.map((row) => toEntry(row, names)),
      nextBefore: rows.length === query.limit && last ? String(last.id) : null,
    });
  });

  return router;
}

/** A person is one actor; a pair is its on-site and remote members (read from the board). */
async function actorFilter(
  rooms: RoomRegistry,
  boardId: string,
  query: { person?: string; pair?: string },
): Promise<string[] | undefined> {
  const actors = new Set<string>();
  if (query.person) actors.add(query.person);
  if (query.pair) {
    const pairId = query.pair;
    const pair = await rooms.withRoom(boardId, (room) =>
      Promise.resolve(readBoard(room.doc).pairs.find((p) => p.id === pairId) ?? null),
    );
    if (!pair) throw new AppError(ErrorCode.BadRequest, 400, `pair ${pairId} is not on this board`);
    if (query.person && query.person !== pair.onsiteId && query.person !== pair.remoteId) return [];
    if (!query.person) {
      actors.add(pair.onsiteId);
      actors.add(pair.remoteId);
    }
  }
  return actors.size > 0 ? [...actors] : undefined;
}

/** Rows written before the author was on the board's people list carry no name: use the account's. */
async function memberNames(db: Database, boardId: string, rows: ActivityRow[]): Promise<Map<string, string>> {
  if (rows.every((row) => row.actorName !== null || row.actorId === null)) return new Map();
  const members = await listMembers(db, boardId);
  return new Map(members.map((m) => [m.userId, m.name]));
}

function toEntry(row: ActivityRow, names: Map<string, string>) {
  const actor =
    row.actorId === null ? null : { id: row.actorId, name: row.actorName ?? names.get(row.actorId) ?? '' };
  return {
    id: String(row.id),
    seq: row.seq,
    at: row.at.toISOString(),
    actor,
    list: row.list,
    entityId: row.entityId,
    action: row.action,
    label: row.label,
    detail: row.detail,
  };
}
