import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardLogStats } from '@pairboard/db';
import {
  CLOSE_INVALID_UPDATE,
  CLOSE_MALFORMED_FRAME,
  CLOSE_RATE_LIMITED,
  CLOSE_UNKNOWN_MESSAGE,
  CLOSE_UNRESOLVED_DEPENDENCIES,
  MessageType,
} from '@pairboard/board-schema';
import { addGuest, readBoard } from '@pairboard/sync-core';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { connectProvider, connectRaw, type ProviderClient, type RawClient } from '../testing/sync-clients.ts';
import { waitUntil } from '../testing/wait-for.ts';
import { createTestBoard, type TestBoard } from '../testing/boards.ts';
import { encodeSyncStep2, encodeUpdate, SyncMessageType } from './sync-messages.ts';

const MAX_FRAME_BYTES = 64 * 1024;
const MESSAGES_PER_SECOND = 40;

/**
 * SY5/SY6: every kind of bad input closes the offending socket with a named code, is logged,
 * stores nothing, and leaves every other client and the stored board as they were.
 */
describe('bad input on the sync endpoint', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      maxFrameBytes: MAX_FRAME_BYTES,
      clientMessagesPerSecond: MESSAGES_PER_SECOND,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  /** A board with one healthy client connected, and the stored log size before the attack. */
  async function setUp() {
    const board = await createTestBoard(t.url, 'empty');
    const boardId = board.id;
    const healthy = await connectProvider(t.syncUrl, boardId, board);
    const before = await boardLogStats(t.server.db, boardId);
    const raw = await connectRaw(t.syncUrl, boardId, board);
    await waitUntil(() => raw.frames.length > 0, { message: 'raw client got the server sync step 1' });
    return { board, boardId, healthy, before, raw };
  }

  /** The attack stored nothing; another writer still reaches the healthy client; storage is intact. */
  async function expectUnaffected(
    board: TestBoard,
    healthy: ProviderClient,
    before: { updateCount: number },
  ) {
    const boardId = board.id;
    expect((await boardLogStats(t.server.db, boardId)).updateCount).toBe(before.updateCount);
    const writer = await connectProvider(t.syncUrl, boardId, board);
    addGuest(writer.doc, { name: '赵敏', walkIn: true });
    await waitUntil(() => readBoard(healthy.doc).guests.some((g) => g.name === '赵敏'), {
      message: 'healthy client receives a later edit',
    });
    writer.destroy();
    const fresh = await connectProvider(t.syncUrl, boardId, board);
    expect(readBoard(fresh.doc)).toEqual(readBoard(healthy.doc));
    expect(fresh.doc.store.pendingStructs).toBeNull();
    fresh.destroy();
    healthy.destroy();
  }

  function expectLogged(reason: string) {
    expect(t.logs.some((r) => r.level >= 40 && JSON.stringify(r).includes(reason))).toBe(true);
  }

  async function expectClosed(raw: RawClient, code: number) {
    const closed = await raw.closed;
    expect(closed.code).toBe(code);
    // Our own codes carry a reason; 1009 is the WebSocket standard's own "message too big".
    if (code >= 4000) expect(closed.reason.length).toBeGreaterThan(0);
  }

  it('closes with 4400 on a frame whose length prefix runs past its end', async () => {
    const { board, healthy, before, raw } = await setUp();
    raw.ws.send(Uint8Array.from([MessageType.Sync, SyncMessageType.Update, 50, 1, 2, 3]));
    await expectClosed(raw, CLOSE_MALFORMED_FRAME);
    expectLogged('malformed_frame');
    await expectUnaffected(board, healthy, before);
  });

  it('closes with 4400 on a text frame', async () => {
    const { board, healthy, before, raw } = await setUp();
    raw.ws.send('hello');
    await expectClosed(raw, CLOSE_MALFORMED_FRAME);
    expectLogged('text_frame');
    await expectUnaffected(board, healthy, before);
  });

  it('closes with 4415 on an unknown message type', async () => {
    const { board, healthy, before, raw } = await setUp();
    raw.ws.send(Uint8Array.from([7, 1, 2]));
    await expectClosed(raw, CLOSE_UNKNOWN_MESSAGE);
    expectLogged('unknown_message');
    await expectUnaffected(board, healthy, before);
  });

  it('closes with 4422 on an update that fails to decode', async () => {
    const { board, healthy, before, raw } = await setUp();
    raw.ws.send(encodeUpdate(Uint8Array.from([9, 200, 17, 3, 255, 255, 255, 1])));
    await expectClosed(raw, CLOSE_INVALID_UPDATE);
    expectLogged('rejected invalid update');
    await expectUnaffected(board, healthy, before);
  });

  it('closes with 4422 on a truncated update and leaves the doc untouched', async () => {
    const { board, healthy, before, raw } = await setUp();
    const source = new Y.Doc();
    Y.applyUpdate(source, Y.encodeStateAsUpdate(healthy.doc));
    const sv = Y.encodeStateVector(source);
    addGuest(source, { name: '一位很长名字的嘉宾'.repeat(20), company: '上海会展中心', walkIn: true });
    const update = Y.encodeStateAsUpdate(source, sv);
    raw.ws.send(encodeUpdate(update.slice(0, Math.floor(update.length * 0.6))));
    await expectClosed(raw, CLOSE_INVALID_UPDATE);
    source.destroy();
    await expectUnaffected(board, healthy, before);
  });

  it('closes an oversized frame with 1009 before reading it', async () => {
    const { board, healthy, before, raw } = await setUp();
    raw.ws.send(new Uint8Array(MAX_FRAME_BYTES + 1));
    await expectClosed(raw, 1009);
    expectLogged('frame_too_large');
    await expectUnaffected(board, healthy, before);
  });

  it('closes a flooding client with 4429', async () => {
    const { board, healthy, before, raw } = await setUp();
    const queryAwareness = Uint8Array.from([MessageType.QueryAwareness]);
    for (let i = 0; i < MESSAGES_PER_SECOND * 4; i++) raw.ws.send(queryAwareness);
    await expectClosed(raw, CLOSE_RATE_LIMITED);
    expectLogged('rate_limited');
    await expectUnaffected(board, healthy, before);
  });

  it('asks for missing predecessors instead of parking an update, then accepts both (SY7)', async () => {
    const { board, boardId, healthy, raw } = await setUp();
    const source = new Y.Doc();
    Y.applyUpdate(source, Y.encodeStateAsUpdate(healthy.doc));
    const base = Y.encodeStateVector(source);
    addGuest(source, { name: '先到的嘉宾', walkIn: true });
    const middle = Y.encodeStateVector(source);
    addGuest(source, { name: '后到的嘉宾', walkIn: true });
    const second = Y.encodeStateAsUpdate(source, middle);
    const framesBefore = raw.frames.length;
    raw.ws.send(encodeUpdate(second));
    // The server answers with a sync step 1 (its state vector) instead of storing the orphan.
    await waitUntil(() =>
      raw.frames.slice(framesBefore).some((f) => f[0] === MessageType.Sync && f[1] === SyncMessageType.Step1),
    );
    expect(readBoard(healthy.doc).guests.some((g) => g.name === '后到的嘉宾')).toBe(false);
    raw.ws.send(encodeSyncStep2(Y.encodeStateAsUpdate(source, base)));
    await waitUntil(
      () => readBoard(healthy.doc).guests.filter((g) => g.name.endsWith('到的嘉宾')).length === 2,
      {
        message: 'both guests arrive once the predecessor is supplied',
      },
    );
    raw.ws.close();
    source.destroy();
    const fresh = await connectProvider(t.syncUrl, boardId, board);
    expect(readBoard(fresh.doc)).toEqual(readBoard(healthy.doc));
    fresh.destroy();
    healthy.destroy();
  });

  it('closes with 4409 when the resync answer still lacks the predecessors, without a loop', async () => {
    const { board, healthy, before, raw } = await setUp();
    const source = new Y.Doc();
    Y.applyUpdate(source, Y.encodeStateAsUpdate(healthy.doc));
    addGuest(source, { name: '丢失的前一步', walkIn: true });
    const middle = Y.encodeStateVector(source);
    addGuest(source, { name: '孤儿更新', walkIn: true });
    const orphan = Y.encodeStateAsUpdate(source, middle);
    raw.ws.send(encodeUpdate(orphan));
    await waitUntil(
      () => raw.frames.filter((f) => f[0] === MessageType.Sync && f[1] === SyncMessageType.Step1).length >= 2,
    );
    raw.ws.send(encodeSyncStep2(orphan));
    await expectClosed(raw, CLOSE_UNRESOLVED_DEPENDENCIES);
    const step1s = raw.frames.filter((f) => f[0] === MessageType.Sync && f[1] === SyncMessageType.Step1);
    expect(step1s).toHaveLength(2); // the greeting and one resync request: no loop
    source.destroy();
    await expectUnaffected(board, healthy, before);
  });
});
