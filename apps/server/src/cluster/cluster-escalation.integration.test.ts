import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIncidents, raiseIncident } from '@pairboard/sync-core';
import { createScratchDatabase } from '@pairboard/db/testing';
import { postgresServerUrl } from '../testing/postgres-server.ts';
import { startCluster, type Cluster } from '../testing/cluster.ts';
import { createTestBoard, type TestBoard } from '../testing/boards.ts';
import { startRedis, type RedisProcess } from '../testing/redis-process.ts';
import { connectOwner, type ProviderClient } from '../testing/sync-clients.ts';
import { waitUntil } from '../testing/wait-for.ts';

/*
 * Single firing (SY14): with three instances holding the same board, an incident's escalation is
 * written once, by the instance that holds the `escalation` lease; when that instance is killed,
 * another takes the lease over and escalates what comes due. Real processes, real clock: the
 * incident is raised with a raise time chosen so that its 60-minute yellow target passes a few
 * seconds into the test.
 */

const YELLOW_TARGET_MS = 60 * 60_000;
const LEAD_MS = 10_000 + 5_000;

describe.skipIf(postgresServerUrl === null)('escalation with three instances (SY14)', () => {
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

  /** Raises a yellow incident whose target passes `dueInMs` from now. */
  const raiseDueIn = (client: ProviderClient, title: string, dueInMs: number): string => {
    const raisedAt = new Date(Date.now() - YELLOW_TARGET_MS + dueInMs);
    const raised = raiseIncident(
      client.doc,
      { title, level: 'yellow' },
      { id: 'u-1', name: '王芳' },
      raisedAt,
    );
    if (!raised.ok) throw new Error(raised.error.message);
    return raised.value;
  };

  const escalations = (client: ProviderClient, incidentId: string): number =>
    readIncidents(client.doc)
      .find((incident) => incident.id === incidentId)
      ?.timeline.filter((entry) => entry.kind === 'escalated').length ?? 0;

  const leaderIndex = (): number =>
    cluster.instances.findIndex(
      (instance) =>
        instance.child.exitCode === null &&
        instance.child.signalCode === null &&
        instance.output.join('').lastIndexOf('leading escalations') >
          instance.output.join('').lastIndexOf('following escalations'),
    );

  beforeAll(async () => {
    redis = await startRedis();
    scratch = await createScratchDatabase(postgresServerUrl ?? '');
    cluster = await startCluster({ databaseUrl: scratch.url, redisUrl: redis.url });
    board = await createTestBoard(cluster.instances[0]?.url ?? '', 'empty', 'escalation board');
    await waitUntil(() => leaderIndex() >= 0, { timeoutMs: LEAD_MS, message: 'one instance leads' });
  }, 90_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await cluster?.close();
    await redis?.stop();
    await scratch?.drop();
  }, 60_000);

  it('writes one escalated entry, though every instance holds the board', async () => {
    const onEach = [await connectTo(0), await connectTo(1), await connectTo(2)];
    const leader = leaderIndex();
    // Raised through a follower, so the leader learns of it from the cluster.
    const raiser = onEach[(leader + 1) % 3];
    if (!raiser) throw new Error('no follower client');
    const incidentId = raiseDueIn(raiser, '安检口排队过长', 3_000);

    await waitUntil(() => onEach.every((client) => escalations(client, incidentId) === 1), {
      timeoutMs: 20_000,
      message: 'every client sees the escalation',
    });
    // Give any other instance's timer (had it armed one) the time to fire too: it must not.
    const deadline = Date.now() + 3_000;
    await waitUntil(
      () => Date.now() > deadline || onEach.some((client) => escalations(client, incidentId) > 1),
      {
        timeoutMs: 5_000,
      },
    );
    for (const client of onEach) expect(escalations(client, incidentId)).toBe(1);
    const writers = cluster.instances.filter((instance) =>
      instance.output.join('').includes('incident escalated'),
    );
    expect(writers).toHaveLength(1);
    expect(writers[0]).toBe(cluster.instances[leader]);
  });

  it('a killed leader’s work is taken over: the next escalation is written once by another instance', async () => {
    const leader = leaderIndex();
    const survivors = [0, 1, 2].filter((i) => i !== leader);
    const watcher = await connectTo(survivors[0] ?? 0);
    await cluster.kill(leader);
    // Due while no one leads (the dead leader's lease has not run out yet).
    const incidentId = raiseDueIn(watcher, '无线麦克风没电', 1_000);
    await waitUntil(() => escalations(watcher, incidentId) === 1, {
      timeoutMs: LEAD_MS + 10_000,
      message: 'a surviving instance took the lease over and escalated',
    });
    const newLeader = leaderIndex();
    expect(survivors).toContain(newLeader);
    const other = await connectTo(survivors.find((i) => i !== newLeader) ?? 0);
    await waitUntil(() => escalations(other, incidentId) === 1, { timeoutMs: 10_000 });
    const deadline = Date.now() + 3_000;
    await waitUntil(() => Date.now() > deadline || escalations(watcher, incidentId) > 1, {
      timeoutMs: 5_000,
    });
    expect(escalations(watcher, incidentId)).toBe(1);
  }, 60_000);
});
