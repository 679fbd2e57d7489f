import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { SYNC_PATH_PREFIX, CLOSE_BOARD_NOT_FOUND, CLOSE_SHUTTING_DOWN } from '@pairboard/board-schema';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { RoomRegistry } from './room-registry.ts';
import { SyncConnection } from './sync-connection.ts';

export interface YjsEndpointOptions {
  registry: RoomRegistry;
  logger: Logger;
  metrics: Metrics;
  maxFrameBytes: number;
  messagesPerSecond: number;
  bytesPerSecond: number;
  /** How often to ping; a client that missed the previous ping is dropped. */
  heartbeatMs?: number;
}

const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The y-websocket compatible endpoint at `/yjs/<boardId>`. */
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

  const onConnection = (ws: WebSocket, boardId: string): void => {
    options.metrics.syncConnections.inc();
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    ws.on('close', () => options.metrics.syncConnections.dec());
    if (!BOARD_ID_PATTERN.test(boardId)) {
      ws.close(CLOSE_BOARD_NOT_FOUND, 'board ids are 1 to 64 letters, digits, - or _');
      return;
    }
    const connection = new SyncConnection(ws, boardId, options);
    void connection.start();
  };

  return {
    handles: (pathname) => pathname.startsWith(SYNC_PATH_PREFIX),
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const boardId = safeDecode(url.pathname.slice(SYNC_PATH_PREFIX.length));
      wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, boardId));
    },
    close() {
      clearInterval(heartbeat);
      for (const ws of wss.clients) ws.close(CLOSE_SHUTTING_DOWN, 'server shutting down');
      wss.close();
    },
  };
}

/** A malformed %-escape must not throw inside the upgrade listener; it just fails the id check. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
