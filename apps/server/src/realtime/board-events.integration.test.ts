import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { createTestBoard } from '../testing/boards.ts';
import { waitForEvent } from '../testing/wait-for.ts';
import type { PresenceMember } from '@pairboard/board-schema';

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

  async function connect(): Promise<Socket> {
    const socket = connectSocket(t.url, { transports: ['websocket'], forceNew: true });
    sockets.push(socket);
    await waitForEvent(socket, 'connect');
    return socket;
  }

  it('shows who is on the board, with position and view, and removes people who leave', async () => {
    const boardId = await createTestBoard(t.url, 'empty');
    const onsite = await connect();
    const remote = await connect();
    const joined = (await onsite.emitWithAck('board:join', {
      boardId,
      user: { id: 'u1', name: '王芳', position: 'onsite' },
    })) as AckResponse;
    expect(joined.ok).toBe(true);
    const rosterSeen = waitForEvent<Roster>(onsite, 'presence:roster');
    await remote.emitWithAck('board:join', {
      boardId,
      user: { id: 'u2', name: 'Li Qiang', position: 'remote' },
    });
    const roster = await rosterSeen;
    expect(roster.members.map((m) => [m.name, m.position]).sort()).toEqual([
      ['Li Qiang', 'remote'],
      ['王芳', 'onsite'],
    ]);
    const viewSeen = waitForEvent<Roster>(onsite, 'presence:roster');
    await remote.emitWithAck('presence:view', { boardId, view: 'guests' });
    expect((await viewSeen).members.find((m) => m.userId === 'u2')?.view).toBe('guests');
    const leftSeen = waitForEvent<Roster>(onsite, 'presence:roster');
    remote.disconnect();
    expect((await leftSeen).members.map((m) => m.userId)).toEqual(['u1']);
  });

  it('answers bad payloads through the ack with a clear error and keeps serving', async () => {
    const socket = await connect();
    const bad = (await socket.emitWithAck('board:join', {
      boardId: '../etc',
      user: { name: '' },
    })) as AckResponse;
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('bad_request');
    expect(bad.error?.message).toContain('boardId');
    const missing = (await socket.emitWithAck('board:join', {
      boardId: 'no-such-board',
      user: { id: 'u3', name: 'X', position: 'remote' },
    })) as AckResponse;
    expect(missing.error?.code).toBe('board_not_found');
    const early = (await socket.emitWithAck('presence:view', {
      boardId: 'x',
      view: 'guests',
    })) as AckResponse;
    expect(early.error?.code).toBe('bad_request');
    expect(socket.connected).toBe(true);
  });

  it('disconnects a client that keeps sending garbage', async () => {
    const socket = await connect();
    const gone = waitForEvent(socket, 'disconnect', { timeoutMs: 3000 });
    for (let i = 0; i < 25; i++) socket.emit('board:join', 'garbage', () => undefined);
    expect(await gone).toBe('io server disconnect');
  });
});
