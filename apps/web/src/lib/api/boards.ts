import { z } from 'zod';
import { apiPath, requestJson, type RequestOptions } from './http.ts';
import { MemberPosition, Role } from './schemas.ts';

/** A board as the list and get endpoints describe it, with my role on it. */
export const BoardSummary = z.object({
  id: z.string().min(1),
  name: z.string(),
  createdAt: z.string(),
  role: Role,
  position: MemberPosition.optional().transform((value) => value ?? null),
});
export type BoardSummary = z.infer<typeof BoardSummary>;

export type BoardTemplate = 'empty' | 'demo';

export interface CreateBoardInput {
  name: string;
  template: BoardTemplate;
  language?: 'zh-CN' | 'en';
}

const BoardList = z.object({ boards: z.array(BoardSummary) });
const BoardEnvelope = z.object({ board: BoardSummary });

/** Boards I am a member of. */
export async function listBoards(options?: RequestOptions): Promise<BoardSummary[]> {
  return (await requestJson('GET', apiPath('boards'), BoardList, undefined, options)).boards;
}

/** Creates a board with me as its owner; the server writes its first document before answering. */
export async function createBoard(input: CreateBoardInput, options?: RequestOptions): Promise<BoardSummary> {
  return (await requestJson('POST', apiPath('boards'), BoardEnvelope, input, options)).board;
}

/**
 * One board with my role. Rejects with `ApiError` 404 `board_not_found` for an unknown board
 * and for one I am not a member of (the server does not reveal which).
 */
export async function getBoard(id: string, options?: RequestOptions): Promise<BoardSummary> {
  return (await requestJson('GET', apiPath('boards', id), BoardEnvelope, undefined, options)).board;
}
