import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import express from 'express';
import { Server as SocketIoServer } from 'socket.io';
import { openDatabase, type Database } from '@pairboard/db';
import type { Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { LiveConnections } from './access/live-connections.ts';
import { createActivityFeed } from './activity/activity-feed.ts';
import { BoardPeople } from './boards/board-people.ts';
import { registerClientNamespace } from './client-view/client-namespace.ts';
import { startEscalations } from './escalation/escalation-service.ts';
import { LeaseKeeper } from './cluster/lease-keeper.ts';
import { responseTargetsRouter } from './escalation/response-targets.routes.ts';
import { authRouter } from './http/auth.routes.ts';
import { AuthRateLimit } from './http/auth-rate-limit.ts';
import { boardsRouter } from './http/boards.routes.ts';
import { healthRouter } from './http/health.routes.ts';
import { boardInvitesRouter, invitesRouter } from './http/invites.routes.ts';
import { membersRouter } from './http/members.routes.ts';
import { sessionMiddleware } from './http/session-middleware.ts';
import { shareLinksRouter } from './http/share-links.routes.ts';
import { tokensRouter } from './http/tokens.routes.ts';
import { apiNotFound, errorMiddleware } from './http/error-middleware.ts';
import { registerBoardEvents } from './realtime/board-events.ts';
import { createPgDocStore } from './storage/pg-doc-store.ts';
import { createMemoryBoardLog } from './storage/memory-board-log.ts';
import { RoomRegistry } from './sync/room-registry.ts';
import { createYjsEndpoint } from './sync/yjs-endpoint.ts';
import { JoinGate } from './sync/join-gate.ts';
import { createLocalBus, type ClusterBus } from './cluster/bus.ts';
import { createRedisBus, type RedisBus } from './cluster/redis-bus.ts';
import { createAdapter } from '@socket.io/redis-adapter';
import { templatesRouter } from './templates/templates.routes.ts';
import { mountWebApp } from './web/mount-web.ts';

export interface ServerDeps {
  logger?: Logger;
  now?: () => Date;
  /** Serve the built web app (off in API-only tests, which then start faster). */
  serveWeb?: boolean;
  /** How often live connections are checked for expired credentials. */
  credentialSweepMs?: number;
}

/** A running Pairboard server: HTTP, Socket.IO and the sync endpoint on one port. */
export interface PairboardServer {
  httpServer: HttpServer;
  db: Database;
  rooms: RoomRegistry;
  bus: ClusterBus;
  metrics: Metrics;
  logger: Logger;
  /** Stops accepting, closes clients, makes every queued update durable, snapshots, closes the db. */
  close(): Promise<void>;
}

/** Builds the whole server; main.ts and the tests both call this, then listen. */
export async function createServer(config: Config, deps: ServerDeps = {}): Promise<PairboardServer> {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const now = deps.now ?? (() => new Date());
  const metrics = createMetrics();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const activity = createActivityFeed({ db, logger, now });
  const redis: RedisBus | null = config.redisUrl
    ? await createRedisBus({ url: config.redisUrl, instanceId: config.instanceId, logger })
    : null;
  const bus: ClusterBus = redis ?? createLocalBus(config.instanceId);
  // Rate limits shared by every instance; without an offline queue so an outage falls back at once.
  const limits = redis
    ? redis.publisher.duplicate({ enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : null;
  if (config.boardLog === 'memory') {
    logger.warn('BOARD_LOG=memory: board updates are kept in this process only and lost on restart');
  }
  const store =
    config.boardLog === 'memory' ? createMemoryBoardLog(createPgDocStore(db)) : createPgDocStore(db);
  const rooms = new RoomRegistry({
    store,
    bus,
    onDurable: activity.onDurable,
    logger,
    metrics,
    idleUnloadMs: config.boardIdleUnloadMs,
    compactAfterUpdates: config.compactAfterUpdates,
  });
  const live = new LiveConnections({ logger, now, bus, sweepIntervalMs: deps.credentialSweepMs ?? 2000 });
  await live.listen();
  const people = new BoardPeople(rooms, logger);
  const publicOrigin = config.publicOrigin;
  let shuttingDown = false;

  const httpServer = createHttpServer();
  // destroyUpgrade: false, so engine.io leaves /yjs upgrades to us instead of destroying them.
  const io = new SocketIoServer(httpServer, { destroyUpgrade: false, serveClient: false });
  // Rooms, broadcasts and fetchSockets span every instance (presence, alerts): SY14.
  const adapterClients = redis ? [redis.publisher.duplicate(), redis.subscriber.duplicate()] : [];
  for (const client of [...adapterClients, ...(limits ? [limits] : [])]) {
    // ioredis reconnects by itself; the bus already logs outages, so these stay quiet.
    client.on('error', () => undefined);
  }
  const [adapterPub, adapterSub] = adapterClients;
  if (adapterPub && adapterSub) io.adapter(createAdapter(adapterPub, adapterSub));
  registerBoardEvents(io, { db, live, logger, publicOrigin, now });
  const clientViews = registerClientNamespace(io, { db, rooms, live, logger, now, limits });
  const escalations = startEscalations({ db, rooms, io, httpServer, logger, now, bus });
  // In a cluster one instance leads escalations at a time; a crashed leader's lease runs out
  // and another takes over, scanning recent boards as on a start (SY14).
  const escalationLease = bus.clustered
    ? new LeaseKeeper({
        db,
        name: 'escalation',
        holder: config.instanceId,
        logger,
        onAcquired: () => escalations.lead(() => escalationLease?.isHeld() ?? false),
        onLost: () => escalations.follow(),
      })
    : null;
  escalationLease?.start();

  const app = express();
  app.disable('x-powered-by');
  // Behind a load balancer, the client's address is in X-Forwarded-For (TRUST_PROXY hops).
  app.set('trust proxy', config.trustProxy);
  app.use(healthRouter(db, metrics, () => shuttingDown));
  app.use('/api', express.json({ limit: '256kb' }));
  app.use('/api', sessionMiddleware(db, { publicOrigin, now }));
  const rateLimit = new AuthRateLimit({
    attemptsPerIpPerMinute: config.authAttemptsPerIpPerMinute,
    attemptsPerAccountPer15Minutes: config.authAttemptsPerAccountPer15Minutes,
    redis: limits,
  });
  app.use('/api/auth', authRouter({ db, rateLimit, live, publicOrigin, now }));
  app.use('/api/boards', boardsRouter({ db, now }));
  app.use('/api/boards/:id/members', membersRouter({ db, live, people }));
  app.use('/api/boards/:id/invites', boardInvitesRouter({ db, now }));
  app.use(
    '/api/boards/:id',
    shareLinksRouter({ db, live, onSettingsChanged: (boardId) => clientViews.refresh(boardId), now }),
  );
  app.use('/api/boards/:id', tokensRouter({ db, live, now }));
  app.use('/api/boards/:id', responseTargetsRouter({ db, rooms }));
  app.use('/api/boards/:id', activity.router(rooms));
  app.use('/api/invites', invitesRouter({ db, people, now }));
  app.use('/api/templates', templatesRouter({ db, rooms }));
  app.use('/api', apiNotFound);
  app.use('/api', errorMiddleware(logger));
  if (deps.serveWeb ?? true) await mountWebApp(app, logger);
  app.use(errorMiddleware(logger));
  httpServer.on('request', app);

  const yjs = createYjsEndpoint({
    db,
    registry: rooms,
    live,
    logger,
    metrics,
    maxFrameBytes: config.maxFrameBytes,
    messagesPerSecond: config.clientMessagesPerSecond,
    bytesPerSecond: config.clientBytesPerSecond,
    joinGate: new JoinGate(config.joinConcurrency, metrics),
    publicOrigin,
    now,
  });
  httpServer.on('upgrade', (req, socket, head) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (yjs.handles(pathname)) yjs.handleUpgrade(req, socket, head);
    else if (!pathname.startsWith('/socket.io/')) socket.destroy();
  });

  const close = async (): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    live.stop();
    await escalationLease?.stop();
    yjs.close();
    await io.close().catch(() => undefined);
    httpServer.closeAllConnections();
    await stopped;
    await rooms.close();
    await activity.flush();
    limits?.disconnect();
    for (const client of adapterClients) client.disconnect();
    await bus.close();
    await db.close();
  };

  return { httpServer, db, rooms, bus, metrics, logger, close };
}
