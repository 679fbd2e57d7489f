import { listBoards, type BoardSummary } from '#lib/api/boards.ts';
import { isAbortError } from '#lib/errors.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
  try {
    return { boards: await listBoards(fetch), loadError: null };
  } catch (error) {
    if (isAbortError(error)) throw error;
    console.error('could not load the boards', error);
    // The page still works without the list: people can create a board or retry.
    const boards: BoardSummary[] = [];
    return { boards, loadError: error instanceof Error ? error.message : String(error) };
  }
};
