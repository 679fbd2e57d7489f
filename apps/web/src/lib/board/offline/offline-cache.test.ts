import { describe, expect, it } from 'vitest';
import {
  isOfflineApiPath,
  isSignOutPath,
  offlineApiPaths,
  shellPageFor,
  userIdFromMe,
} from './offline-cache.ts';

describe('offline API cache', () => {
  it('keeps the reads a board page needs and nothing else', () => {
    for (const path of offlineApiPaths('b 1')) expect(isOfflineApiPath(path)).toBe(true);
    expect(isOfflineApiPath('/api/boards/b1/members')).toBe(false);
    expect(isOfflineApiPath('/api/boards/b1/share-links')).toBe(false);
    expect(isOfflineApiPath('/api/auth/signout')).toBe(false);
  });

  it('stands in for a page with the kept shell of the same depth, so relative links still resolve', () => {
    expect(shellPageFor('/')).toBe('/');
    expect(shellPageFor('/signin')).toBe('/');
    expect(shellPageFor('/boards/b1')).toBe('/boards/offline');
    expect(shellPageFor('/c/token')).toBe('/boards/offline');
    expect(shellPageFor('/boards/b1/share')).toBe('/boards/offline/share');
    expect(shellPageFor('/a/b/c/d')).toBeNull();
  });

  it('recognises both ways of signing out', () => {
    expect(isSignOutPath('/api/auth/signout')).toBe(true);
    expect(isSignOutPath('/api/auth/signout-all')).toBe(true);
    expect(isSignOutPath('/api/auth/signin')).toBe(false);
  });

  it('reads the user id from a "me" answer, and null from anything else', async () => {
    const me = new Response(JSON.stringify({ user: { id: 'u1', name: 'Li', email: 'li@example.com' } }));
    expect(await userIdFromMe(me)).toBe('u1');
    expect(await userIdFromMe(new Response('{}', { status: 401 }))).toBeNull();
    expect(await userIdFromMe(new Response('not json'))).toBeNull();
    expect(await userIdFromMe(undefined)).toBeNull();
  });
});
