import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { acknowledgeIncident, raiseIncident, readIncidents } from '@pairboard/sync-core';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { createTestBoard, inviteMember, type TestUser } from '../testing/boards.ts';
import { connectProvider } from '../testing/sync-clients.ts';
import { waitForEvent, waitUntil } from '../testing/wait-for.ts';
import type { IncidentEscalatedAlert } from './escalation-alerts.ts';

const REPORTER = { id: 'u-reporter', name: '现场王芳' };
const minutesAgo = (n: number): Date => new Date(Date.now() - n * 60_000);
// The watcher is told about every board the registry loads, then follows it live.
const ALERT_TIMEOUT_MS = 8_000;

describe('incident escalation on a running server', () => {
  let t: TestServer;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  async function joined(
    user: TestUser,
    boardId: string,
  ): Promise<{ socket: Socket; alerts: IncidentEscalatedAlert[] }> {
    const socket = connectSocket(t.url, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { cookie: user.cookie, origin: t.url },
    });
    sockets.push(socket);
    const alerts: IncidentEscalatedAlert[] = [];
    socket.on('incident:escalated', (alert: IncidentEscalatedAlert) => alerts.push(alert));
    await waitForEvent(socket, 'connect');
    const ack = (await socket.emitWithAck('board:join', { boardId })) as { ok: boolean };
    expect(ack.ok).toBe(true);
    return { socket, alerts };
  }

  it('escalates a red incident past its 30 minutes once: one server entry, an alert to owners and editors only', async () => {
    const board = await createTestBoard(t.url, 'empty');
    const editorUser = await inviteMember(t.url, board, 'editor', 'remote', '李强');
    const observerUser = await inviteMember(t.url, board, 'observer', null, '陈静');
    const owner = await joined(board.owner, board.id);
    const editor = await joined(editorUser, board.id);
    const observer = await joined(observerUser, board.id);
    const client = await connectProvider(t.syncUrl, board.id, board);
    try {
      const ownerAlert = waitForEvent<IncidentEscalatedAlert>(owner.socket, 'incident:escalated', {
        timeoutMs: ALERT_TIMEOUT_MS,
      });
      const incidentId = raiseIncident(
        client.doc,
        { title: '观众拥挤', level: 'red' },
        REPORTER,
        minutesAgo(31),
      );
      if (!incidentId.ok) throw new Error(incidentId.error.message);
      const alert = await ownerAlert;
      expect(alert).toMatchObject({
        boardId: board.id,
        incidentId: incidentId.value,
        level: 'red',
        title: '观众拥挤',
        targetMinutes: 30,
      });
      await waitUntil(() => editor.alerts.length === 1, { message: 'the editor got the alert' });
      const escalated = () =>
        readIncidents(client.doc)[0]?.timeline.filter((entry) => entry.kind === 'escalated') ?? [];
      await waitUntil(() => escalated().length === 1, { message: 'the client has the escalated entry' });
      expect(escalated()[0]?.by.id).toBe('pairboard');
      expect(readIncidents(client.doc)[0]?.status).toBe('open');
      expect(observer.alerts).toEqual([]);
      // A further change to the board re-reads it; nothing is escalated twice.
      const other = raiseIncident(client.doc, { title: '资料不足', level: 'blue' }, REPORTER, new Date());
      expect(other.ok).toBe(true);
      await waitUntil(() => readIncidents(client.doc).length === 2);
      expect(owner.alerts).toHaveLength(1);
      expect(escalated()).toHaveLength(1);
    } finally {
      client.destroy();
    }
  });

  it('does not escalate an incident acknowledged within its target', async () => {
    const board = await createTestBoard(t.url, 'empty');
    const owner = await joined(board.owner, board.id);
    const client = await connectProvider(t.syncUrl, board.id, board);
    try {
      // One transaction, so the server never sees the first incident without its acknowledgement.
      const { acked, overdue } = client.doc.transact(() => {
        const first = raiseIncident(
          client.doc,
          { title: '嘉宾迟到', level: 'yellow' },
          REPORTER,
          minutesAgo(90),
        );
        if (!first.ok) throw new Error(first.error.message);
        acknowledgeIncident(client.doc, first.value, REPORTER, minutesAgo(80));
        // A second, unacknowledged one in the same change proves the board was scanned.
        const second = raiseIncident(
          client.doc,
          { title: '场地冲突', level: 'yellow' },
          REPORTER,
          minutesAgo(90),
        );
        if (!second.ok) throw new Error(second.error.message);
        return { acked: first, overdue: second };
      });
      const alert = await waitForEvent<IncidentEscalatedAlert>(owner.socket, 'incident:escalated', {
        timeoutMs: ALERT_TIMEOUT_MS,
      });
      expect(alert.incidentId).toBe(overdue.value);
      await waitUntil(() =>
        readIncidents(client.doc).some((i) => i.timeline.some((entry) => entry.kind === 'escalated')),
      );
      const ackedIncident = readIncidents(client.doc).find((i) => i.id === acked.value);
      expect(ackedIncident?.timeline.map((entry) => entry.kind)).toEqual(['raised', 'acknowledged']);
    } finally {
      client.destroy();
    }
  });
});
