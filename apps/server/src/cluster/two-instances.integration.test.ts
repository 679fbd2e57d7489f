import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { CLOSE_UNAUTHORIZED, type PresenceMember } from '@pairboard/board-schema';
import { createScratchDatabase } from '@pairboard/db/testing';
import { postgresServerUrl } from '../testing/postgres-server.ts';
import { createTestBoard, inviteMember, type TestBoard, type TestUser } from '../testing/boards.ts';
import { startRedis, type RedisProcess } from '../testing/redis-process.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';
import { connectRaw } from '../testing/sync-clients.ts';
import { api, signUp } from '../testing/users.ts';
import { waitUntil } from '../testing/wait-for.ts';

/*
 * What Socket.IO and the HTTP API share across instances (SY14): two servers in this process on
 * one Postgres server and a private Redis. Presence rosters span both, a revocation on one
 * closes sockets on the other, and sign-in attempts are counted once for the cluster.
 */

type Roster = { boardId: string; members: PresenceMember[] };

describe.skipIf(postgresServerUrl === null)(
  'two instances share presence, revocations and rate limits (SY14)',
  () => {
    let redis: RedisProcess;
    let scratch: { url: string; drop(): Promise<void> };
    let a: TestServer;
    let b: TestServer;
    let board: TestBoard;
    const sockets: Socket[] = [];

    beforeAll(async () => {
      redis = await startRedis();
      scratch = await createScratchDatabase(postgresServerUrl ?? '');
      const shared = {
        databaseUrl: scratch.url,
        dataDir: undefined,
        redisUrl: redis.url,
        authAttemptsPerIpPerMinute: 6,
      };
      a = await startTestServer({ ...shared, instanceId: 'a' });
      b = await startTestServer({ ...shared, instanceId: 'b' });
      board = await createTestBoard(a.url, 'empty', 'two instances');
    }, 60_000);

    afterAll(async () => {
      for (const socket of sockets) socket.disconnect();
      await a?.close();
      await b?.close();
      await redis?.stop();
      await scratch?.drop();
    }, 60_000);

    async function staffSocket(server: TestServer, user: TestUser): Promise<Socket> {
      const socket = connectSocket(server.url, {
        transports: ['websocket'],
        forceNew: true,
        extraHeaders: { cookie: user.cookie, origin: server.url },
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    }

    it('shows people on either instance in one roster, and drops those who leave', async () => {
      const partner = await inviteMember(a.url, board, 'editor', 'remote', '李强');
      const ownerSocket = await staffSocket(a, board.owner);
      const partnerSocket = await staffSocket(b, partner);
      const rosters: Roster[] = [];
      ownerSocket.on('presence:roster', (roster: Roster) => rosters.push(roster));
      await ownerSocket.emitWithAck('board:join', { boardId: board.id });
      const joined = (await partnerSocket.emitWithAck('board:join', { boardId: board.id })) as {
        data: { roster: PresenceMember[] };
      };
      expect(joined.data.roster.map((m) => m.name).sort()).toEqual(['李强', '王经理']);
      await waitUntil(() => rosters.at(-1)?.members.length === 2, {
        message: 'the owner on instance a sees the partner on instance b',
      });
      partnerSocket.disconnect();
      await waitUntil(
        () =>
          rosters
            .at(-1)
            ?.members.map((m) => m.name)
            .join() === '王经理',
        {
          message: 'the partner left the roster on instance a',
        },
      );
    });

    it('revoking a token on one instance closes its sync socket on the other', async () => {
      const created = await api(a.url, 'POST', `/api/boards/${board.id}/tokens`, {
        body: { name: 'printer', role: 'editor' },
        cookie: board.owner.cookie,
      });
      const { token } = (await created.json()) as { token: { id: string; secret: string } };
      const sync = await connectRaw(b.syncUrl, board.id, { token: token.secret });
      await waitUntil(() => sync.frames.length > 0, { message: 'the socket on b is open and served' });
      const revoked = await api(a.url, 'DELETE', `/api/boards/${board.id}/tokens/${token.id}`, {
        cookie: board.owner.cookie,
      });
      expect(revoked.status).toBe(204);
      expect((await sync.closed).code).toBe(CLOSE_UNAUTHORIZED);
    });

    it('counts sign-in attempts once for the cluster, wherever they land', async () => {
      const user = await signUp(a.url, '张伟');
      const statuses: number[] = [];
      // Six per address per minute in all (the sign-up above took one): alternate the instances.
      for (let i = 0; i < 7; i += 1) {
        const server = i % 2 === 0 ? a : b;
        const response = await api(server.url, 'POST', '/api/auth/signin', {
          body: { email: user.email, password: 'wrong password!' },
        });
        statuses.push(response.status);
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
    });
  },
);
