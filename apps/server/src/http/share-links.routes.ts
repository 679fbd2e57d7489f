import { Router } from 'express';
import { z } from 'zod';
import { CLOSE_FORBIDDEN, ErrorCode } from '@pairboard/board-schema';
import { generateSecret, hashPin, hashToken } from '@pairboard/auth';
import {
  createShareLink,
  getClientViewSettings,
  listShareLinks,
  revokeShareLink,
  setClientViewSettings,
  type Database,
} from '@pairboard/db';
import type { LiveConnections } from '../access/live-connections.ts';
import { AppError } from '../errors.ts';
import { audit, boardIdParam, requireBoard } from './board-guard.ts';
import { parseBody } from './parse.ts';

const CreateLink = z.object({
  name: z.string().trim().max(100).default(''),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90, 'a client link lasts at most 90 days')
    .nullable()
    .default(null),
  pin: z
    .string()
    .regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits')
    .nullable()
    .default(null),
});

const ClientViewSettings = z.object({
  progress: z.boolean(),
  attendance: z.boolean(),
  incidents: z.boolean(),
  updates: z.boolean(),
});

/** Client share links and what the client view shows: `/api/boards/:id/share-links`, `/client-view-settings`. */
export function shareLinksRouter(deps: {
  db: Database;
  live: LiveConnections;
  onSettingsChanged(boardId: string): void;
  now: () => Date;
}): Router {
  const router = Router({ mergeParams: true });
  const { db } = deps;

  router.post('/share-links', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req), { manage: true });
    const body = parseBody(CreateLink, req.body);
    const token = generateSecret('pbl_');
    const expiresAt = body.expiresInHours
      ? new Date(deps.now().getTime() + body.expiresInHours * 3_600_000)
      : null;
    const link = await createShareLink(db, {
      boardId: access.boardId,
      tokenHash: hashToken(token),
      name: body.name,
      pinHash: body.pin ? await hashPin(body.pin) : null,
      expiresAt,
      createdBy: access.actorId,
    });
    await audit(db, access, 'share_link.created', link.id, {
      name: body.name,
      hasPin: body.pin !== null,
      expiresAt,
    });
    res.status(201).json({
      link: {
        id: link.id,
        name: link.name,
        expiresAt: expiresAt?.toISOString() ?? null,
        hasPin: body.pin !== null,
        url: `/c/${token}`,
        token,
      },
    });
  });

  router.get('/share-links', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req), { manage: true });
    const links = await listShareLinks(db, access.boardId);
    res.json({
      links: links.map((l) => ({
        id: l.id,
        name: l.name,
        hasPin: l.hasPin,
        expiresAt: l.expiresAt?.toISOString() ?? null,
        createdAt: l.createdAt.toISOString(),
        revokedAt: l.revokedAt?.toISOString() ?? null,
      })),
    });
  });

  router.delete('/share-links/:linkId', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req), { manage: true });
    const linkId = String(req.params.linkId);
    if (!(await revokeShareLink(db, access.boardId, linkId)))
      throw new AppError(ErrorCode.NotFound, 404, 'no such link on this board');
    await audit(db, access, 'share_link.revoked', linkId);
    deps.live.closeTagged(`link:${linkId}`, CLOSE_FORBIDDEN, 'this link was revoked');
    res.status(204).end();
  });

  router.get('/client-view-settings', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req), { manage: true });
    res.json({ settings: await getClientViewSettings(db, access.boardId) });
  });

  router.put('/client-view-settings', async (req, res) => {
    const access = await requireBoard(db, res, boardIdParam(req), { manage: true });
    const settings = parseBody(ClientViewSettings, req.body);
    await setClientViewSettings(db, access.boardId, settings);
    await audit(db, access, 'client_view.changed', access.boardId, settings);
    deps.onSettingsChanged(access.boardId);
    res.json({ settings });
  });

  return router;
}
