import { Router } from 'express';
import { z } from 'zod';
import { addMember, getBoard, listBoardsForUser, type BoardRow, type Database } from '@pairboard/db';
import { createBoardWithDocument } from '../boards/create-board.ts';
import { TemplateChoice, resolveTemplateChoice } from '../templates/template-choice.ts';
import { requireUser } from './session-middleware.ts';
import { audit, requireBoard } from './board-guard.ts';
import { parseBody } from './parse.ts';

const CreateBoardBody = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(200, 'name must be at most 200 characters'),
  template: TemplateChoice.default('empty'),
  language: z.enum(['zh-CN', 'en']).optional(),
  startsAt: z.iso.datetime({ offset: true, message: 'startsAt must be an ISO time' }).optional(),
  timezone: z.string().refine(isTimezone, 'timezone must be an IANA zone like Asia/Shanghai').optional(),
});

function isTimezone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

type Membership = { role: string; position: string | null };

function toJson(row: BoardRow, membership: Membership) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    role: membership.role,
    position: membership.position,
  };
}

/** `/api/boards`: my boards, create one (I become its owner), get one I am a member of. */
export function boardsRouter(deps: { db: Database; now: () => Date }): Router {
  const router = Router();
  const { db } = deps;

  router.get('/', async (_req, res) => {
    const user = requireUser(res);
    const boards = await listBoardsForUser(db, user.userId);
    res.json({ boards: boards.map((b) => toJson(b, b)) });
  });

  router.post('/', async (req, res) => {
    const user = requireUser(res);
    const body = parseBody(CreateBoardBody, req.body);
    const chosen = await resolveTemplateChoice(db, user.userId, body.template);
    const language = body.language ?? chosen.language;
    const row = await createBoardWithDocument(db, { ...body, ...chosen, language }, deps.now());
    await addMember(db, { boardId: row.id, userId: user.userId, role: 'owner', position: null });
    const access = await requireBoard(db, res, row.id);
    await audit(db, access, 'member.added', user.userId, { role: 'owner', via: 'board.created' });
    res.status(201).json({ board: toJson(row, { role: 'owner', position: null }) });
  });

  router.get('/:id', async (req, res) => {
    const access = await requireBoard(db, res, req.params.id);
    const row = await getBoard(db, access.boardId);
    if (!row) throw new Error(`board ${access.boardId} has members but no row`);
    res.json({ board: toJson(row, access) });
  });

  return router;
}
