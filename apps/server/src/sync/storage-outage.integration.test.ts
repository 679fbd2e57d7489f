import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBoardLog, openDatabase } from '@pairboard/db';
import { createScratchDatabase } from '@pairboard/db/testing';
import * as Y from 'yjs';
import { metricTotal } from '../testing/metrics.ts';
import { postgresServerUrl } from '../testing/postgres-server.ts';
import { createTestBoard, type TestBoard } from '../testing/boards.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { connectOwner, type ProviderClient } from '../testing/sync-clients.ts';
import { startTcpProxy, type TcpProxy } from '../testing/tcp-proxy.ts';
import { waitUntil } from '../testing/wait-for.ts';

/*
 * SY15: Postgres briefly unreachable (the link cut by a TCP proxy). The instance keeps its
 * clients connected, forwards nothing it could not store, refuses new updates with a clear
 * signal, and when Postgres is back stores what it held, asks for what it refused, and goes on,
 * without a restart. Needs a Postgres server behind the proxy, so it runs in that pass only.
 */

describe.skipIf(postgresServerUrl === null)('Postgres briefly unreachable (SY15)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let proxy: TcpProxy;
  let server: TestServer;
  let board: TestBoard;
  let writer: ProviderClient;
  let reader: ProviderClient;

  beforeAll(async () => {
    scratch = await createScratchDatabase(postgresServerUrl ?? '');
    const direct = new URL(scratch.url);
    proxy = await startTcpProxy({
      upstreams: [{ host: direct.hostname, port: Number(direct.port || 5432) }],
    });
    const viaProxy = new URL(scratch.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    server = await startTestServer({ databaseUrl: viaProxy.toString(), dataDir: undefined });
    board = await createTestBoard(server.url, 'empty', 'outage board');
    // The owner may write any root; this test writes plain notes.
    writer = await connectOwner(server, board);
    reader = await connectOwner(server, board);
  }, 60_000);

  afterAll(async () => {
    writer?.destroy();
    reader?.destroy();
    await server?.close();
    await proxy?.close();
    await scratch?.drop();
  }, 60_000);

  it('holds and refuses writes while Postgres is away, then stores them all and recovers by itself', async () => {
    const notes = (client: ProviderClient) => client.doc.getMap<string>('notes');
    notes(writer).set('before', 'stored normally');
    await waitUntil(() => notes(reader).get('before') !== undefined, { message: 'normal sync' });

    await proxy.cut();
    notes(writer).set('held', 'sent when the append failed');
    await waitUntil(() => server.logs.some((log) => log.msg.startsWith('storage unavailable')), {
      timeoutMs: 10_000,
      message: 'the room noticed storage is away',
    });
    notes(writer).set('refused', 'sent while storage was known to be away');
    await waitUntil(async () => (await metricTotal(server, 'pairboard_storage_refusals_total')) > 0, {
      timeoutMs: 5_000,
      message: 'the update was refused with storage-unavailable',
    });
    // Nothing that is not durable reaches anyone; both clients stay connected.
    expect(notes(reader).get('held')).toBeUndefined();
    expect(notes(reader).get('refused')).toBeUndefined();
    expect(writer.provider.wsconnected && reader.provider.wsconnected).toBe(true);

    proxy.restore();
    await waitUntil(
      () => notes(reader).get('held') !== undefined && notes(reader).get('refused') !== undefined,
      {
        timeoutMs: 15_000,
        message: 'the held batch was stored and the refused update resent once Postgres was back',
      },
    );
    notes(writer).set('after', 'normal again');
    await waitUntil(() => notes(reader).get('after') !== undefined, { message: 'sync as usual' });

    const db = await openDatabase({ url: scratch.url, max: 1 });
    try {
      const log = await loadBoardLog(db, board.id);
      const stored = new Y.Doc();
      if (log?.snapshot) Y.applyUpdate(stored, log.snapshot.bytes);
      for (const update of log?.updates ?? []) Y.applyUpdate(stored, update.bytes);
      expect(stored.getMap('notes').toJSON()).toEqual({
        before: 'stored normally',
        held: 'sent when the append failed',
        refused: 'sent while storage was known to be away',
        after: 'normal again',
      });
    } finally {
      await db.close();
    }
  }, 60_000);
});
