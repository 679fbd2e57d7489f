import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@pairboard/board-schema';
import {
  addChecklist,
  addGuest,
  addItem,
  addPair,
  addSection,
  checkInGuest,
  raiseIncident,
  readBoard,
  tickItem,
} from '@pairboard/sync-core';
import { createTestBoard, inviteMember, type TestBoard, type TestUser } from '../testing/boards.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { connectProvider, type ProviderClient } from '../testing/sync-clients.ts';
import { api } from '../testing/users.ts';
import { waitUntil } from '../testing/wait-for.ts';

interface Entry {
  actor: { id: string; name: string } | null;
  list: string;
  entityId: string;
  action: string;
  label: string;
  detail: string;
}

let server: TestServer;
const clients: ProviderClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.close();
});

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

async function connect(board: TestBoard, user: TestUser): Promise<ProviderClient> {
  const client = await connectProvider(server.syncUrl, board.id, { cookie: user.cookie, origin: server.url });
  clients.push(client);
  return client;
}

async function activity(
  board: TestBoard,
  user: TestUser,
  query = '',
): Promise<{ status: number; entries: Entry[] }> {
  const response = await api(server.url, 'GET', `/api/boards/${board.id}/activity${query}`, {
    cookie: user.cookie,
  });
  if (response.status !== 200) return { status: response.status, entries: [] };
  return { status: 200, entries: ((await response.json()) as { entries: Entry[] }).entries };
}

async function waitForActions(board: TestBoard, user: TestUser, actions: string[]): Promise<Entry[]> {
  let entries: Entry[] = [];
  await waitUntil(
    async () => {
      entries = (await activity(board, user)).entries;
      return actions.every((action) => entries.some((e) => e.action === action));
    },
    { message: `activity never showed ${actions.join(', ')}` },
  );
  return entries;
}

const actorOf = (user: TestUser): Actor => ({ id: user.id, name: user.name });
// Real time: an incident raised in the past would be escalated at once and head the feed.
const NOW = new Date();

describe('GET /api/boards/:id/activity', () => {
  it('lists who ticked, checked in and raised what, newest first, filterable by list and person', async () => {
    const board = await createTestBoard(server.url, 'empty', 'activity');
    const { doc } = await connect(board, board.owner);
    const me = actorOf(board.owner);
    const itemId = unwrap(
      addItem(doc, {
        sectionId: unwrap(
          addSection(doc, { checklistId: unwrap(addChecklist(doc, { title: 'Stage' })), title: 'Sound' }),
        ),
        title: 'Test microphones',
      }),
    );
    unwrap(tickItem(doc, itemId, me, NOW));
    const guestId = unwrap(addGuest(doc, { name: '王芳' }));
    unwrap(checkInGuest(doc, guestId, me, NOW));
    unwrap(raiseIncident(doc, { title: 'Projector down', level: 'red' }, me, NOW));

    const entries = await waitForActions(board, board.owner, [
      'item.done',
      'guest.checked_in',
      'incident.raised',
    ]);
    expect(entries[0]).toMatchObject({
      action: 'incident.raised',
      list: 'incidents',
      label: 'Projector down',
      detail: 'red',
    });
    expect(entries.find((e) => e.action === 'item.done')).toMatchObject({
      actor: { id: board.owner.id, name: board.owner.name },
      list: 'checklists',
      entityId: itemId,
      label: 'Test microphones',
    });
    expect(entries.find((e) => e.action === 'guest.checked_in')).toMatchObject({
      entityId: guestId,
      label: '王芳',
    });

    const guests = await activity(board, board.owner, '?list=guests');
    expect(new Set(guests.entries.map((e) => e.list))).toEqual(new Set(['guests']));
    expect((await activity(board, board.owner, `?person=${board.owner.id}`)).entries.length).toBe(
      entries.length,
    );
    expect((await activity(board, board.owner, '?person=someone-else')).entries).toEqual([]);
    expect((await activity(board, board.owner, '?list=parties')).status).toBe(400);
  });

  it('filters by pair: the activity of its on-site and remote members', async () => {
    const board = await createTestBoard(server.url, 'empty', 'pairs');
    const onsite = await inviteMember(server.url, board, 'editor', 'onsite', 'Ana');
    const remote = await inviteMember(server.url, board, 'editor', 'remote', 'Ben');
    const owner = await connect(board, board.owner);
    await waitUntil(() => readBoard(owner.doc).people.length >= 2, {
      message: 'members never reached the board',
    });
    const pairId = unwrap(addPair(owner.doc, { name: 'A', onsiteId: onsite.id, remoteId: remote.id }));
    const ana = await connect(board, onsite);
    await waitUntil(() => readBoard(ana.doc).pairs.length === 1, { message: 'pair never synced' });
    unwrap(addGuest(ana.doc, { name: 'Guest of Ana' }));
    unwrap(addGuest(owner.doc, { name: 'Guest of the owner' }));
    await waitForActions(board, board.owner, ['pair.created', 'guest.added']);
    await waitUntil(async () => (await activity(board, board.owner, '?list=guests')).entries.length === 2);

    const byPair = await activity(board, board.owner, `?pair=${pairId}`);
    expect(byPair.entries.map((e) => [e.action, e.label, e.actor?.name])).toEqual([
      ['guest.added', 'Guest of Ana', 'Ana'],
    ]);
    expect((await activity(board, board.owner, '?pair=no-such-pair')).status).toBe(400);
  });

  it('shows door staff guest activity only, observers everything, strangers nothing', async () => {
    const board = await createTestBoard(server.url, 'empty', 'roles');
    const door = await inviteMember(server.url, board, 'door', null, 'Door');
    const observer = await inviteMember(server.url, board, 'observer', null, 'Obs');
    const { doc } = await connect(board, board.owner);
    unwrap(addGuest(doc, { name: 'VIP' }));
    unwrap(raiseIncident(doc, { title: 'Queue too long', level: 'yellow' }, actorOf(board.owner), NOW));
    await waitForActions(board, board.owner, ['guest.added', 'incident.raised']);

    const seenByDoor = await activity(board, door);
    expect(seenByDoor.entries.length).toBeGreaterThan(0);
    expect(new Set(seenByDoor.entries.map((e) => e.list))).toEqual(new Set(['guests']));
    expect((await activity(board, door, '?list=incidents')).status).toBe(403);
    const seenByObserver = await activity(board, observer);
    expect(seenByObserver.entries.some((e) => e.action === 'incident.raised')).toBe(true);
    const stranger = await createTestBoard(server.url, 'empty', 'other');
    expect((await activity(board, stranger.owner)).status).toBe(404);
  });
});
