import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { PresenceMember } from '@pairboard/board-schema';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { createTestBoard, inviteMember, type TestUser } from '../testing/boards.ts';
import { waitForEvent } from '../testing/wait-for.ts';

type Roster = { boardId: string; members: PresenceMember[] };
type AckResponse = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

describe('presence over Socket.IO', () => {
  let t: TestServer;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  /** A staff socket as a browser on this origin opens it (session cookie + Origin). */
  async function connect(user: TestUser): Promise<Socket> {
    const socket = connectSocket(t.url, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { cookie: user.cookie, origin: t.url },
    });
    sockets.push(socket);
    await waitForEvent(socket, 'connect');
    return socket;
  }

  it('shows who is on the board, with role, position and view, and removes people who leave', async () => {
    const board = await createTestBoard(t.url, 'empty');
    const partner = await inviteMember(t.url, board, 'editor', 'onsite', '王芳');
    const owner = await connect(board.owner);
    const onsite = await connect(partner);
    const joined = (await owner.emitWithAck('board:join', { boardId: board.id })) as AckResponse;
    expect(joined.ok).toBe(true);
    const rosterSeen = waitForEvent<Roster>(owner, 'presence:roster');
    await onsite.emitWithAck('board:join', { boardId: board.id });
    const roster = await rosterSeen;
    expect(roster.members.map((m) => [m.name, m.role, m.position]).sort()).toEqual([
      ['王经理', 'owner', null],
      ['王芳', 'editor', 'onsite'],
    ]);
    const viewSeen = waitForEvent<Roster>(owner, 'presence:roster');
    await onsite.emitWithAck('presence:view', { boardId: board.id, view: 'guests' });
    expect((await viewSeen).members.find((m) => m.userId === partner.id)?.view).toBe('guests');
    const leftSeen = waitForEvent<Roster>(owner, 'presence:roster');
    onsite.disconnect();
    expect((await leftSeen).members.map((m) => m.userId)).toEqual([board.owner.id]);
  });

  it('refuses a handshake without a session, or with a cookie sent from another site', async () => {
    const board = await createTestBoard(t.url, 'empty');
    const attempts: Record<string, string>[] = [
      {},
      { cookie: board.owner.cookie, origin: 'https://evil.example' },
    ];
    for (const extraHeaders of attempts) {
      const socket = connectSocket(t.url, { transports: ['websocket'], forceNew: true, extraHeaders });
      sockets.push(socket);
      const error = await waitForEvent<Error>(socket, 'connect_error');
      expect(error.message).toBe('unauthorized');
    }
  });

  it('answers bad payloads and boards the caller is not on through the ack, and keeps serving', async () => {
    const board = await createTestBoard(t.url, 'empty');
    const stranger = await createTestBoard(t.url, 'empty');
    const socket = await connect(board.owner);
    const bad = (await socket.emitWithAck('board:join', { boardId: '../etc' })) as AckResponse;
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('bad_request');
    expect(bad.error?.message).toContain('boardId');
    const notMine = (await socket.emitWithAck('board:join', { boardId: stranger.id })) as AckResponse;
    expect(notMine.error?.code).toBe('board_not_found');
    const early = (await socket.emitWithAck('presence:view', {
      boardId: board.id,
      view: 'guests',
    })) as AckResponse;
    expect(early.error?.code).toBe('bad_request');
    expect(socket.connected).toBe(true);
  });

  it('disconnects a client that keeps sending garbage', async () => {
    const board = await createTestBoard(t.url, 'empty');
    const socket = await connect(board.owner);
    const gone = waitForEvent(socket, 'disconnect', { timeoutMs: 3000 });
    for (let i = 0; i < 25; i++) socket.emit('board:join', 'garbage', () => undefined);
    expect(await gone).toBe('io server disconnect');
  });
});
