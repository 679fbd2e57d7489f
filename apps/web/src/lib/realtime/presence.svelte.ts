import { io, type Socket } from 'socket.io-client';
import {
  JoinAck,
  PresenceRoster,
  ViewAck,
  uniqueMembers,
  type PresenceMember,
  type PresenceView,
} from './presence-messages.ts';

const ACK_TIMEOUT_MS = 5_000;

/**
 * Who is on this board right now, over Socket.IO. Joins on every (re)connect, because the
 * server forgets a connection's board when it drops, and re-sends the current view with it.
 * The session cookie identifies me; the server takes my name, role and position from my
 * membership, so `board:join` carries only the board id.
 */
export class PresenceClient {
  readonly boardId: string;
  /** One entry per connected person, me included. */
  members = $state.raw<PresenceMember[]>([]);
  connected = $state(false);
  /** Set when the server refused to let us join; presence then stays empty. */
  failed = $state(false);

  readonly #socket: Socket;
  #view: PresenceView;

  constructor(boardId: string, initialView: PresenceView = 'checklists') {
    this.boardId = boardId;
    this.#view = initialView;
    this.#socket = io({ path: '/socket.io', transports: ['websocket', 'polling'] });
    this.#socket.on('connect', () => {
      this.connected = true;
      void this.#join();
    });
    // No session (signed out, or signed out everywhere): the board page sends the person to sign in.
    this.#socket.on('connect_error', (error) => {
      if (error.message === 'unauthorized') this.failed = true;
    });
    this.#socket.on('disconnect', () => {
      this.connected = false;
      this.members = [];
    });
    this.#socket.on('presence:roster', (payload: unknown) => {
      const parsed = PresenceRoster.safeParse(payload);
      if (parsed.success && parsed.data.boardId === this.boardId) {
        this.members = uniqueMembers(parsed.data.members);
      }
    });
  }

  /** Tells the others which part of the board I am looking at. */
  setView(view: PresenceView): void {
    if (view === this.#view) return;
    this.#view = view;
    if (this.connected) void this.#sendView();
  }

  destroy(): void {
    this.#socket.removeAllListeners();
    this.#socket.disconnect();
  }

  async #join(): Promise<void> {
    try {
      const ack = JoinAck.parse(
        await this.#socket.timeout(ACK_TIMEOUT_MS).emitWithAck('board:join', { boardId: this.boardId }),
      );
      if (!ack.ok) throw new Error(`board:join refused: ${ack.error.code} ${ack.error.message}`);
      this.failed = false;
      this.members = uniqueMembers(ack.data.roster);
      await this.#sendView();
    } catch (error) {
      this.failed = true;
      console.error('presence: could not join board', this.boardId, error);
    }
  }

  async #sendView(): Promise<void> {
    try {
      const ack = ViewAck.parse(
        await this.#socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('presence:view', { boardId: this.boardId, view: this.#view }),
      );
      if (!ack.ok) throw new Error(`presence:view refused: ${ack.error.code} ${ack.error.message}`);
    } catch (error) {
      // Only the others' view of where I am is stale; nothing to tell the person.
      console.warn('presence: could not share the current view', error);
    }
  }
}
