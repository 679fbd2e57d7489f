import { Router } from 'express';
import { z } from 'zod';
import { CLOSE_FORBIDDEN, ErrorCode } from '@pairboard/board-schema';
import {
  countOwners,
  getMember,
  getUserById,
  listMembers,
  lockBoard,
  removeMember,
  updateMember,
  type Database,
  type Queryable,
} from '@pairboard/db';
import type { LiveConnections } from '../access/live-connections.ts';
import { ALL_ROLES } from '../access/roles.ts';
import type { BoardPeople } from '../boards/board-people.ts';
import { AppError } from '../errors.ts';
import { audit, boardIdParam, requireBoard } from './board-guard.ts';
import { parseBody } from './parse.ts';

const MemberChange = z.object({
  role: z.enum(ALL_ROLES, { message: 'role must be owner, editor, door or observer' }),
  position: z
    .enum(['onsite', 'remote'], { message: 'position must be onsite or remote' })
    .nullable()
    .default(null),
});

export interface MembersRoutesDeps {
  db: Database;
  live: LiveConnections;
  people: BoardPeople;
}

/** `/api/boards/:id/members`: everyone may list; owners change roles and remove members. */
export function membersRouter(deps: MembersRoutesDeps): Router {
  const router = Router({ mergeParams: true });
  const { db } = deps;

  router.get('/', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req));
    const showEmail = access.role === 'owner';
    const members = await listMembers(db, access.boardId);
    res.json({
      members: members.map((m) => ({
        userId: m.userId,
        name: m.name,
        ...(showEmail ? { email: m.email } : {}),
        role: m.role,
        position: m.position,
        addedAt: m.addedAt.toISOString(),
      })),
    });
  });

  router.patch('/:userId', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req), { manage: true });
    const change = parseBody(MemberChange, req.body);
    const userId = String(req.params.userId);
    const member = await db.transaction(async (tx) => {
      // The board lock orders this against another owner demoting themselves at the same moment.
      await lockBoard(tx, access.boardId);
      const current = await getMember(tx, access.boardId, userId);
      if (!current) throw new AppError(ErrorCode.NotFound, 404, 'no such member on this board');
      if (current.role === 'owner' && change.role !== 'owner') await requireAnotherOwner(tx, access.boardId);
      await updateMember(tx, access.boardId, userId, change);
      return current;
    });
    await audit(db, access, 'member.role_changed', userId, {
      from: member.role,
      to: change.role,
      position: change.position,
    });
    // Live sockets were opened with the old role: close them so they reconnect with the new one.
    deps.live.closeTagged(
      `member:${access.boardId}:${userId}`,
      CLOSE_FORBIDDEN,
      'your role on this board changed',
    );
    const user = await getUserById(db, userId);
    if (change.position && user)
      await deps.people.upsert(access.boardId, { id: userId, name: user.name, position: change.position });
    res.json({ member: { userId, role: change.role, position: change.position } });
  });

  router.delete('/:userId', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req), { manage: true });
    const userId = String(req.params.userId);
    const member = await db.transaction(async (tx) => {
      await lockBoard(tx, access.boardId);
      const current = await getMember(tx, access.boardId, userId);
      if (!current) throw new AppError(ErrorCode.NotFound, 404, 'no such member on this board');
      if (current.role === 'owner') await requireAnotherOwner(tx, access.boardId);
      await removeMember(tx, access.boardId, userId);
      return current;
    });
    await audit(db, access, 'member.removed', userId, { role: member.role });
    deps.live.closeTagged(
      `member:${access.boardId}:${userId}`,
      CLOSE_FORBIDDEN,
      'you were removed from this board',
    );
    res.status(204).end();
  });

  return router;
}

async function requireAnotherOwner(tx: Queryable, boardId: string): Promise<void> {
  if ((await countOwners(tx, boardId)) <= 1) {
    throw new AppError(ErrorCode.LastOwner, 409, 'a board needs an owner: make someone else owner first');
  }
}
