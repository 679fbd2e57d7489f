import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import { BoardJoin, ErrorCode, PresenceView, type Ack, type PresenceMember } from '@pairboard/board-schema';
import type { Database } from '@pairboard/db';
import { resolveBoardAccess, type Caller } from '../access/caller.ts';
import type { LiveConnections } from '../access/live-connections.ts';
import type { Logger } from '../logger.ts';
import { identifySocket } from './socket-identity.ts';

/** A client that sends this many invalid payloads in a row is disconnected. */
const MAX_INVALID_PAYLOADS = 20;

interface SocketState {
  boardId: string | null;
  member: PresenceMember | null;
  invalidPayloads: number;
  unregister: (() => void) | null;
}

type AckFn = (response: Ack<unknown>) => void;

export interface BoardEventsDeps {
  db: Database;
  live: LiveConnections;
  logger: Logger;
  publicOrigin: string | undefined;
  now: () => Date;
}

/**
 * Presence over Socket.IO for staff: the handshake needs a session (from this origin) or an
 * access token; `board:join` needs a role on the board. Every handler validates first and
 * answers through its ack; nothing thrown escapes a handler.
 */
export function registerBoardEvents(io: Server, deps: BoardEventsDeps): void {
  io.use((socket, next) => {
    identifySocket(deps.db, socket, deps).then(
      (caller) => {
        if (!caller) {
          next(new Error('unauthorized'));
          return;
        }
        (socket.data as { caller?: Caller }).caller = caller;
        next();
      },
      (error: unknown) => {
        deps.logger.error({ err: error }, 'socket handshake failed');
        next(new Error('internal'));
      },
    );
  });

  /**
   * Everyone in the board's room on every instance: each socket carries its presence entry in
   * `socket.data.member`, which the Redis adapter reads from other instances (SY14).
   */
  const roster = async (boardId: string): Promise<PresenceMember[]> => {
    const sockets = await io.in(roomName(boardId)).fetchSockets();
    return sockets
      .map((socket) => (socket.data as { member?: PresenceMember }).member)
      .filter((member): member is PresenceMember => member !== undefined)
      .sort((a, b) => a.connectedAt.localeCompare(b.connectedAt));
  };

  const broadcastRoster = (boardId: string): void => {
    roster(boardId).then(
      (members) => io.to(roomName(boardId)).emit('presence:roster', { boardId, members }),
      (error: unknown) => deps.logger.warn({ err: error, boardId }, 'could not gather the presence roster'),
    );
  };

  const leave = (socket: Socket, state: SocketState): void => {
    state.unregister?.();
    state.unregister = null;
    if (!state.boardId) return;
    delete (socket.data as { member?: PresenceMember }).member;
    void socket.leave(roomName(state.boardId));
    const boardId = state.boardId;
    state.boardId = null;
    state.member = null;
    broadcastRoster(boardId);
  };

  io.on('connection', (socket) => {
    const caller = (socket.data as { caller: Caller }).caller;
    const state: SocketState = { boardId: null, member: null, invalidPayloads: 0, unregister: null };
    const handle = <S extends z.ZodType>(
      event: string,
      schema: S,
      run: (input: z.infer<S>) => Promise<unknown>,
    ) => {
      socket.on(event, (payload: unknown, ack?: unknown) => {
        const reply: AckFn = typeof ack === 'function' ? (ack as AckFn) : () => undefined;
        const parsed = schema.safeParse(payload);
        if (!parsed.success) {
          state.invalidPayloads += 1;
          reply({
            ok: false,
            error: {
              code: ErrorCode.BadRequest,
              message: parsed.error.issues.map((i) => i.message).join('; '),
            },
          });
          if (state.invalidPayloads >= MAX_INVALID_PAYLOADS) socket.disconnect(true);
          return;
        }
        state.invalidPayloads = 0;
        run(parsed.data).then(
          (data) => reply({ ok: true, data }),
          (error: unknown) => {
            if (error instanceof EventError) {
              reply({ ok: false, error: { code: error.code, message: error.message } });
              return;
            }
            deps.logger.error({ err: error, event }, 'socket handler failed');
            reply({ ok: false, error: { code: ErrorCode.Internal, message: 'internal error' } });
          },
        );
      });
    };

    handle('board:join', BoardJoin, async ({ boardId }) => {
      const access = await resolveBoardAccess(deps.db, caller, boardId);
      if (!access)
        throw new EventError(
          ErrorCode.BoardNotFound,
          `board '${boardId}' does not exist or you are not a member`,
        );
      leave(socket, state);
      const member: PresenceMember = {
        connectionId: socket.id,
        userId: access.actorId,
        name: access.actorName,
        position: access.position,
        role: access.role,
        view: null,
        connectedAt: new Date().toISOString(),
      };
      state.boardId = boardId;
      state.member = member;
      state.unregister = deps.live.add({
        tags: access.tags,
        expiresAt: access.expiresAt,
        revalidate: async () =>
          (await resolveBoardAccess(deps.db, caller, boardId)) ? { expiresAt: null } : null,
        close: () => socket.disconnect(true),
      });
      (socket.data as { member?: PresenceMember }).member = member;
      await socket.join(roomName(boardId));
      const members = await roster(boardId);
      io.to(roomName(boardId)).emit('presence:roster', { boardId, members });
      return { roster: members };
    });

    handle('presence:view', PresenceView, ({ boardId, view }) => {
      if (state.boardId !== boardId || !state.member) {
        return Promise.reject(
          new EventError(ErrorCode.BadRequest, 'join the board with board:join before presence:view'),
        );
      }
      state.member.view = view;
      broadcastRoster(boardId);
      return Promise.resolve({ view });
    });

    socket.on('disconnect', () => leave(socket, state));
  });
}

/** An expected refusal, answered through the ack with its code (not logged as a failure). */
class EventError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'EventError';
    this.code = code;
  }
}

function roomName(boardId: string): string {
  return `board:${boardId}`;
}
