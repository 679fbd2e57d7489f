import type { Server, Socket } from 'socket.io';
import type { Redis } from 'ioredis';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { hashToken, isExpired, verifyPin } from '@pairboard/auth';
import { getClientViewSettings, getShareLinkByTokenHash, type Database } from '@pairboard/db';
import { readBoard } from '@pairboard/sync-core';
import type { LiveConnections } from '../access/live-connections.ts';
import { createLimiter } from '../http/auth-rate-limit.ts';
import type { Logger } from '../logger.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { computeClientView } from './compute-client-view.ts';

/** The client view is recomputed at most this often per board, however busy the board is. */
const MIN_INTERVAL_MS = 1000;

export interface ClientNamespaceDeps {
  db: Database;
  rooms: RoomRegistry;
  live: LiveConnections;
  logger: Logger;
  now: () => Date;
  /** Shared budgets across instances (see createLimiter). */
  limits?: Redis | null;
}

interface ClientSocketData {
  linkId: string;
  boardId: string;
  expiresAt: Date | null;
}

interface BoardFeed {
  viewers: number;
  release: () => void;
  timer: NodeJS.Timeout | null;
  lastSentMs: number;
}

/**
 * `/client`: share-link viewers. They never receive the board document; the server computes the
 * redacted ClientView and pushes `client:view` on connect and after changes, throttled (SY12).
 */
export function registerClientNamespace(
  io: Server,
  deps: ClientNamespaceDeps,
): { refresh(boardId: string): void } {
  const namespace = io.of('/client');
  // PINs are short: five tries per link and address per ten minutes.
  const pinAttempts = createLimiter({ keyPrefix: 'client-pin', points: 5, duration: 600 }, deps.limits);
  const feeds = new Map<string, BoardFeed>();

  namespace.use((socket, next) => {
    authorize(socket, deps, pinAttempts).then(
      (result) => {
        if (typeof result === 'string') next(new Error(result));
        else {
          socket.data = result;
          next();
        }
      },
      (error: unknown) => {
        deps.logger.error({ err: error }, 'client link handshake failed');
        next(new Error('internal'));
      },
    );
  });

  const send = async (boardId: string): Promise<void> => {
    const feed = feeds.get(boardId);
    if (!feed) return;
    feed.lastSentMs = Date.now();
    const settings = await getClientViewSettings(deps.db, boardId);
    const room = deps.rooms.peek(boardId);
    if (!room) return;
    const view = computeClientView(readBoard(room.doc), settings, deps.now());
    // Each instance computes the view for its own viewers (SY14): never for other instances'.
    namespace.local.to(roomName(boardId)).emit('client:view', view);
  };

  const schedule = (boardId: string): void => {
    const feed = feeds.get(boardId);
    if (!feed || feed.timer) return;
    const wait = Math.max(0, feed.lastSentMs + MIN_INTERVAL_MS - Date.now());
    feed.timer = setTimeout(() => {
      feed.timer = null;
      send(boardId).catch((error: unknown) =>
        deps.logger.warn({ err: error, boardId }, 'client view failed'),
      );
    }, wait);
  };

  namespace.on('connection', (socket) => {
    void onConnection(socket).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'client view connection failed');
      socket.disconnect(true);
    });
  });

  async function onConnection(socket: Socket): Promise<void> {
    const { linkId, boardId, expiresAt } = socket.data as ClientSocketData;
    const unregister = deps.live.add({
      tags: [`link:${linkId}`],
      expiresAt,
      revalidate: () => Promise.resolve(null),
      close: () => {
        socket.emit('client:revoked', { reason: 'this link was revoked or has expired' });
        socket.disconnect(true);
      },
    });
    await socket.join(roomName(boardId));
    let feed = feeds.get(boardId);
    if (!feed) {
      const release = await deps.rooms.withRoom(boardId, (room) =>
        Promise.resolve(room.watch(() => schedule(boardId))),
      );
      if (!release) {
        socket.disconnect(true);
        unregister();
        return;
      }
      feed = { viewers: 0, release, timer: null, lastSentMs: 0 };
      feeds.set(boardId, feed);
    }
    feed.viewers += 1;
    socket.on('disconnect', () => {
      unregister();
      const current = feeds.get(boardId);
      if (!current) return;
      current.viewers -= 1;
      if (current.viewers > 0) return;
      if (current.timer) clearTimeout(current.timer);
      current.release();
      feeds.delete(boardId);
    });
    // The newcomer gets the current view at once; others at most once a second.
    const settings = await getClientViewSettings(deps.db, boardId);
    const room = deps.rooms.peek(boardId);
    if (room) socket.emit('client:view', computeClientView(readBoard(room.doc), settings, deps.now()));
  }

  return { refresh: (boardId) => schedule(boardId) };
}

/** Resolves the link from the handshake, or a short reason the client screen can show. */
async function authorize(
  socket: Socket,
  deps: ClientNamespaceDeps,
  pinAttempts: RateLimiterAbstract,
): Promise<ClientSocketData | string> {
  const auth = (socket.handshake.auth ?? {}) as { token?: unknown; pin?: unknown };
  if (typeof auth.token !== 'string' || auth.token.length === 0) return 'unauthorized';
  const link = await getShareLinkByTokenHash(deps.db, hashToken(auth.token));
  if (!link || link.revokedAt || isExpired(link.expiresAt, deps.now())) return 'unauthorized';
  if (link.pinHash) {
    if (typeof auth.pin !== 'string' || auth.pin.length === 0) return 'pin_required';
    try {
      await pinAttempts.consume(`${link.id}:${socket.handshake.address}`);
    } catch (error) {
      if (error instanceof RateLimiterRes) return 'pin_locked';
      throw error;
    }
    if (!(await verifyPin(link.pinHash, auth.pin))) return 'pin_incorrect';
  }
  return { linkId: link.id, boardId: link.boardId, expiresAt: link.expiresAt };
}

function roomName(boardId: string): string {
  return `client:${boardId}`;
}
