import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { SYNC_PATH_PREFIX, CLOSE_SHUTTING_DOWN } from '@pairboard/board-schema';
import type { Database } from '@pairboard/db';
import type { LiveConnections } from '../access/live-connections.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { JoinGate } from './join-gate.ts';
import type { RoomRegistry } from './room-registry.ts';
import { SyncConnection } from './sync-connection.ts';
import { authorizeSync, type SyncGrant } from './authorize-sync.ts';

export interface YjsEndpointOptions {
  db: Database;
  registry: RoomRegistry;
  live: LiveConnections;
  logger: Logger;
  metrics: Metrics;
  maxFrameBytes: number;
  messagesPerSecond: number;
  bytesPerSecond: number;
  joinGate: JoinGate;
  publicOrigin: string | undefined;
  now: () => Date;
  /** How often to ping; a client that missed the previous ping is dropped. */
  heartbeatMs?: number;
}

/** The y-websocket compatible endpoint at `/yjs/<boardId>` and `/yjs/<boardId>~contacts`. */
export interface YjsEndpoint {
  handles(pathname: string): boolean;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

export function createYjsEndpoint(options: YjsEndpointOptions): YjsEndpoint {
  // maxPayload makes ws close an oversized frame with 1009 before it is buffered in full.
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes });
  const alive = new WeakSet<WebSocket>();
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  const onConnection = (ws: WebSocket, grant: SyncGrant): void => {
    options.metrics.syncConnections.inc();
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    const connection = new SyncConnection(
      ws,
      grant.docName,
      { authorId: grant.access.actorId, writePolicy: grant.writePolicy },
      options,
    );
    // Only what revocation needs is kept for the connection's lifetime, not the whole grant.
    const unregister = options.live.add({
      tags: grant.access.tags,
      expiresAt: grant.access.expiresAt,
      revalidate: grant.revalidate,
      close: (code, reason) => connection.close(code, reason),
    });
    ws.on('close', () => {
      options.metrics.syncConnections.dec();
      unregister();
    });
    void connection.start();
  };

  return {
    handles: (pathname) => pathname.startsWith(SYNC_PATH_PREFIX),
    handleUpgrade(req, socket, head) {
      authorizeSync(options.db, req, options).then(
        (decision) => {
          wss.handleUpgrade(req, socket, head, (ws) => {
            if (decision.ok) {
              onConnection(ws, decision);
              return;
            }
            options.metrics.rejectedFrames.inc({ reason: `refused_${decision.code}` });
            ws.close(decision.code, decision.reason);
          });
        },
        (error: unknown) => {
          options.logger.error({ err: error }, 'could not authorize a sync connection');
          socket.destroy();
        },
      );
    },
    close() {
      clearInterval(heartbeat);
      for (const ws of wss.clients) ws.close(CLOSE_SHUTTING_DOWN, 'server shutting down');
      wss.close();
    },
  };
}
