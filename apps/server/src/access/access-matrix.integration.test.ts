import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { io as connectSocket } from 'socket.io-client';
import { MessageType } from '@pairboard/board-schema';
import { checkInGuest, readBoard, tickItem, untickItem } from '@pairboard/sync-core';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { createBoardWorld, type BoardWorld } from '../testing/board-world.ts';
import { connectRaw, type SyncCredentials } from '../testing/sync-clients.ts';
import { api, type TestUser } from '../testing/users.ts';
import { waitForEvent, waitUntil } from '../testing/wait-for.ts';
import { encodeSyncStep1, encodeUpdate, SyncMessageType } from '../sync/sync-messages.ts';

/** How one kind of caller presents itself on each transport. */
interface Actor {
  http: { cookie?: string; bearer?: string };
  sync: SyncCredentials | null;
  socket: { extraHeaders?: Record<string, string>; auth?: Record<string, string> };
  clientLinkToken?: string;
}

type Action =
  | 'http: read board'
  | 'http: manage members'
  | 'http: create invite'
  | 'http: create client link'
  | 'http: create access token'
  | 'http: read audit'
  | 'sync: read doc'
  | 'sync: read contacts'
  | 'sync: write checklist'
  | 'sync: check guest in'
  | 'socket.io: join presence'
  | 'socket.io: read client view';

const ACTIONS: Action[] = [
  'http: read board',
  'http: manage members',
  'http: create invite',
  'http: create client link',
  'http: create access token',
  'http: read audit',
  'sync: read doc',
  'sync: read contacts',
  'sync: write checklist',
  'sync: check guest in',
  'socket.io: join presence',
  'socket.io: read client view',
];

/** Allowed actions per caller; every other cell of the table must be denied. */
const ALLOWED: Record<string, Action[]> = {
  owner: ACTIONS.filter((a) => a !== 'socket.io: read client view'),
  editor: [
    'http: read board',
    'sync: read doc',
    'sync: read contacts',
    'sync: write checklist',
    'sync: check guest in',
    'socket.io: join presence',
  ],
  door: ['http: read board', 'sync: read doc', 'sync: check guest in', 'socket.io: join presence'],
  observer: ['http: read board', 'sync: read doc', 'sync: read contacts', 'socket.io: join presence'],
  'observer token': ['http: read board', 'sync: read doc', 'sync: read contacts', 'socket.io: join presence'],
  'signed-in stranger': [],
  anonymous: [],
  'client link': ['socket.io: read client view'],
};

