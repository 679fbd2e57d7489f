import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { CLOSE_BOARD_NOT_FOUND, MessageType } from '@pairboard/board-schema';
import { addItem, readBoard, tickItem } from '@pairboard/sync-core';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { connectProvider, connectRaw } from '../testing/sync-clients.ts';
import { waitUntil } from '../testing/wait-for.ts';
import { createTestBoard } from '../testing/boards.ts';
import { SyncMessageType } from './sync-messages.ts';

const alice = { id: 'alice', name: '王芳' };
const bob = { id: 'bob', name: '李强' };

describe('sync endpoint with the stock y-websocket client', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('syncs the board the server created (SY1)', async () => {
    const board = await createTestBoard(t.url, 'demo');
    const boardId = board.id;
    const client = await connectProvider(t.syncUrl, boardId, board);
    try {
      const board = readBoard(client.doc);
      expect(board.meta?.name).toBe('SY1 board');
      expect(board.guests.length).toBeGreaterThan(100);
    } finally {
      client.destroy();
    }
  });

  it('converges two clients after concurrent edits made while apart', async () => {
    const board = await createTestBoard(t.url, 'empty');
    const boardId = board.id;
    const a = await connectProvider(t.syncUrl, boardId, board);
    const b = await connectProvider(t.syncUrl, boardId, board);
    try {
      const sectionId = readBoard(a.doc).sections[0]!.id;
      a.provider.disconnect();
      b.provider.disconnect();
      const itemA = addItem(a.doc, { sectionId, title: '检查签到台电源' });
      const itemB = addItem(b.doc, { sectionId, title: '确认嘉宾名单打印' });
      expect(itemA.ok && itemB.ok).toBe(true);
      if (itemA.ok) tickItem(a.doc, itemA.value, alice, new Date());
      if (itemB.ok) tickItem(b.doc, itemB.value, bob, new Date());
      a.provider.connect();
      b.provider.connect();
      await waitUntil(() => readBoard(a.doc).items.length === 2 && readBoard(b.doc).items.length === 2, {
        message: 'both clients see both items',
      });
      expect(readBoard(a.doc)).toEqual(readBoard(b.doc));
      expect(readBoard(a.doc).items.every((item) => item.status === 'done')).toBe(true);
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it('answers a joining client only with the fully loaded board, never an empty doc first (SY2)', async () => {
    const board = await createTestBoard(t.url, 'demo');
    const boardId = board.id;
    const raw = await connectRaw(t.syncUrl, boardId, board);
    try {
      // Our own sync step 1 with an empty state vector asks for everything.
      raw.ws.send(Uint8Array.from([MessageType.Sync, SyncMessageType.Step1, 1, 0]));
      await waitUntil(() =>
        raw.frames.some((f) => f[0] === MessageType.Sync && f[1] === SyncMessageType.Step2),
      );
      const firstSync = raw.frames.find((f) => f[0] === MessageType.Sync)!;
      // The server's first sync message is its state vector, and it already names the stored content.
      const decoder = decoding.createDecoder(firstSync);
      decoding.readVarUint(decoder);
      expect(decoding.readVarUint(decoder)).toBe(SyncMessageType.Step1);
      const stateVector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      expect(stateVector.size).toBeGreaterThan(0);
      const step2 = raw.frames.find((f) => f[0] === MessageType.Sync && f[1] === SyncMessageType.Step2)!;
      const d2 = decoding.createDecoder(step2);
      decoding.readVarUint(d2);
      decoding.readVarUint(d2);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, decoding.readVarUint8Array(d2));
      expect(readBoard(doc).guests.length).toBeGreaterThan(100);
      doc.destroy();
    } finally {
      raw.ws.close();
    }
  });

  it('closes a connection to an unknown board with 4404 and a reason', async () => {
    const elsewhere = await createTestBoard(t.url, 'empty');
    const raw = await connectRaw(t.syncUrl, 'no-such-board', elsewhere);
    const closed = await raw.closed;
    expect(closed.code).toBe(CLOSE_BOARD_NOT_FOUND);
    expect(closed.reason).toContain('does not exist');
    expect(raw.frames).toHaveLength(0);
  });

  it('relays awareness between clients and removes it when a client leaves', async () => {
    const board = await createTestBoard(t.url, 'empty');
    const boardId = board.id;
    const a = await connectProvider(t.syncUrl, boardId, board);
    const b = await connectProvider(t.syncUrl, boardId, board);
    try {
      a.provider.awareness.setLocalStateField('user', { name: '王芳', position: 'onsite' });
      await waitUntil(() => b.provider.awareness.getStates().has(a.doc.clientID), { message: 'b sees a' });
      a.destroy();
      await waitUntil(() => !b.provider.awareness.getStates().has(a.doc.clientID), { message: 'a removed' });
    } finally {
      b.destroy();
    }
  });
});
