import { error } from '@sveltejs/kit';
import type { User } from '../api/auth.ts';
import { getBoard, type BoardSummary } from '../api/boards.ts';
import type { Fetch } from '../api/http.ts';
import { requireUser } from '../auth/require-user.ts';
import { ApiError } from '../errors.ts';

/**
 * For the `load` of a board's pages (board, share, activity, report): the signed-in person and
 * the board, or the error page. 404 also for boards I am not a member of: the server does not
 * say which.
 */
export async function loadBoardPage(
  boardId: string,
  fetchFn: Fetch,
  url: URL,
): Promise<{ user: User; board: BoardSummary }> {
  // Both requests at once: the board does not wait for the answer about me (a round trip on
  // the way to a 10,000-guest board, issue 7). Signed out, the board's refusal is dropped for
  // the redirect to /signin.
  const board = getBoard(boardId, { fetch: fetchFn });
  board.catch(() => undefined);
  const user = await requireUser(fetchFn, url);
  try {
    return { user, board: await board };
  } catch (cause) {
    if (cause instanceof ApiError && cause.code === 'board_not_found') {
      error(404, 'Board not found', { code: cause.code });
    }
    if (cause instanceof ApiError)
      error(cause.status >= 400 ? cause.status : 503, cause.message, { code: cause.code });
    throw cause;
  }
}
