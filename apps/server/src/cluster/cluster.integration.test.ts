import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadBoardLog, openDatabase } from '@pairboard/db';
import { createScratchDatabase } from '@pairboard/db/testing';
import { postgresServerUrl } from '../testing/postgres-server.ts';
import { startCluster, type Cluster } from '../testing/cluster.ts';
import { createTestBoard, type TestBoard } from '../testing/boards.ts';
import { startRedis, type RedisProcess } from '../testing/redis-process.ts';
import { connectOwner, type ProviderClient } from '../testing/sync-clients.ts';
import { waitUntil } from '../testing/wait-for.ts';

/*
 * SY14 with real processes: three server instances on one Postgres server and a private Redis,
 * clients of the stock y-websocket package on different instances and behind a TCP balancer.
 * PGlite cannot be shared by processes, so this file runs in the Postgres server pass only.
 */

const CONVERGE_MS = 15_000;

function notes(client: ProviderClient): Y.Map<string> {
  return client.doc.getMap<string>('cluster-notes');
}

async function storedLog(databaseUrl: string, boardId: string) {
  const db = await openDatabase({ url: databaseUrl, max: 1 });
  try {
    const log = await loadBoardLog(db, boardId);
    if (!log) throw new Error('board not stored');
    return log;
  } finally {
    await db.close();
  }
}

/** Stored exactly once: seqs without holes, and no update stored twice. */
function expectEachUpdateStoredOnce(log: Awaited<ReturnType<typeof storedLog>>): void {
  const seqs = log.updates.map((update) => update.seq);
  const first = (log.snapshot?.uptoSeq ?? 0) + 1;
  expect(seqs).toEqual(seqs.map((_, i) => first + i));
  const distinct = new Set(log.updates.map((update) => Buffer.from(update.bytes).toString('base64')));
  expect(distinct.size).toBe(log.updates.length);
}

function rebuild(log: Awaited<ReturnType<typeof storedLog>>): Y.Doc {
  const doc = new Y.Doc();
  if (log.snapshot) Y.applyUpdate(doc, log.snapshot.bytes);
  for (const update of log.updates) Y.applyUpdate(doc, update.bytes);
  return doc;
}

describe.skipIf(postgresServerUrl === null)('three instances on Redis and Postgres (SY14)', () => {
  let redis: RedisProcess;
  let scratch: { url: string; drop(): Promise<void> };
  let cluster: Cluster;
  let board: TestBoard;
  const clients: ProviderClient[] = [];

  const connectTo = async (i: number): Promise<ProviderClient> => {
    const instance = cluster.instances[i];
    if (!instance) throw new Error(`no instance ${i}`);
    const client = await connectOwner(instance, board);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    redis = await startRedis();
    scratch = await createScratchDatabase(postgresServerUrl ?? '');
    cluster = await startCluster({ databaseUrl: scratch.url, redisUrl: redis.url });
    board = await createTestBoard(cluster.instances[0]?.url ?? '', 'empty', 'cluster board');
  }, 90_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await cluster?.close();
    await redis?.stop();
    await scratch?.drop();
  }, 60_000);

  it('clients on three instances converge after concurrent edits, awareness included, each update stored once', async () => {
    const [a, b, c] = [await connectTo(0), await connectTo(1), await connectTo(2)];
    const writers = [a, b, c];
    writers.forEach((client, w) => {
      for (let i = 0; i < 20; i += 1) notes(client).set(`w${w}-${i}`, `edit ${i} by ${w}`);
    });
    await waitUntil(() => writers.every((client) => notes(client).size === 60), {
      timeoutMs: CONVERGE_MS,
      message: 'all three see all 60 edits',
    });
    expect(notes(b).toJSON()).toEqual(notes(a).toJSON());
    expect(notes(c).toJSON()).toEqual(notes(a).toJSON());

    a.provider.awareness.setLocalStateField('user', { name: '王芳 on instance 0' });
    await waitUntil(
      () =>
        [...c.provider.awareness.getStates().values()].some(
          (state) => (state.user as { name?: string } | undefined)?.name === '王芳 on instance 0',
        ),
      { timeoutMs: CONVERGE_MS, message: 'a client on instance 2 sees awareness from instance 0' },
    );

    await waitUntil(
      async () =>
        notes({ doc: rebuild(await storedLog(scratch.url, board.id)) } as ProviderClient).size === 60,
      {
        timeoutMs: CONVERGE_MS,
        message: 'all 60 edits stored',
      },
    );
    expectEachUpdateStoredOnce(await storedLog(scratch.url, board.id));
  });

  it('kill -9 of an instance: its client reconnects through the balancer and none of its edits is lost', async () => {
    const before = cluster.balancer.routes.length;
    const victimClient = await connectOwner(cluster, board);
    clients.push(victimClient);
    const route = cluster.balancer.routes[before];
    const victim = route ? cluster.indexOfPort(route.port) : -1;
    expect(victim).toBeGreaterThanOrEqual(0);
    const witness = await connectTo((victim + 1) % 3);

    for (let i = 0; i < 20; i += 1) notes(victimClient).set(`victim-${i}`, `before the crash ${i}`);
    await waitUntil(() => notes(witness).get('victim-19') !== undefined, {
      timeoutMs: CONVERGE_MS,
      message: 'another instance’s client saw the last edit',
    });
    // One more edit, then the crash at once: it may or may not have been stored.
    notes(victimClient).set('victim-last', 'sent just before kill -9');
    await cluster.kill(victim);

    await waitUntil(() => notes(witness).get('victim-last') !== undefined, {
      timeoutMs: CONVERGE_MS,
      message: 'the reconnected client resent what the dead instance may not have stored',
    });
    expect(victimClient.provider.wsconnected).toBe(true);
    const third = await connectTo((victim + 2) % 3);
    for (let i = 0; i < 20; i += 1) expect(notes(third).get(`victim-${i}`)).toBe(`before the crash ${i}`);
    expect(notes(third).get('victim-last')).toBe('sent just before kill -9');

    const log = await storedLog(scratch.url, board.id);
    const stored = rebuild(log).getMap<string>('cluster-notes');
    for (let i = 0; i < 20; i += 1) expect(stored.get(`victim-${i}`)).toBe(`before the crash ${i}`);
    expect(stored.get('victim-last')).toBe('sent just before kill -9');
    expectEachUpdateStoredOnce(log);

    await cluster.restart(victim);
  });

  it('Redis restarted: instances reconnect, catch up on what they missed, and sync resumes', async () => {
    const [a, b] = [await connectTo(0), await connectTo(1)];
    await redis.kill('SIGKILL');
    // Written while the instances cannot tell each other: stored, but not heard on instance 1.
    notes(a).set('during-outage', 'written while Redis was down');
    await redis.restart();
    await waitUntil(() => notes(b).get('during-outage') !== undefined, {
      timeoutMs: CONVERGE_MS,
      message: 'instance 1 caught up from storage after Redis came back',
    });
    notes(b).set('after-outage', 'written after Redis came back');
    await waitUntil(() => notes(a).get('after-outage') !== undefined, {
      timeoutMs: CONVERGE_MS,
      message: 'updates flow between instances again',
    });
    expectEachUpdateStoredOnce(await storedLog(scratch.url, board.id));
  });
});
