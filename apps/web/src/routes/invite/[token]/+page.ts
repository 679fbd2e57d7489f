import { getMe } from '#lib/api/auth.ts';
import { getInvitePreview, type InvitePreview } from '#lib/api/invites.ts';
import { ApiError } from '#lib/errors.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch }) => {
  const [user, invite] = await Promise.all([getMe({ fetch }), previewOrNull(params.token, fetch)]);
  return { token: params.token, user, invite };
};

/** Null for an unknown, expired or revoked invite (404): the page says so instead of erroring. */
async function previewOrNull(token: string, fetchFn: typeof fetch): Promise<InvitePreview | null> {
  try {
    return await getInvitePreview(token, { fetch: fetchFn });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
