import { z } from 'zod';
import { ApiError } from '../errors.ts';

/** A board as the list and create endpoints describe it (the document itself syncs over Yjs). */
export const BoardSummary = z.object({
  id: z.string().min(1),
  name: z.string(),
  createdAt: z.string(),
});
export type BoardSummary = z.infer<typeof BoardSummary>;

export type BoardTemplate = 'empty' | 'demo';

export interface CreateBoardInput {
  name: string;
  template: BoardTemplate;
}

const BoardList = z.object({ boards: z.array(BoardSummary) });
const BoardEnvelope = z.object({ board: BoardSummary });

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().optional(),
    issues: z.array(z.unknown()).optional(),
    requestId: z.string().optional(),
  }),
});

/** The `fetch` a SvelteKit `load` receives, or the global one. */
export type Fetch = typeof fetch;

/** Boards, newest first. */
export async function listBoards(fetchFn: Fetch = fetch, signal?: AbortSignal): Promise<BoardSummary[]> {
  const response = await send(fetchFn, '/api/boards', { signal });
  return (await readApiResponse(response, BoardList)).boards;
}

/** Creates a board; the server writes its first document (from the template) before answering. */
export async function createBoard(input: CreateBoardInput, fetchFn: Fetch = fetch): Promise<BoardSummary> {
  const response = await send(fetchFn, '/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await readApiResponse(response, BoardEnvelope)).board;
}

/** One board; rejects with `ApiError` code `board_not_found` (status 404) for an unknown id. */
export async function getBoard(
  id: string,
  fetchFn: Fetch = fetch,
  signal?: AbortSignal,
): Promise<BoardSummary> {
  const response = await send(fetchFn, `/api/boards/${encodeURIComponent(id)}`, { signal });
  return (await readApiResponse(response, BoardEnvelope)).board;
}

async function send(fetchFn: Fetch, path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchFn(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: `could not reach the server for ${path}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

/**
 * The parsed body of a successful response, or an `ApiError` built from the error body (or
 * from the status alone when the body is not the API's error shape, e.g. a proxy's HTML page).
 */
export async function readApiResponse<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'bad_response',
      message: `unexpected response from ${response.url || 'the server'}: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
        .join('; ')}`,
    });
  }
  return parsed.data;
}

/** Maps an error status and body to an `ApiError`, keeping the server's code and message. */
export function toApiError(status: number, body: unknown): ApiError {
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) {
    return new ApiError({
      status,
      code: status >= 500 ? 'internal' : 'http_error',
      message: `HTTP ${status}`,
    });
  }
  const { code, message, issues, requestId } = parsed.data.error;
  return new ApiError({ status, code, message: message ?? code, issues, requestId });
}
