import type { WebSocket, RawData } from 'ws';
import {
  CLOSE_BOARD_NOT_FOUND,
  CLOSE_MALFORMED_FRAME,
  CLOSE_RATE_LIMITED,
  CLOSE_STORAGE_UNAVAILABLE,
  CLOSE_UNKNOWN_MESSAGE,
} from '@pairboard/board-schema';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { WritePolicy } from '@pairboard/sync-core/server';
import type { Room, RoomPeer } from './room.ts';
import type { RoomRegistry } from './room-registry.ts';
import type { JoinGate } from './join-gate.ts';
import { writePrepared, type PreparedFrame } from './prepared-frame.ts';
import {
  decodeClientFrame,
  encodeKeepalive,
  MalformedFrameError,
  type ClientMessage,
} from './sync-messages.ts';
import { TokenBucket } from './token-bucket.ts';

/** Who opened a sync connection and what they may write (resolved on upgrade). */
export interface SyncPeerIdentity {
  authorId: string;
  writePolicy: WritePolicy;
}

export interface SyncConnectionOptions {
  registry: RoomRegistry;
  logger: Logger;
  metrics: Metrics;
  messagesPerSecond: number;
  bytesPerSecond: number;
  /** Shared by every connection of this instance: large sync answers take turns (SY13). */
  joinGate: JoinGate;
}

/** Answers smaller than this are sent at once; larger ones wait for a turn at the join gate. */
const LARGE_ANSWER_BYTES = 64 * 1024;
/**
 * While a client waits for its turn it gets an empty awareness message this often, so that
 * y-websocket's liveness check (no message for 30 s: reconnect) does not give up its place.
 */
const KEEPALIVE_MS = 10_000;

/** Frames a client may send while its board is still loading; more is a flood (SY3). */
const MAX_FRAMES_BEFORE_READY = 64;

/**
 * Connections are told apart in logs by a short per-process id. (A `randomUUID()` string is held
 * as a tree of concatenations, about 0.4 KB per connection; issue 7's memory profile.)
 */
let connectionsOpened = 0;

/**
 * One sync WebSocket. Frames are checked against the connection's budget, decoded completely,
 * and handed to the room; any bad frame closes this socket only, with a named code (SY5, SY6).
 */
export class SyncConnection implements RoomPeer {
  readonly id = `c${(connectionsOpened += 1).toString(36)}`;
  readonly authorId: string | null;
  readonly writePolicy: WritePolicy;
  readonly awarenessClients = new Set<number>();
  resyncRequested = false;
  private readonly ws: WebSocket;
  private readonly boardId: string;
  private readonly options: SyncConnectionOptions;
  private readonly messageBudget: TokenBucket;
  private readonly byteBudget: TokenBucket;
  private room: Room | null = null;
  private earlyFrames: Uint8Array[] = [];
  private closed = false;
  /** Answers not yet written, in order; frames sent meanwhile wait behind them in `held`. */
  private answering: Promise<void> | null = null;
  private held: Uint8Array[] = [];

  constructor(ws: WebSocket, boardId: string, identity: SyncPeerIdentity, options: SyncConnectionOptions) {
    this.ws = ws;
    this.boardId = boardId;
    this.authorId = identity.authorId;
    this.writePolicy = identity.writePolicy;
    this.options = options;
    this.messageBudget = new TokenBucket(options.messagesPerSecond);
    this.byteBudget = new TokenBucket(options.bytesPerSecond);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('close', () => this.onClose());
    ws.on('error', (error) => this.onError(error));
  }

  /** Loads the board, then serves the frames that arrived meanwhile, in order (SY2). */
  async start(): Promise<void> {
    let room: Room | null;
    try {
      room = await this.options.registry.acquire(this.boardId);
    } catch (error) {
      this.options.logger.error({ boardId: this.boardId, err: error }, 'could not load board');
      this.close(CLOSE_STORAGE_UNAVAILABLE, 'board could not be loaded, retry later');
      return;
    }
    if (!room) {
      this.close(CLOSE_BOARD_NOT_FOUND, `board '${this.boardId}' does not exist`);
      return;
    }
    room.addPeer(this);
    if (this.closed) {
      room.removePeer(this);
      return;
    }
    this.room = room;
    const early = this.earlyFrames;
    this.earlyFrames = [];
    for (const frame of early) if (!this.closed) this.dispatch(frame);
  }

