import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { CLOSE_FORBIDDEN, CLOSE_UNAUTHORIZED } from '@pairboard/board-schema';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { createBoardWorld, type BoardWorld } from '../testing/board-world.ts';
import { connectRaw } from '../testing/sync-clients.ts';
import { api } from '../testing/users.ts';
import { waitForEvent, waitUntil } from '../testing/wait-for.ts';

/** Revoking a credential closes the live sockets it opened, within 5 s (issue 3, item 6). */
const WITHIN_MS = 5000;
const DAY_MS = 86_400_000;

describe('revocation and expiry close live sockets', () => {
  let t: TestServer;
  let world: BoardWorld;
  let nowMs = Date.now();
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestServer({}, { now: () => new Date(nowMs), credentialSweepMs: 50 });
    world = await createBoardWorld(t.url, 'empty');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  const openSync = async (credentials: Parameters<typeof connectRaw>[2]) => {
    const raw = await connectRaw(t.syncUrl, world.board.id, credentials);
    await waitUntil(() => raw.frames.length > 0, { message: 'sync connection opened' });
    return raw;
  };

  const within = <T>(promise: Promise<T>): Promise<T> =>
    Promise.race([
      promise,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('not within 5 s')), WITHIN_MS)),
    ]);

  it('removing a member closes their sync and presence sockets, and they cannot come back', async () => {
    const board = `/api/boards/${world.board.id}`;
    const member = world.editor;
    const sync = await openSync({ cookie: member.cookie, origin: t.url });
    const presence = connectSocket(t.url, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { cookie: member.cookie, origin: t.url },
    });
    sockets.push(presence);
    await waitForEvent(presence, 'connect');
    expect(
      ((await presence.emitWithAck('board:join', { boardId: world.board.id })) as { ok: boolean }).ok,
    ).toBe(true);
    const presenceGone = waitForEvent(presence, 'disconnect', { timeoutMs: WITHIN_MS });
    expect(
      (await api(t.url, 'DELETE', `${board}/members/${member.id}`, { cookie: world.owner.cookie })).status,
    ).toBe(204);
    expect((await within(sync.closed)).code).toBe(CLOSE_FORBIDDEN);
    expect(await presenceGone).toBe('io server disconnect');
    const again = await connectRaw(t.syncUrl, world.board.id, { cookie: member.cookie, origin: t.url });
    expect((await again.closed).code).toBe(CLOSE_FORBIDDEN);
    expect(again.frames).toHaveLength(0);
  });

  it('revoking an access token closes its sync socket with 4401', async () => {
    const created = await api(t.url, 'POST', `/api/boards/${world.board.id}/tokens`, {
      body: { name: 'printer', role: 'editor' },
      cookie: world.owner.cookie,
    });
    const { token } = (await created.json()) as { token: { id: string; secret: string } };
    const sync = await openSync({ token: token.secret });
    await api(t.url, 'DELETE', `/api/boards/${world.board.id}/tokens/${token.id}`, {
      cookie: world.owner.cookie,
    });
    expect((await within(sync.closed)).code).toBe(CLOSE_UNAUTHORIZED);
    expect((await (await connectRaw(t.syncUrl, world.board.id, { token: token.secret })).closed).code).toBe(
      CLOSE_UNAUTHORIZED,
    );
  });

  it('revoking a client link closes the client screen and tells it why', async () => {
    const created = await api(t.url, 'POST', `/api/boards/${world.board.id}/share-links`, {
      body: { name: 'TV' },
      cookie: world.owner.cookie,
    });
    const { link } = (await created.json()) as { link: { id: string; token: string } };
    const viewer = connectSocket(`${t.url}/client`, {
      transports: ['websocket'],
      forceNew: true,
      auth: { token: link.token },
    });
    sockets.push(viewer);
    await waitForEvent(viewer, 'client:view');
    const told = waitForEvent<{ reason: string }>(viewer, 'client:revoked', { timeoutMs: WITHIN_MS });
    await api(t.url, 'DELETE', `/api/boards/${world.board.id}/share-links/${link.id}`, {
      cookie: world.owner.cookie,
    });
    expect((await told).reason).toContain('revoked');
  });

  it('signing out everywhere closes every socket the account opened', async () => {
    const first = await openSync({ cookie: world.observer.cookie, origin: t.url });
    const second = await openSync({ cookie: world.observer.cookie, origin: t.url });
    await api(t.url, 'POST', '/api/auth/signout-all', { cookie: world.observer.cookie });
    expect((await within(first.closed)).code).toBe(CLOSE_UNAUTHORIZED);
    expect((await within(second.closed)).code).toBe(CLOSE_UNAUTHORIZED);
  });

  it('closes sockets whose token or link expires while they are open', async () => {
    const tokenAnswer = await api(t.url, 'POST', `/api/boards/${world.board.id}/tokens`, {
      body: { name: 'one day', role: 'observer', expiresInDays: 1 },
      cookie: world.owner.cookie,
    });
    const { token } = (await tokenAnswer.json()) as { token: { secret: string } };
    const linkAnswer = await api(t.url, 'POST', `/api/boards/${world.board.id}/share-links`, {
      body: { name: 'one hour', expiresInHours: 1 },
      cookie: world.owner.cookie,
    });
    const { link } = (await linkAnswer.json()) as { link: { token: string } };
    const sync = await openSync({ token: token.secret });
    const viewer = connectSocket(`${t.url}/client`, {
      transports: ['websocket'],
      forceNew: true,
      auth: { token: link.token },
    });
    sockets.push(viewer);
    await waitForEvent(viewer, 'client:view');
    const viewerGone = waitForEvent(viewer, 'disconnect', { timeoutMs: WITHIN_MS });
    nowMs += 2 * DAY_MS;
    expect((await within(sync.closed)).code).toBe(CLOSE_UNAUTHORIZED);
    expect(await viewerGone).toBe('io server disconnect');
  });
});
