import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import { ErrorCode, type Ack } from '@pairboard/board-schema';
import { getBoard, type Database } from '@pairboard/db';
import type { Logger } from '../logger.ts';
import { BoardJoin, PresenceView, type PresenceMember } from '@pairboard/board-schema';

/** A client that sends this many invalid payloads in a row is disconnected. */
const MAX_INVALID_PAYLOADS = 20;

interface SocketState {
  boardId: string | null;
  member: PresenceMember | null;
  invalidPayloads: number;
}

type AckFn = (response: Ack<unknown>) => void;

/**
 * Presence over Socket.IO: `board:join`, `presence:view`, and the `presence:roster` broadcast.
 * Every handler validates first and answers through its ack; nothing thrown escapes a handler.
 */
export function registerBoardEvents(io: Server, db: Database, logger: Logger): void {
  const rosters = new Map<string, Map<string, PresenceMember>>();

  const broadcastRoster = (boardId: string): void => {
    const members = [...(rosters.get(boardId)?.values() ?? [])];
    io.to(roomName(boardId)).emit('presence:roster', { boardId, members });
  };

  const leave = (socket: Socket, state: SocketState): void => {
    if (!state.boardId) return;
    const roster = rosters.get(state.boardId);
    roster?.delete(socket.id);
    if (roster?.size === 0) rosters.delete(state.boardId);
    void socket.leave(roomName(state.boardId));
    const boardId = state.boardId;
    state.boardId = null;
    state.member = null;
    broadcastRoster(boardId);
  };

  io.on('connection', (socket) => {
    const state: SocketState = { boardId: null, member: null, invalidPayloads: 0 };
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
            logger.error({ err: error, event }, 'socket handler failed');
            reply({ ok: false, error: { code: ErrorCode.Internal, message: 'internal error' } });
          },
        );
      });
    };

    handle('board:join', BoardJoin, async ({ boardId, user }) => {
      if (!(await getBoard(db, boardId))) {
        throw new EventError(ErrorCode.BoardNotFound, `board '${boardId}' does not exist`);
      }
      leave(socket, state);
      const member: PresenceMember = {
        connectionId: socket.id,
        userId: user.id,
        name: user.name,
        position: user.position,
        role: 'editor',
        view: null,
        connectedAt: new Date().toISOString(),
      };
      state.boardId = boardId;
      state.member = member;
      const roster = rosters.get(boardId) ?? new Map<string, PresenceMember>();
      roster.set(socket.id, member);
      rosters.set(boardId, roster);
      await socket.join(roomName(boardId));
      broadcastRoster(boardId);
      return { roster: [...roster.values()] };
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
