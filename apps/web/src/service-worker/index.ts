/**
 * The service worker: what lets a phone on the venue floor reload a board with no network.
 *
 * - The app's files (this version's JS, CSS, static assets) are cached at install and served from
 *   the cache; pages are fetched from the network first and fall back to a cached app shell of
 *   the same depth (`shellPageFor`: the app renders in the browser, so a shell serves any route).
 * - The API reads a board page makes before it renders (`isOfflineApiPath`: who I am, my boards,
 *   this board) are fetched from the network first, and their last answers kept for offline.
 * - Signing out deletes that person's local copies of the boards (IndexedDB) and the kept API
 *   answers: guests' personal data must not stay on a shared phone.
 *
 * Everything else (the sync and Socket.IO connections, writes, other API calls) passes untouched.
 */
import { self } from '$app/service-worker';
import { assets, immutable } from '$app/manifest';
import { version } from '$app/env';
import { clearLocalCopies } from '#lib/board/offline/local-copy.ts';
import {
  API_CACHE,
  ME_PATH,
  SHELL_CACHE_PREFIX,
  SHELL_PAGES,
  isOfflineApiPath,
  isSignOutPath,
  shellPageFor,
  userIdFromMe,
} from '#lib/board/offline/offline-cache.ts';

const SHELL_CACHE = `${SHELL_CACHE_PREFIX}${version}`;
const APP_FILES = [...immutable, ...assets].map(({ path }) => (path.startsWith('/') ? path : `/${path}`));
const APP_FILE_SET = new Set(APP_FILES);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll([...SHELL_PAGES, ...APP_FILES]);
      // A new version takes over at once: the old one's files may be gone from the server.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(SHELL_CACHE_PREFIX) && name !== SHELL_CACHE) await caches.delete(name);
      }
      // Control the page that registered us, so its next reload already works offline.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && isSignOutPath(url.pathname)) {
    event.respondWith(signOut(event));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (isOfflineApiPath(url.pathname)) event.respondWith(apiRead(request));
  else if (APP_FILE_SET.has(url.pathname)) event.respondWith(appFile(request));
});

async function appFile(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: SHELL_CACHE });
  return cached ?? fetch(request);
}

async function page(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const shellPage = shellPageFor(new URL(request.url).pathname);
    const shell = shellPage === null ? undefined : await caches.match(shellPage, { cacheName: SHELL_CACHE });
    if (shell) return shell;
    throw error;
  }
}

async function apiRead(request: Request): Promise<Response> {
  const cache = await caches.open(API_CACHE);
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw error;
  }
  // A 401 means signed out: forget the answer rather than show it offline later.
  if (response.ok) await cache.put(request, response.clone());
  else await cache.delete(request);
  return response;
}

async function signOut(event: FetchEvent): Promise<Response> {
  const userId = await signedInUserId();
  const response = await fetch(event.request);
  if (response.ok) {
    // Not awaited before answering: the page closes its copies when it leaves the board.
    event.waitUntil(forgetPerson(userId));
  }
  return response;
}

async function signedInUserId(): Promise<string | null> {
  const kept = await caches.match(ME_PATH, { cacheName: API_CACHE });
  const fromCache = await userIdFromMe(kept);
  if (fromCache !== null) return fromCache;
  return userIdFromMe(await fetch(ME_PATH).catch(() => undefined));
}

async function forgetPerson(userId: string | null): Promise<void> {
  await caches.delete(API_CACHE);
  if (userId !== null) await clearLocalCopies(userId);
}
