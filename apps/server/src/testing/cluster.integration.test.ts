import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '@pairboard/db/testing';
import { postgresServerUrl } from './postgres-server.ts';
import { createTestBoard } from './boards.ts';
import { getOnNewConnection, startCluster, type Cluster } from './cluster.ts';
import { startRedis, type RedisProcess } from './redis-process.ts';
import { connectProvider } from './sync-clients.ts';

/** Three GETs of /healthz through the balancer, each on a new connection: the ports they reached. */
async function healthzThroughBalancer(cluster: Cluster, times: number): Promise<number[]> {
  const before = cluster.balancer.routes.length;
  for (let i = 0; i < times; i += 1) {
    const response = await getOnNewConnection(`${cluster.url}/healthz`);
    expect(response.status).toBe(200);
  }
  return cluster.balancer.routes.slice(before).map((route) => route?.port ?? 0);
}

describe.skipIf(postgresServerUrl === null)(
  'startCluster (skipped unless DATABASE_URL is a postgres:// URL: PGlite cannot be shared by processes)',
  () => {
    let scratch: { url: string; drop(): Promise<void> };
    let redis: RedisProcess;
    let cluster: Cluster;

    beforeAll(async () => {
      scratch = await createScratchDatabase(postgresServerUrl ?? '');
      redis = await startRedis();
      cluster = await startCluster({ instances: 3, databaseUrl: scratch.url, redisUrl: redis.url });
    });
    afterAll(async () => {
      await cluster?.close();
      await redis?.stop();
      await scratch?.drop();
    });

    it('starts three instances on their own ports, and the balancer reaches each in turn', async () => {
      const ports = cluster.instances.map((instance) => Number(new URL(instance.url).port));
      expect(new Set(ports).size).toBe(3);

      const reached = await healthzThroughBalancer(cluster, 3);

      expect(new Set(reached)).toEqual(new Set(ports));
    });

    it('syncs a board made through one instance to a client on another, and through the balancer', async () => {
      const board = await createTestBoard(cluster.instances[0]!.url, 'demo');
      const direct = await connectProvider(cluster.instances[1]!.syncUrl, board.id, { token: board.token });
      const balanced = await connectProvider(cluster.syncUrl, board.id, { token: board.token });
      try {
        expect(direct.doc.share.size).toBeGreaterThan(0);
        expect(balanced.doc.share.size).toBeGreaterThan(0);
      } finally {
        direct.destroy();
        balanced.destroy();
      }
    });

    it('routes around a killed instance and serves again from it after a restart', async () => {
      const killedPort = Number(new URL(cluster.instances[1]!.url).port);

      await cluster.kill(1);

      expect(cluster.instances[1]!.child.signalCode).toBe('SIGKILL');
      const reached = await healthzThroughBalancer(cluster, 6);
      expect(reached).not.toContain(killedPort);
      expect(new Set(reached).size).toBe(2);

      const restarted = await cluster.restart(1);

      expect(cluster.instances[1]).toBe(restarted);
      expect(Number(new URL(restarted.url).port)).toBe(killedPort);
      expect(await healthzThroughBalancer(cluster, 3)).toContain(killedPort);
    });
  },
);
