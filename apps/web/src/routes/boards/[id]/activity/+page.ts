import { error } from '@sveltejs/kit';
import { getBoard } from '#lib/api/boards.ts';
import { requireUser } from '#lib/auth/require-user.ts';
import { ApiError } from '#lib/errors.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch, url }) => {
  const user = await requireUser(fetch, url);
  try {
    return { user, board: await getBoard(params.id, { fetch }) };
  } catch (cause) {
    // 404 also for boards I am not a member of: the server does not say which.
    if (cause instanceof ApiError && cause.code === 'board_not_found') {
      error(404, 'Board not found', { code: cause.code });
    }
    if (cause instanceof ApiError)
      error(cause.status >= 400 ? cause.status : 503, cause.message, { code: cause.code });
    throw cause;
  }
};
