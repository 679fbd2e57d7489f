import { z } from 'zod';

/**
 * What a reload without network needs besides the documents: the app's files (the service
 * worker keeps them per version) and the last answers of the few API reads every board page
 * makes before it renders. Shared by the page and the service worker (`src/service-worker`).
 */

/** Cache of the last answers to `offlineApiPaths`; not versioned, cleared on sign-out. */
export const API_CACHE = 'pairboard-api';
/** Prefix of the per-version cache of the app shell and its files. */
export const SHELL_CACHE_PREFIX = 'pairboard-shell-';

/** Who I am: the first read of every signed-in page, and how sign-out learns whose copies to delete. */
export const ME_PATH = '/api/auth/me';
/**
 * Pages kept as app shells, one per depth: the app renders in the browser, so the server sends
 * the same page for every route except for relative links (`./_app/…` at `/signin`, `../_app/…`
 * at `/boards/<id>`). A page that cannot be fetched is answered with the shell of its depth.
 */
export const SHELL_PAGES = ['/', '/boards/offline', '/boards/offline/share'] as const;

/** The kept shell that can stand in for the page at `pathname`, or null when there is none that deep. */
export function shellPageFor(pathname: string): string | null {
  const depth = pathname.split('/').length - 2;
  return SHELL_PAGES[Math.max(0, depth)] ?? null;
}

const SIGN_OUT_PATHS = new Set(['/api/auth/signout', '/api/auth/signout-all']);

/** The API reads a board page makes before it renders: who I am, my boards, this board. */
export function offlineApiPaths(boardId: string): string[] {
  return [ME_PATH, '/api/boards', `/api/boards/${encodeURIComponent(boardId)}`];
}

/** True for a GET whose last answer is kept for offline: `/api/auth/me`, `/api/boards`, `/api/boards/<id>`. */
export function isOfflineApiPath(pathname: string): boolean {
  return pathname === ME_PATH || /^\/api\/boards(\/[^/]+)?$/.test(pathname);
}

export function isSignOutPath(pathname: string): boolean {
  return SIGN_OUT_PATHS.has(pathname);
}

const MeBody = z.object({ user: z.object({ id: z.string().min(1) }) });

/** The user id in a `GET /api/auth/me` answer, or null (signed out, or not that answer). */
export async function userIdFromMe(response: Response | undefined): Promise<string | null> {
  if (!response?.ok) return null;
  try {
    const parsed = MeBody.safeParse(await response.json());
    return parsed.success ? parsed.data.user.id : null;
  } catch {
    return null;
  }
}

/**
 * Stores the current answers of `offlineApiPaths(boardId)`, so a reload without network can still
 * open this board. The service worker refreshes them on every online visit; this covers the first
 * visit, before the worker controls the page. Best effort: without the Cache API (an insecure
 * origin) there is no offline reload either.
 */
export async function keepBoardForOffline(boardId: string): Promise<void> {
  if (typeof caches === 'undefined') return;
  const cache = await caches.open(API_CACHE);
  await cache.addAll(offlineApiPaths(boardId));
}
