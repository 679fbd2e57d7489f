import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { raiseIncident, readResponseTargets } from '@pairboard/sync-core';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { createTestBoard, inviteMember } from '../testing/boards.ts';
import { connectProvider } from '../testing/sync-clients.ts';
import { api } from '../testing/users.ts';
import { waitForEvent, waitUntil } from '../testing/wait-for.ts';
import type { IncidentEscalatedAlert } from './escalation-alerts.ts';

describe('response targets over HTTP', () => {
  let t: TestServer;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  it('reads the defaults, lets an owner change one level, and refuses editors and bad minutes', async () => {
    const board = await createTestBoard(t.url, 'empty');
    const editor = await inviteMember(t.url, board, 'editor', 'remote');
    const path = `/api/boards/${board.id}/response-targets`;
    const read = await api(t.url, 'GET', path, { cookie: editor.cookie });
    expect(await read.json()).toEqual({ targets: { blue: 120, yellow: 60, red: 30 } });

    const changed = await api(t.url, 'PUT', path, { cookie: board.owner.cookie, body: { red: 15 } });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ targets: { blue: 120, yellow: 60, red: 15 } });

    const client = await connectProvider(t.syncUrl, board.id, board);
    await waitUntil(() => readResponseTargets(client.doc).red === 15, { message: 'the doc has the target' });
    client.destroy();

    expect((await api(t.url, 'PUT', path, { cookie: editor.cookie, body: { red: 10 } })).status).toBe(403);
    for (const body of [{ red: 0 }, { red: 1.5 }, { orange: 5 }, {}]) {
      const refused = await api(t.url, 'PUT', path, { cookie: board.owner.cookie, body });
      expect(refused.status).toBe(400);
    }
  });

  it('escalates by the board target: red set to 5 minutes escalates a red incident raised 6 minutes ago', async () => {
    const board = await createTestBoard(t.url, 'empty');
    const path = `/api/boards/${board.id}/response-targets`;
    expect((await api(t.url, 'PUT', path, { cookie: board.owner.cookie, body: { red: 5 } })).status).toBe(
      200,
    );
    const socket = connectSocket(t.url, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { cookie: board.owner.cookie, origin: t.url },
    });
    sockets.push(socket);
    await waitForEvent(socket, 'connect');
    await socket.emitWithAck('board:join', { boardId: board.id });
    const client = await connectProvider(t.syncUrl, board.id, board);
    try {
      const alerted = waitForEvent<IncidentEscalatedAlert>(socket, 'incident:escalated', {
        timeoutMs: 8_000,
      });
      const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
      raiseIncident(
        client.doc,
        { title: '人流拥堵', level: 'red' },
        { id: 'u-1', name: '王芳' },
        sixMinutesAgo,
      );
      expect(await alerted).toMatchObject({ level: 'red', targetMinutes: 5 });
    } finally {
      client.destroy();
    }
  });
});