describe('access matrix: role × transport × action', () => {
  let t: TestServer;
  let world: BoardWorld;
  const actors: Record<string, Actor> = {};

  beforeAll(async () => {
    t = await startTestServer();
    world = await createBoardWorld(t.url);
    const user = (u: TestUser): Actor => ({
      http: { cookie: u.cookie },
      sync: { cookie: u.cookie, origin: t.url },
      socket: { extraHeaders: { cookie: u.cookie, origin: t.url } },
    });
    actors.owner = user(world.owner);
    actors.editor = user(world.editor);
    actors.door = user(world.door);
    actors.observer = user(world.observer);
    actors['signed-in stranger'] = user(world.stranger);
    actors['observer token'] = {
      http: { bearer: world.observerToken },
      sync: { token: world.observerToken },
      socket: { auth: { token: world.observerToken } },
    };
    actors.anonymous = { http: {}, sync: null, socket: {} };
    actors['client link'] = {
      http: { bearer: world.clientLink.token },
      sync: { token: world.clientLink.token },
      socket: { auth: { token: world.clientLink.token } },
      clientLinkToken: world.clientLink.token,
    };
  });
  afterAll(async () => {
    await t.close();
  });

  const http = async (actor: Actor, method: string, path: string, body?: unknown): Promise<boolean> => {
    const response = await api(t.url, method, path, { ...actor.http, body });
    if (response.ok) return true;
    expect([401, 403, 404]).toContain(response.status);
    return false;
  };

  /** Opens the doc raw; allowed when the server answers our sync step 1 with the board's content. */
  const syncRead = async (actor: Actor, docName: string): Promise<boolean> => {
    const raw = await connectRaw(t.syncUrl, docName, actor.sync);
    const outcome = await Promise.race([
      raw.closed.then((closed) => {
        expect([4401, 4403]).toContain(closed.code);
        return false;
      }),
      waitUntil(() => raw.frames.length > 0, { timeoutMs: 5000 }).then(() => true),
    ]);
    if (outcome) {
      raw.ws.send(encodeSyncStep1(new Uint8Array([0])));
      await waitUntil(() =>
        raw.frames.some((f) => f[0] === MessageType.Sync && f[1] === SyncMessageType.Step2),
      );
      raw.ws.close();
    }
    return outcome;
  };

  /** Sends one change; allowed when the server's doc has it, denied on close or "permission denied". */
  const syncWrite = async (
    actor: Actor,
    change: (doc: Y.Doc) => void,
    applied: (doc: Y.Doc) => boolean,
  ): Promise<boolean> => {
    const raw = await connectRaw(t.syncUrl, world.board.id, actor.sync);
    const opened = await Promise.race([
      raw.closed.then(() => false),
      waitUntil(() => raw.frames.length > 0, { timeoutMs: 5000 }).then(() => true),
    ]);
    if (!opened) return false;
    const room = t.server.rooms.peek(world.board.id)!;
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(room.doc));
    const before = Y.encodeStateVector(local);
    change(local);
    raw.ws.send(encodeUpdate(Y.encodeStateAsUpdate(local, before)));
    local.destroy();
    const denied = () => raw.frames.some((f) => f[0] === MessageType.Auth);
    await waitUntil(() => denied() || applied(room.doc), {
      message: 'the server either applied or refused the write',
    });
    raw.ws.close();
    return !denied() && applied(room.doc);
  };

  const writeChecklist = (actor: Actor) => {
    const item = readBoard(t.server.rooms.peek(world.board.id)?.doc ?? new Y.Doc()).items[0];
    const by = { id: 'matrix', name: 'Matrix' };
    return syncWrite(
      actor,
      (doc) => {
        const current = readBoard(doc).items.find((i) => i.id === item?.id);
        if (current?.status === 'done') untickItem(doc, current.id, by, new Date());
        else if (current) tickItem(doc, current.id, by, new Date());
      },
      (doc) => readBoard(doc).items.find((i) => i.id === item?.id)?.status !== item?.status,
    );
  };

  const checkIn = (actor: Actor) => {
    const guest = readBoard(t.server.rooms.peek(world.board.id)!.doc).guests.find((g) => !g.checkIn)!;
    return syncWrite(
      actor,
      (doc) => checkInGuest(doc, guest.id, { id: 'matrix', name: 'Matrix' }, new Date()),
      (doc) => readBoard(doc).guests.find((g) => g.id === guest.id)?.checkIn !== null,
    );
  };

  const joinPresence = async (actor: Actor): Promise<boolean> => {
    const socket = connectSocket(t.url, { transports: ['websocket'], forceNew: true, ...actor.socket });
    try {
      const connected = await Promise.race([
        waitForEvent(socket, 'connect').then(() => true),
        waitForEvent(socket, 'connect_error').then(() => false),
      ]);
      if (!connected) return false;
      const ack = (await socket.emitWithAck('board:join', { boardId: world.board.id })) as { ok: boolean };
      return ack.ok;
    } finally {
      socket.disconnect();
    }
  };

  const readClientView = async (actor: Actor): Promise<boolean> => {
    const socket = connectSocket(`${t.url}/client`, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: actor.socket.extraHeaders,
      auth: actor.clientLinkToken ? { token: actor.clientLinkToken } : (actor.socket.auth ?? {}),
    });
    try {
      return await Promise.race([
        waitForEvent(socket, 'client:view').then(() => true),
        waitForEvent(socket, 'connect_error').then(() => false),
      ]);
    } finally {
      socket.disconnect();
    }
  };

  const perform = (actor: Actor, action: Action): Promise<boolean> => {
    const board = `/api/boards/${world.board.id}`;
    switch (action) {
      case 'http: read board':
        return http(actor, 'GET', board);
      case 'http: manage members':
        return http(actor, 'PATCH', `${board}/members/${world.editor.id}`, {
          role: 'editor',
          position: 'onsite',
        });
      case 'http: create invite':
        return http(actor, 'POST', `${board}/invites`, { role: 'editor', position: 'remote' });
      case 'http: create client link':
        return http(actor, 'POST', `${board}/share-links`, { name: 'matrix' });
      case 'http: create access token':
        return http(actor, 'POST', `${board}/tokens`, { name: 'matrix', role: 'observer' });
      case 'http: read audit':
        return http(actor, 'GET', `${board}/audit`);
      case 'sync: read doc':
        return syncRead(actor, world.board.id);
      case 'sync: read contacts':
        return syncRead(actor, `${world.board.id}~contacts`);
      case 'sync: write checklist':
        return writeChecklist(actor);
      case 'sync: check guest in':
        return checkIn(actor);
      case 'socket.io: join presence':
        return joinPresence(actor);
      case 'socket.io: read client view':
        return readClientView(actor);
    }
  };

  const cells = Object.entries(ALLOWED).flatMap(([actor, allowed]) =>
    ACTIONS.map((action) => ({ actor, action, expected: allowed.includes(action) ? 'allowed' : 'denied' })),
  );

  it.each(cells)('$actor → $action: $expected', async ({ actor, action, expected }) => {
    const outcome = (await perform(actors[actor]!, action)) ? 'allowed' : 'denied';
    expect(outcome).toBe(expected);
  });
});
