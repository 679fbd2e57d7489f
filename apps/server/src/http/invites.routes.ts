import { Router } from 'express';
import { z } from 'zod';
import { ErrorCode } from '@pairboard/board-schema';
import { generateSecret, hashToken, isExpired } from '@pairboard/auth';
import {
  addMember,
  createInvite,
  getBoard,
  getInviteByTokenHash,
  getMember,
  listInvites,
  revokeInvite,
  type Database,
} from '@pairboard/db';
import { INVITABLE_ROLES } from '../access/roles.ts';
import type { BoardPeople } from '../boards/board-people.ts';
import { AppError } from '../errors.ts';
import { audit, boardIdParam, requireBoard } from './board-guard.ts';
import { parseBody } from './parse.ts';
import { requireUser } from './session-middleware.ts';

const CreateInvite = z.object({
  role: z.enum(INVITABLE_ROLES, { message: 'role must be editor, door or observer' }),
  position: z
    .enum(['onsite', 'remote'], { message: 'position must be onsite or remote' })
    .nullable()
    .default(null),
  expiresInHours: z.number().int().min(1).max(720, 'an invite lasts at most 720 hours (30 days)').default(72),
});

const HOUR_MS = 60 * 60 * 1000;

/** Owners invite staff with expiring links: `/api/boards/:id/invites`. */
export function boardInvitesRouter(deps: { db: Database; now: () => Date }): Router {
  const router = Router({ mergeParams: true });
  const { db } = deps;

  router.post('/', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req), { manage: true });
    const body = parseBody(CreateInvite, req.body);
    const token = generateSecret('pbi_');
    const expiresAt = new Date(deps.now().getTime() + body.expiresInHours * HOUR_MS);
    const invite = await createInvite(db, {
      boardId: access.boardId,
      tokenHash: hashToken(token),
      role: body.role,
      position: body.position,
      expiresAt,
      createdBy: access.actorId,
    });
    await audit(db, access, 'invite.created', invite.id, {
      role: body.role,
      position: body.position,
      expiresAt,
    });
    res.status(201).json({
      invite: {
        id: invite.id,
        role: invite.role,
        position: invite.position,
        expiresAt: expiresAt.toISOString(),
        url: `/invite/${token}`,
        token,
      },
    });
  });

  router.get('/', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req), { manage: true });
    const invites = await listInvites(db, access.boardId);
    res.json({
      invites: invites.map((i) => ({
        id: i.id,
        role: i.role,
        position: i.position,
        expiresAt: i.expiresAt.toISOString(),
        createdAt: i.createdAt.toISOString(),
        revokedAt: i.revokedAt?.toISOString() ?? null,
      })),
    });
  });

  router.delete('/:inviteId', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req), { manage: true });
    const revoked = await revokeInvite(db, access.boardId, String(req.params.inviteId));
    if (!revoked) throw new AppError(ErrorCode.NotFound, 404, 'no such invite on this board');
    await audit(db, access, 'invite.revoked', String(req.params.inviteId));
    res.status(204).end();
  });

  return router;
}

/** Anyone with an invite link may see what it is for; a signed-in user accepts it. `/api/invites/:token`. */
export function invitesRouter(deps: { db: Database; people: BoardPeople; now: () => Date }): Router {
  const router = Router();
  const { db } = deps;

  const findValid = async (token: string) => {
    const invite = await getInviteByTokenHash(db, hashToken(token));
    if (!invite || invite.revokedAt || isExpired(invite.expiresAt, deps.now())) {
      throw new AppError(
        ErrorCode.NotFound,
        404,
        'this invite link is unknown, expired or revoked; ask the organizer for a new one',
      );
    }
    return invite;
  };

  router.get('/:token', async (req, res) => {
    const invite = await findValid(String(req.params.token));
    const board = await getBoard(db, invite.boardId);
    res.json({
      invite: {
        boardName: board?.name ?? '',
        role: invite.role,
        position: invite.position,
        expiresAt: invite.expiresAt.toISOString(),
      },
    });
  });

  router.post('/:token/accept', async (req, res) => {
    const user = requireUser(res);
    const invite = await findValid(String(req.params.token));
    const board = await getBoard(db, invite.boardId);
    const existing = await getMember(db, invite.boardId, user.userId);
    // Accepting never lowers a role: an owner who opens an editor invite stays owner.
    if (!existing) {
      await addMember(db, {
        boardId: invite.boardId,
        userId: user.userId,
        role: invite.role,
        position: invite.position,
      });
      const access = {
        boardId: invite.boardId,
        actorId: user.userId,
        actorName: user.name,
        role: invite.role,
        position: invite.position,
        tags: [],
        expiresAt: null,
      };
      await audit(db, access, 'invite.accepted', invite.id, { role: invite.role });
      await audit(db, access, 'member.added', user.userId, { role: invite.role, via: 'invite' });
      if (invite.position)
        await deps.people.upsert(invite.boardId, {
          id: user.userId,
          name: user.name,
          position: invite.position,
        });
    }
    const member = existing ?? { role: invite.role, position: invite.position };
    res.json({
      board: { id: invite.boardId, name: board?.name ?? '', role: member.role, position: member.position },
    });
  });

  return router;
}
