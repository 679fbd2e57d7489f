import { Router } from 'express';
import { z } from 'zod';
import { CLOSE_UNAUTHORIZED, ErrorCode } from '@pairboard/board-schema';
import { generateSecret, hashToken } from '@pairboard/auth';
import {
  createAccessToken,
  listAccessTokens,
  listAudit,
  revokeAccessToken,
  type Database,
} from '@pairboard/db';
import type { LiveConnections } from '../access/live-connections.ts';
import { AppError } from '../errors.ts';
import { audit, boardIdParam, requireBoard } from './board-guard.ts';
import { parseBody } from './parse.ts';

const CreateToken = z.object({
  name: z.string().trim().min(1, 'name the token after the integration that uses it').max(100),
  role: z.enum(['editor', 'observer'], { message: 'role must be editor or observer' }),
  position: z.enum(['onsite', 'remote']).nullable().default(null),
  expiresInDays: z.number().int().min(1).max(365).nullable().default(null),
});

/** Board access tokens for integrations (`/tokens`) and the audit log (`/audit`); owners only. */
export function tokensRouter(deps: { db: Database; live: LiveConnections; now: () => Date }): Router {
  const router = Router({ mergeParams: true });
  const { db } = deps;

  router.post('/tokens', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req), { manage: true });
    const body = parseBody(CreateToken, req.body);
    const secret = generateSecret('pbt_');
    const expiresAt = body.expiresInDays
      ? new Date(deps.now().getTime() + body.expiresInDays * 86_400_000)
      : null;
    const token = await createAccessToken(db, {
      boardId: access.boardId,
      tokenHash: hashToken(secret),
      name: body.name,
      role: body.role,
      position: body.position,
      expiresAt,
      createdBy: access.actorId,
    });
    await audit(db, access, 'token.created', token.id, { name: body.name, role: body.role, expiresAt });
    res.status(201).json({
      token: {
        id: token.id,
        name: token.name,
        role: token.role,
        expiresAt: expiresAt?.toISOString() ?? null,
        secret,
      },
    });
  });

  router.get('/tokens', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req), { manage: true });
    const tokens = await listAccessTokens(db, access.boardId);
    res.json({
      tokens: tokens.map((t) => ({
        id: t.id,
        name: t.name,
        role: t.role,
        position: t.position,
        expiresAt: t.expiresAt?.toISOString() ?? null,
        createdAt: t.createdAt.toISOString(),
        revokedAt: t.revokedAt?.toISOString() ?? null,
      })),
    });
  });

  router.delete('/tokens/:tokenId', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req), { manage: true });
    const tokenId = String(req.params.tokenId);
    if (!(await revokeAccessToken(db, access.boardId, tokenId)))
      throw new AppError(ErrorCode.NotFound, 404, 'no such token on this board');
    await audit(db, access, 'token.revoked', tokenId);
    deps.live.closeTagged(`token:${tokenId}`, CLOSE_UNAUTHORIZED, 'this access token was revoked');
    res.status(204).end();
  });

  router.get('/audit', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req), { manage: true });
    const entries = await listAudit(db, access.boardId, { limit: 200 });
    res.json({
      entries: entries.map((e) => ({
        id: String(e.id),
        at: e.at.toISOString(),
        actor: e.actorId ? { id: e.actorId, name: e.actorName ?? '' } : null,
        action: e.action,
        target: e.target,
        details: e.details,
      })),
    });
  });

  return router;
}
