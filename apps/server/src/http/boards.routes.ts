import { Router } from 'express';
import { z } from 'zod';
import { ErrorCode } from '@pairboard/board-schema';
import { getBoard, listBoards, type BoardRow, type Database } from '@pairboard/db';
import { AppError, BoardNotFoundError } from '../errors.ts';
import { createBoardWithDocument } from '../boards/create-board.ts';

const CreateBoardBody = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(200, 'name must be at most 200 characters'),
  template: z.enum(['empty', 'demo']).default('empty'),
  language: z.enum(['zh-CN', 'en']).optional(),
});

const BoardIdParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'board ids are 1 to 64 letters, digits, - or _');

function toJson(row: BoardRow) {
  return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString() };
}

/** `/api/boards`: list, create (the server writes the first document), get. */
export function boardsRouter(db: Database, now: () => Date): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const boards = await listBoards(db);
    res.json({ boards: boards.map(toJson) });
  });

  router.post('/', async (req, res) => {
    const parsed = CreateBoardBody.safeParse(req.body);
    if (!parsed.success) {
      throw new AppError(
        ErrorCode.BadRequest,
        400,
        parsed.error.issues.map((i) => i.message).join('; '),
        parsed.error.issues,
      );
    }
    const row = await createBoardWithDocument(db, parsed.data, now());
    res.status(201).json({ board: toJson(row) });
  });

  router.get('/:id', async (req, res) => {
    const id = BoardIdParam.safeParse(req.params.id);
    if (!id.success) throw new BoardNotFoundError(String(req.params.id).slice(0, 64));
    const row = await getBoard(db, id.data);
    if (!row) throw new BoardNotFoundError(id.data);
    res.json({ board: toJson(row) });
  });

  return router;
}
