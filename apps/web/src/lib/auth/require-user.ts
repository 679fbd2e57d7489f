import { redirect } from '@sveltejs/kit';
import { getMe, type User } from '../api/auth.ts';
import type { Fetch } from '../api/http.ts';
import { authHref } from './next.ts';

/**
 * For a page `load`: the signed-in person, or a redirect to /signin that comes back to `url`
 * afterwards. Other failures (server down) propagate to the error page.
 */
export async function requireUser(fetchFn: Fetch, url: URL): Promise<User> {
  const user = await getMe({ fetch: fetchFn });
  if (user === null) redirect(307, authHref('/signin', url.pathname + url.search));
  return user;
}
