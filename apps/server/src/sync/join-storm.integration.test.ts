import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metricTotal } from '../testing/metrics.ts';
import { createTestBoard, type TestBoard } from '../testing/boards.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { connectProvider, type ProviderClient } from '../testing/sync-clients.ts';
import { WebsocketProvider } from 'y-websocket';
import { waitUntil } from '../testing/wait-for.ts';

/*
 * SY13: after an instance dies, its clients all reconnect to a survivor at once. 300 stock
 * y-websocket clients join one instance together on a board of about 500 KB: every one is
 * synced, none is refused, and the whole-board answer is encoded once, not once per joiner.
 */
const JOINERS = 300;

describe('join storm (SY13)', () => {
  let server: TestServer;
  let board: TestBoard;
  const joiners: WebsocketProvider[] = [];

  beforeAll(async () => {
    server = await startTestServer({ joinConcurrency: 4 });
    board = await createTestBoard(server.url, 'empty', 'storm board');
    const writer: ProviderClient = await connectProvider(server.syncUrl, board.id, board);
    const guests = writer.doc.getMap<string>('guests');
    writer.doc.transact(() => {
      for (let i = 0; i < 2_000; i += 1) guests.set(`g-${i}`, `${'嘉宾'.repeat(40)} ${i}`);
    });
    await waitUntil(async () => (await metricTotal(server, 'pairboard_stored_updates_total')) >= 1, {
      message: 'the big board is stored',
    });
    writer.destroy();
  }, 60_000);

  afterAll(async () => {
    for (const provider of joiners) {
      provider.awareness.destroy();
      provider.destroy();
    }
    await server?.close();
  });

  it('syncs 300 clients that join at once, refusing none, from one encoding of the board', async () => {
    const encodesBefore = await metricTotal(server, 'pairboard_full_state_encodes_total');
    const closes: number[] = [];
    const docs: Y.Doc[] = [];
    for (let i = 0; i < JOINERS; i += 1) {
      const doc = new Y.Doc();
      docs.push(doc);
      const provider = new WebsocketProvider(server.syncUrl, board.id, doc, {
        disableBc: true,
        params: { token: board.token },
      });
      provider.on('connection-close', (event) => {
        if (event && event.code !== 1000 && event.code !== 1005) closes.push(event.code);
      });
      joiners.push(provider);
    }
    await waitUntil(() => joiners.every((provider) => provider.synced), {
      timeoutMs: 60_000,
      message: 'all 300 joiners synced',
    });
    for (const doc of docs) expect(doc.getMap('guests').size).toBe(2_000);
    expect(closes).toEqual([]);
    // One board state, one encoding: the joiners shared it (a few if the board changed meanwhile).
    expect((await metricTotal(server, 'pairboard_full_state_encodes_total')) - encodesBefore).toBe(1);
    expect(await metricTotal(server, 'pairboard_join_queue')).toBe(0);
  }, 90_000);
});
