import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Manager, type Socket } from 'socket.io-client';
import type { ClientView } from '@pairboard/board-schema';
import { addTimelineEntry, checkInGuest, readBoard, readGuestContacts } from '@pairboard/sync-core';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { createBoardWorld, type BoardWorld } from '../testing/board-world.ts';
import { connectProvider } from '../testing/sync-clients.ts';
import { api } from '../testing/users.ts';
import { waitForEvent, waitUntil } from '../testing/wait-for.ts';

/** A client-link viewer that records every Engine.IO packet it receives, before any decoding. */
interface Viewer {
  socket: Socket;
  wire: string[];
  views: ClientView[];
}

describe('client links receive the redacted client view only (SY12)', () => {
  let t: TestServer;
  let world: BoardWorld;
  const viewers: Socket[] = [];
  beforeAll(async () => {
    t = await startTestServer();
    world = await createBoardWorld(t.url, 'demo');
  });
  afterAll(async () => {
    for (const socket of viewers) socket.disconnect();
    await t.close();
  });

  function openViewer(auth: Record<string, string>): Viewer {
    const manager = new Manager(t.url, { transports: ['websocket'], forceNew: true });
    const wire: string[] = [];
    manager.on('open', () => {
      manager.engine.on('packet', (packet: { data?: unknown }) =>
        wire.push(JSON.stringify(packet.data ?? '')),
      );
    });
    const socket = manager.socket('/client', { auth });
    viewers.push(socket);
    const views: ClientView[] = [];
    socket.on('client:view', (view: ClientView) => views.push(view));
    return { socket, wire, views };
  }

  it('never sends a name, phone number, email, note or internal entry, not even on the wire', async () => {
    const staff = await connectProvider(t.syncUrl, world.board.id, {
      cookie: world.editor.cookie,
      origin: t.url,
    });
    const contacts = await connectProvider(t.syncUrl, `${world.board.id}~contacts`, {
      cookie: world.editor.cookie,
      origin: t.url,
    });
    const board = readBoard(staff.doc);
    const incident = board.incidents[0]!;
    const secret = '内部备注：王总手机 13800001111，勿外传';
    addTimelineEntry(
      staff.doc,
      incident.id,
      { text: secret, internal: true },
      { id: 'e', name: '王芳' },
      new Date(),
    );

    const viewer = openViewer({ token: world.clientLink.token });
    await waitUntil(() => viewer.views.length > 0, { message: 'the client view arrives' });
    const arrivedBefore = viewer.views.at(-1)!.attendance!.arrived;
    const guest = board.guests.find((g) => !g.checkIn)!;
    checkInGuest(staff.doc, guest.id, { id: 'e', name: '王芳' }, new Date());
    await waitUntil(() => (viewer.views.at(-1)?.attendance?.arrived ?? 0) === arrivedBefore + 1, {
      message: 'the client sees the check-in',
    });

    const personal = new Set<string>([secret]);
    for (const g of board.guests) personal.add(g.name);
    for (const p of board.people) personal.add(p.name);
    for (const contact of readGuestContacts(contacts.doc).values()) {
      for (const value of [contact.phone, contact.email, contact.notes]) if (value) personal.add(value);
    }
    for (const i of board.incidents) for (const e of i.timeline) if (e.internal) personal.add(e.text);
    expect(personal.size).toBeGreaterThan(600);
    const received = viewer.wire.join('\n');
    expect(received.length).toBeGreaterThan(500);
    const leaked = [...personal].filter(
      (value) => value.length >= 2 && received.includes(JSON.stringify(value).slice(1, -1)),
    );
    expect(leaked).toEqual([]);
    staff.destroy();
    contacts.destroy();
  });

  it('asks for the PIN, refuses a wrong one, and opens with the right one', async () => {
    const created = await api(t.url, 'POST', `/api/boards/${world.board.id}/share-links`, {
      body: { name: 'TV', pin: '2468' },
      cookie: world.owner.cookie,
    });
    const { link } = (await created.json()) as { link: { token: string } };
    for (const [auth, message] of [
      [{ token: link.token }, 'pin_required'],
      [{ token: link.token, pin: '1111' }, 'pin_incorrect'],
      [{ token: 'pbl_not-a-link' }, 'unauthorized'],
    ] as const) {
      const viewer = openViewer(auth);
      expect((await waitForEvent<Error>(viewer.socket, 'connect_error')).message).toBe(message);
    }
    const viewer = openViewer({ token: link.token, pin: '2468' });
    await waitUntil(() => viewer.views.length > 0);
    expect(viewer.views[0]!.boardName).toBe('2026 峰会');
  });

  it('shows only the parts the owner chose, and updates open screens when that changes', async () => {
    const viewer = openViewer({ token: world.clientLink.token });
    await waitUntil(() => viewer.views.length > 0);
    expect(viewer.views[0]!.incidents).toBeDefined();
    const put = await api(t.url, 'PUT', `/api/boards/${world.board.id}/client-view-settings`, {
      body: { progress: true, attendance: true, incidents: false, updates: false },
      cookie: world.owner.cookie,
    });
    expect(put.status).toBe(200);
    await waitUntil(() => viewer.views.at(-1)?.sections.incidents === false, {
      message: 'settings reach the screen',
    });
    const latest = viewer.views.at(-1)!;
    expect(latest.incidents).toBeUndefined();
    expect(latest.updates).toBeUndefined();
    expect(latest.progress?.total).toBeGreaterThan(0);
  });
});
