import { listBoards, type BoardSummary } from '#lib/api/boards.ts';
import { requireUser } from '#lib/auth/require-user.ts';
import { isAbortError } from '#lib/errors.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const user = await requireUser(fetch, url);
  try {
    return { user, boards: await listBoards({ fetch }), loadError: null };
  } catch (error) {
    if (isAbortError(error)) throw error;
    console.error('could not load the boards', error);
    // The page still works without the list: people can create a board or retry.
    const boards: BoardSummary[] = [];
    return { user, boards, loadError: error instanceof Error ? error.message : String(error) };
  }
};
