import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import express from 'express';
import { Server as SocketIoServer } from 'socket.io';
import { openDatabase, type Database } from '@pairboard/db';
import type { Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { boardsRouter } from './http/boards.routes.ts';
import { healthRouter } from './http/health.routes.ts';
import { apiNotFound, errorMiddleware } from './http/error-middleware.ts';
import { registerBoardEvents } from './realtime/board-events.ts';
import { createPgDocStore } from './storage/pg-doc-store.ts';
import { RoomRegistry } from './sync/room-registry.ts';
import { createYjsEndpoint } from './sync/yjs-endpoint.ts';
import { mountWebApp } from './web/mount-web.ts';

export interface ServerDeps {
  logger?: Logger;
  now?: () => Date;
  /** Serve the built web app (off in API-only tests, which then start faster). */
  serveWeb?: boolean;
}

/** A running Pairboard server: HTTP, Socket.IO and the sync endpoint on one port. */
export interface PairboardServer {
  httpServer: HttpServer;
  db: Database;
  rooms: RoomRegistry;
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
  const rooms = new RoomRegistry({
    store: createPgDocStore(db),
    logger,
    metrics,
    idleUnloadMs: config.boardIdleUnloadMs,
    compactAfterUpdates: config.compactAfterUpdates,
  });
  let shuttingDown = false;

  const app = express();
  app.disable('x-powered-by');
  app.use(healthRouter(db, metrics, () => shuttingDown));
  app.use('/api', express.json({ limit: '256kb' }));
  app.use('/api/boards', boardsRouter(db, now));
  app.use('/api', apiNotFound);
  app.use('/api', errorMiddleware(logger));
  if (deps.serveWeb ?? true) await mountWebApp(app, logger);
  app.use(errorMiddleware(logger));

  const httpServer = createHttpServer(app);
  // destroyUpgrade: false, so engine.io leaves /yjs upgrades to us instead of destroying them.
  const io = new SocketIoServer(httpServer, { destroyUpgrade: false, serveClient: false });
  registerBoardEvents(io, db, logger);
  const yjs = createYjsEndpoint({
    registry: rooms,
    logger,
    metrics,
    maxFrameBytes: config.maxFrameBytes,
    messagesPerSecond: config.clientMessagesPerSecond,
    bytesPerSecond: config.clientBytesPerSecond,
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
    yjs.close();
    await io.close().catch(() => undefined);
    httpServer.closeAllConnections();
    await stopped;
    await rooms.close();
    await db.close();
  };

  return { httpServer, db, rooms, metrics, logger, close };
}