  send(frame: Uint8Array): void {
    if (this.answering) this.held.push(frame);
    else this.write(frame);
  }

  sendPrepared(frame: PreparedFrame): void {
    if (this.answering) this.held.push(frame.payload);
    else writePrepared(this.ws, frame);
  }

  sendSyncAnswer(frame: Uint8Array): void {
    if (!this.answering && frame.byteLength < LARGE_ANSWER_BYTES) {
      this.write(frame);
      return;
    }
    const previous = this.answering ?? Promise.resolve();
    const answering = previous
      .then(() => this.writeWhenAdmitted(frame))
      .catch((error: unknown) => {
        this.options.logger.warn(
          { boardId: this.boardId, connection: this.id, err: error },
          'sync answer failed',
        );
      })
      .finally(() => {
        if (this.answering !== answering) return;
        this.answering = null;
        const held = this.held;
        this.held = [];
        for (const later of held) this.write(later);
      });
    this.answering = answering;
  }

  /** Waits for a turn at the join gate (with keepalives), then writes until the kernel has it. */
  private async writeWhenAdmitted(frame: Uint8Array): Promise<void> {
    const keepalive = setInterval(() => this.write(encodeKeepalive()), KEEPALIVE_MS);
    try {
      await this.options.joinGate.run(async () => {
        clearInterval(keepalive);
        if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
        await new Promise<void>((resolve, reject) =>
          this.ws.send(frame, (error) => (error ? reject(error) : resolve())),
        );
      });
    } finally {
      clearInterval(keepalive);
    }
  }

  private write(frame: Uint8Array): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(frame);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, reason);
    this.detach();
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    const frame = toBytes(data);
    if (!this.messageBudget.take() || !this.byteBudget.take(frame.byteLength)) {
      this.reject('rate_limited', CLOSE_RATE_LIMITED, 'too many messages, slow down and reconnect later');
      return;
    }
    if (!isBinary) {
      this.reject('text_frame', CLOSE_MALFORMED_FRAME, 'sync frames must be binary y-websocket messages');
      return;
    }
    if (!this.room) {
      if (this.earlyFrames.length >= MAX_FRAMES_BEFORE_READY) {
        this.reject('rate_limited', CLOSE_RATE_LIMITED, 'too many messages before the board was ready');
        return;
      }
      this.earlyFrames.push(frame);
      return;
    }
    this.dispatch(frame);
  }

  private dispatch(frame: Uint8Array): void {
    let message: ClientMessage;
    try {
      message = decodeClientFrame(frame);
    } catch (error) {
      const reason = error instanceof MalformedFrameError ? error.message : 'undecodable frame';
      this.reject('malformed_frame', CLOSE_MALFORMED_FRAME, `malformed frame: ${reason}`);
      return;
    }
    this.handle(message);
  }

  private handle(message: ClientMessage): void {
    const room = this.room;
    if (!room) return;
    switch (message.type) {
      case 'sync-step1':
        room.receiveSyncRequest(this, message.stateVector);
        return;
      case 'update':
        room.receiveUpdate(this, message.update, message.step2);
        return;
      case 'awareness':
        try {
          room.receiveAwareness(this, message.update);
        } catch {
          this.reject('malformed_awareness', CLOSE_MALFORMED_FRAME, 'malformed awareness update');
        }
        return;
      case 'query-awareness':
        room.queryAwareness(this);
        return;
      case 'unknown':
        this.reject('unknown_message', CLOSE_UNKNOWN_MESSAGE, `unknown message type ${message.messageType}`);
    }
  }

  private reject(reason: string, code: number, message: string): void {
    this.options.metrics.rejectedFrames.inc({ reason });
    this.options.logger.warn(
      { boardId: this.boardId, connection: this.id, reason },
      'closing sync connection',
    );
    this.close(code, message);
  }

  private onError(error: Error & { code?: string }): void {
    // ws closes the socket itself (1009 for an oversized frame, 1002 for protocol errors).
    const reason = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'frame_too_large' : 'protocol_error';
    this.options.metrics.rejectedFrames.inc({ reason });
    this.options.logger.warn(
      { boardId: this.boardId, connection: this.id, reason, err: error.message },
      'sync socket error',
    );
  }

  private onClose(): void {
    this.closed = true;
    this.detach();
  }

  private detach(): void {
    this.earlyFrames = [];
    this.held = [];
    const room = this.room;
    this.room = null;
    room?.removePeer(this);
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
