import { Router } from 'express';
import { z } from 'zod';
import { ErrorCode } from '@pairboard/board-schema';
import {
  createBoardTemplate,
  deleteBoardTemplate,
  getBoardTemplate,
  listBoardTemplates,
  type BoardTemplateRow,
  type Database,
} from '@pairboard/db';
import { SCENARIO_TEMPLATES, readBoard, templateFromBoard } from '@pairboard/sync-core';
import { AppError, BoardNotFoundError } from '../errors.ts';
import { audit, requireBoard } from '../http/board-guard.ts';
import { parseBody } from '../http/parse.ts';
import { requireUser } from '../http/session-middleware.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { TemplateContentSchema, templateSize } from './template-content.ts';

const SaveTemplateBody = z.object({
  boardId: z.string().min(1, 'boardId is required'),
  name: z.string().trim().min(1, 'name must not be empty').max(200, 'name must be at most 200 characters'),
  description: z.string().trim().max(500, 'description must be at most 500 characters').default(''),
});

function summary(row: BoardTemplateRow) {
  return {
    id: row.id,
    choice: `org:${row.id}`,
    name: row.name,
    description: row.description,
    language: row.language,
    sourceBoardId: row.sourceBoardId,
    createdAt: row.createdAt.toISOString(),
    ...templateSize(TemplateContentSchema.parse(row.content)),
  };
}

const scenarios = SCENARIO_TEMPLATES.map((template) => ({
  id: template.id,
  choice: template.id,
  name: template.name,
  description: template.description,
  ...templateSize(template),
}));

/**
 * `/api/templates`: the built-in scenarios and the templates I saved; save a board I own as a
 * template (checklists, sections and items only); read or delete one of mine.
 */
export function templatesRouter(deps: { db: Database; rooms: RoomRegistry }): Router {
  const router = Router();
  const { db, rooms } = deps;

  router.get('/', async (_req, res) => {
    const user = requireUser(res);
    const mine = await listBoardTemplates(db, user.userId);
    res.json({ scenarios, templates: mine.map(summary) });
  });

  router.post('/', async (req, res) => {
    const user = requireUser(res);
    const body = parseBody(SaveTemplateBody, req.body);
    const access = await requireBoard(db, res, body.boardId, { manage: true });
    // Read through the room, so what is saved includes edits not yet compacted to a snapshot.
    const read = await rooms.withRoom(access.boardId, (room) =>
      Promise.resolve({ content: templateFromBoard(room.doc), language: readBoard(room.doc).meta?.language }),
    );
    if (!read?.content) throw new BoardNotFoundError(access.boardId);
    const content = TemplateContentSchema.safeParse(read.content);
    if (!content.success) {
      const reason = content.error.issues.map((issue) => issue.message).join('; ');
      throw new AppError(ErrorCode.BadRequest, 400, `this board cannot be saved as a template: ${reason}`);
    }
    const row = await createBoardTemplate(db, {
      ownerId: user.userId,
      name: body.name,
      description: body.description,
      language: read.language ?? 'zh-CN',
      content: content.data,
      sourceBoardId: access.boardId,
    });
    await audit(db, access, 'template.saved', row.id, { name: row.name });
    res.status(201).json({ template: summary(row) });
  });

  router.get('/:templateId', async (req, res) => {
    const user = requireUser(res);
    const row = await getBoardTemplate(db, user.userId, req.params.templateId);
    if (!row)
      throw new AppError(ErrorCode.NotFound, 404, `template '${req.params.templateId}' does not exist`);
    res.json({ template: { ...summary(row), content: TemplateContentSchema.parse(row.content) } });
  });

  router.delete('/:templateId', async (req, res) => {
    const user = requireUser(res);
    const deleted = await deleteBoardTemplate(db, user.userId, req.params.templateId);
    if (!deleted)
      throw new AppError(ErrorCode.NotFound, 404, `template '${req.params.templateId}' does not exist`);
    res.status(204).end();
  });

  return router;
}
