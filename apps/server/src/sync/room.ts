import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DocStore } from '@pairboard/sync-core';
import { hasPendingState, type WritePolicy } from '@pairboard/sync-core/server';
import {
  CLOSE_BOARD_RELOADED,
  CLOSE_INVALID_UPDATE,
  CLOSE_STORAGE_UNAVAILABLE,
} from '@pairboard/board-schema';
import { channels, type ClusterBus } from '../cluster/bus.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { decodeDocMessage, encodeRemoteAwareness, encodeRemoteUpdate } from './cluster-messages.ts';
import { admitUpdate } from './room-admission.ts';
import { AwarenessBatch } from './awareness-batch.ts';
import { PreparedFrame } from './prepared-frame.ts';
import { REMOTE_ORIGIN, RoomFollower } from './room-follower.ts';
import { SeqTracker } from './seq-tracker.ts';
import { StorageGate } from './storage-gate.ts';
import { SyncAnswers } from './sync-answers.ts';
import { encodeAwareness, encodeSyncStep1, encodeUpdate, frameAwareness } from './sync-messages.ts';

/** One client connection as the room sees it: the transport stays in the endpoint. */
export interface RoomPeer {
  readonly id: string;
  readonly authorId: string | null;
  /** What this connection's role may change (ROLE_CAPABILITIES); 'all' skips the check. */
  readonly writePolicy: WritePolicy;
  /** Awareness client ids announced over this connection, removed when it closes. */
  readonly awarenessClients: Set<number>;
  /** Set while we wait for the client's answer to a resync request (see SY7). */
  resyncRequested: boolean;
  send(frame: Uint8Array): void;
  /** Sends a frame prepared once for every peer it is broadcast to (see PreparedFrame). */
  sendPrepared(frame: PreparedFrame): void;
  /**
   * Sends a sync answer, which may be the whole board: the connection takes its turn among
   * joiners (SY13) and holds later frames back until it is sent, so order is kept.
   */
  sendSyncAnswer(frame: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  store: DocStore;
  logger: Logger;
  metrics: Metrics;
  /** The other instances (SY14); a local bus when this instance is alone. */
  bus: ClusterBus;
  compactAfterUpdates: number;
  /** Called when the last peer leaves; the registry decides when to unload. */
  onEmpty(room: Room): void;
  /** Called when the room can no longer vouch for its doc and must be dropped (see SY9). */
  onBroken(room: Room): void;
  /**
   * Called right after a batch is durable, while the doc holds exactly that state (the activity
   * feed derives its rows here). Must not throw and must not wait: it runs inside the drain.
   */
  onDurable?(boardId: string, doc: Y.Doc, updates: readonly DurableUpdate[]): void;
}

/** An update the room has made durable, with who sent it ('server' for its own changes). */
export interface DurableUpdate {
  seq: number;
  update: Uint8Array;
  authorId: string | null;
}

type Work =
  | { kind: 'update'; peer: RoomPeer; update: Uint8Array; step2: boolean; receivedAt: number }
  | { kind: 'sync'; peer: RoomPeer; stateVector: Uint8Array }
  | { kind: 'greet'; peer: RoomPeer }
  | { kind: 'server'; change: (doc: Y.Doc) => void; done: (error: Error | null) => void }
  | { kind: 'remote'; seq: number; update: Uint8Array }
  | { kind: 'catch-up' };

interface Accepted {
  /** null for a change the server made itself. */
  peer: RoomPeer | null;
  update: Uint8Array;
  seq: number;
}

function durableUpdate(a: Accepted): DurableUpdate {
  return { seq: a.seq, update: a.update, authorId: a.peer ? a.peer.authorId : 'server' };
}

/** Transaction origin of changes the server makes itself (member names, escalations). */
const SERVER_ORIGIN = Symbol('pairboard-server');
/** Origin of awareness removals for a connection that closed here. */
const DEPARTED_ORIGIN = Symbol('pairboard-departed');

/** Tries of one batch against seqs another instance took at the same moment (SY14). */
const MAX_SEQ_RACES = 8;
/** Backoff of a batch waiting for storage to come back (SY15). */
const STORAGE_RETRY_MS = { first: 200, max: 5000 };

/**
 * One board held in memory. Every accepted update is durable in the store before any other
 * client sees it (SY4): updates are validated and applied in arrival order, appended as one batch
 * (group commit), and only then broadcast, here and to the other instances (SY14). Sync answers
 * wait in the same queue, so a joining client is never served state that is not yet durable.
 */
export class Room {
  readonly boardId: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  private readonly peers = new Set<RoomPeer>();
  private readonly options: RoomOptions;
  private queue: Work[] = [];
  private draining: Promise<void> | null = null;
  private compacting: Promise<void> | null = null;
  /** Which seqs the doc holds (ours, another instance's, or read from storage), and the next one. */
  private readonly seqs: SeqTracker;
  private readonly follower: RoomFollower;
  private updatesSinceSnapshot: number;
  private broken = false;
  private closing = false;
  /** Closed while storage refuses appends: updates are refused until it is back (SY15). */
  private readonly storage: StorageGate;
  private watchers = 0;
  private readonly committedListeners = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;
  private readonly answers: SyncAnswers;
  /** Awareness changes of one event-loop turn, sent as one message (see AwarenessBatch). */
  private readonly awarenessBatch: AwarenessBatch<RoomPeer>;

  private constructor(
    boardId: string,
    doc: Y.Doc,
    lastSeq: number,
    tailLength: number,
    options: RoomOptions,
  ) {
    this.boardId = boardId;
    this.doc = doc;
    this.seqs = new SeqTracker(lastSeq);
    this.storage = new StorageGate(boardId, options.logger, options.metrics);
    this.follower = new RoomFollower({
      boardId,
      doc,
      seqs: this.seqs,
      store: options.store,
      logger: options.logger,
      metrics: options.metrics,
      isLive: () => !this.closing && !this.broken,
      queueCatchUp: () => this.enqueue({ kind: 'catch-up' }),
      forward: (updates) => {
        for (const update of updates) this.broadcast(encodeUpdate(update), null);
        for (const listener of this.committedListeners) listener();
      },
      fail: (reason, error) => this.breakRoom(null, reason, error),
    });
    this.updatesSinceSnapshot = tailLength;
    this.options = options;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no awareness state of its own; clients must not see a phantom "server" user.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.answers = new SyncAnswers(doc, options.metrics);
    this.awarenessBatch = new AwarenessBatch(this.awareness, ({ update, except, local }) => {
      this.broadcast(frameAwareness(update), except);
      if (local && this.options.bus.clustered)
        this.options.bus.publish(channels.doc(this.boardId), encodeRemoteAwareness(update));
    });
  }

  /**
   * Loads a board from snapshot + tail, then (in a cluster) listens to the other instances and
   * reads once more whatever they stored while we were loading. Resolves null when the board
   * does not exist.
   */
  static async load(boardId: string, options: RoomOptions): Promise<Room | null> {
    const stored = await options.store.load(boardId);
    if (!stored) return null;
    const doc = new Y.Doc();
    let lastSeq = stored.snapshot?.uptoSeq ?? 0;
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.bytes);
      for (const update of stored.updates) {
        Y.applyUpdate(doc, update.bytes);
        lastSeq = Math.max(lastSeq, update.seq);
      }
    });
    if (hasPendingState(doc)) {
      options.logger.error({ boardId }, 'stored board has updates with missing predecessors');
    }
    const room = new Room(boardId, doc, lastSeq, stored.updates.length, options);
    if (options.bus.clustered) {
      room.unsubscribe = await options.bus.subscribe(channels.doc(boardId), room.onClusterMessage);
      room.enqueue({ kind: 'catch-up' });
    }
    return room;
  }

  /** Connections plus watchers (client views): while above zero the board stays in memory. */
  get peerCount(): number {
    return this.peers.size + this.watchers;
  }

  /**
   * Keeps the board loaded for someone who reads it without a sync connection (the client view)
   * and calls `onCommitted` after every batch of durable changes, ours or another instance's.
   * Returns the release function.
   */
  watch(onCommitted: () => void): () => void {
    this.watchers += 1;
    this.committedListeners.add(onCommitted);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.watchers -= 1;
      this.committedListeners.delete(onCommitted);
      if (this.peerCount === 0) this.options.onEmpty(this);
    };
  }

  /**
   * Adds a connection: it gets our state vector (so it sends what we lack) and current awareness.
   * In a cluster the log tail is read first, so a client reconnecting from a dead instance is
   * not asked for updates that instance already stored (they would be stored twice).
   */
  addPeer(peer: RoomPeer): void {
    this.peers.add(peer);
    if (this.options.bus.clustered) {
      this.enqueue({ kind: 'catch-up' });
      this.enqueue({ kind: 'greet', peer });
    } else {
      this.greet(peer);
    }
  }

  removePeer(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return;
    this.storage.forget(peer);
    if (peer.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessClients], DEPARTED_ORIGIN);
    }
    if (this.peerCount === 0) this.options.onEmpty(this);
  }

  /**
   * Queues a client's update; it is applied, stored and forwarded in arrival order. While
   * storage is down it is refused at once instead: the client keeps it and is asked for it
   * again when storage is back (SY15).
   */
  receiveUpdate(peer: RoomPeer, update: Uint8Array, step2: boolean): void {
    if (this.storage.isDown) {
      this.storage.refuse(peer);
      return;
    }
    this.options.metrics.storageBacklog.inc();
    this.enqueue({ kind: 'update', peer, update, step2, receivedAt: performance.now() });
  }

  /** Queues a sync step 1; the answer reflects every update durable by then. */
  receiveSyncRequest(peer: RoomPeer, stateVector: Uint8Array): void {
    this.enqueue({ kind: 'sync', peer, stateVector });
  }

  /** Applies an awareness update; throws on undecodable input (the caller closes the socket). */
  receiveAwareness(peer: RoomPeer, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
  }

  queryAwareness(peer: RoomPeer): void {
    const states = [...this.awareness.getStates().keys()];
    peer.send(encodeAwareness(this.awareness, states));
  }

  /**
   * Makes a change on the server's side (a member's name and position, escalations) through
   * the same pipeline as a client's update: applied in order, durable, then forwarded. Resolves
   * once it is durable.
   */
  applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.enqueue({ kind: 'server', change, done: (error) => (error ? reject(error) : resolve()) });
    });
  }

  /** Re-reads the log tail from storage: after the link to the other instances was lost. */
  catchUp(): void {
    this.enqueue({ kind: 'catch-up' });
  }

  /** Resolves when every queued update is durable (or rejected), and compaction is done. */
  async flush(): Promise<void> {
    while (this.draining ?? this.compacting) {
      await this.draining;
      await this.compacting;
    }
  }

  /**
   * Writes a snapshot if the log has a tail, then frees the doc. Used on idle unload and
   * shutdown. In a cluster another instance may still be writing this board, so the snapshot is
   * left to the compaction rule instead (SY14).
   */
  async unload(): Promise<void> {
    this.closing = true;
    await this.flush();
    if (!this.broken && !this.options.bus.clustered && this.updatesSinceSnapshot > 0) {
      this.startCompaction();
      await this.compacting;
    }
    this.destroy();
  }

  /** Frees memory. Awareness runs a timer, so it must be destroyed explicitly. */
  destroy(): void {
    this.closing = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.follower.stop();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awarenessBatch.stop();
    this.answers.forget();
    this.awareness.destroy();
    this.doc.destroy();
  }

  closeAllPeers(code: number, reason: string): void {
    for (const peer of [...this.peers]) peer.close(code, reason);
  }

  private greet(peer: RoomPeer): void {
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) peer.send(encodeAwareness(this.awareness, states));
  }

  private enqueue(work: Work): void {
    this.queue.push(work);
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.broken) {
      const batch = this.queue;
      this.queue = [];
      await this.processBatch(batch);
    }
  }

  private async processBatch(batch: Work[]): Promise<void> {
    const accepted: Accepted[] = [];
    const serverChanges = batch.filter((work) => work.kind === 'server');
    // What other instances stored is durable already: it goes first, and out at once.
    if (batch.some((work) => work.kind === 'catch-up')) await this.follower.readStoredTail();
    for (const work of batch) {
      if (work.kind === 'remote') this.follower.applyRemote(work.seq, work.update);
    }
    if (this.broken) return;
    for (const work of batch) {
      if (work.kind === 'update') this.admit(work, accepted);
      if (work.kind === 'server') this.applyOwnChange(work.change, accepted);
      if (this.broken) break;
    }
    if (this.broken) {
      for (const work of serverChanges) work.done(new Error(`board ${this.boardId} was dropped from memory`));
      return;
    }
    if (accepted.length > 0) {
      const durable = await this.persist(accepted);
      for (const work of serverChanges) work.done(durable ? null : new Error('storage append failed'));
      if (!durable) return;
      for (const item of accepted) {
        const frame = encodeUpdate(item.update);
        this.broadcast(frame, item.peer);
        // Alone, nobody listens: the message is not even encoded.
        if (this.options.bus.clustered)
          this.options.bus.publish(channels.doc(this.boardId), encodeRemoteUpdate(item.seq, item.update));
      }
      // After the broadcast, so deriving activity rows never delays other screens; the doc
      // still holds exactly this state (nothing has run in between).
      this.options.onDurable?.(this.boardId, this.doc, accepted.map(durableUpdate));
      for (const listener of this.committedListeners) listener();
      if (this.shouldCompact(accepted)) this.startCompaction();
    }
    for (const work of batch) {
      if (!('peer' in work) || !this.peers.has(work.peer)) continue;
      if (work.kind === 'sync') work.peer.sendSyncAnswer(this.answers.answer(work.stateVector));
      if (work.kind === 'greet') this.greet(work.peer);
    }
    this.follower.watchForGap();
  }

  /** Validates one update and applies it to the doc. Nothing unvalidated ever touches the doc (UV*). */
  private admit(work: Extract<Work, { kind: 'update' }>, accepted: Accepted[]): void {
    const { peer, update } = work;
    const context = {
      boardId: this.boardId,
      doc: this.doc,
      logger: this.options.logger,
      metrics: this.options.metrics,
    };
    if (!admitUpdate(context, peer, update, work.step2)) {
      this.options.metrics.storageBacklog.dec();
      return;
    }
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      this.breakRoom(peer, 'applying a validated update threw', error);
      return;
    }
    if (hasPendingState(this.doc)) {
      this.breakRoom(peer, 'a validated update left pending structs', null);
      return;
    }
    this.options.metrics.updateApplySeconds.observe((performance.now() - work.receivedAt) / 1000);
    accepted.push({ peer, update, seq: this.seqs.take() });
  }

  private applyOwnChange(change: (doc: Y.Doc) => void, accepted: Accepted[]): void {
    const captured: Uint8Array[] = [];
    const capture = (update: Uint8Array, origin: unknown): void => {
      if (origin === SERVER_ORIGIN) captured.push(update);
    };
    this.doc.on('update', capture);
    try {
      this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
    } finally {
      this.doc.off('update', capture);
    }
    this.options.metrics.storageBacklog.inc(captured.length);
    for (const update of captured) accepted.push({ peer: null, update, seq: this.seqs.take() });
  }

  /**
   * Appends the batch. Two instances may take the same seq at the same moment: the second append
   * fails on the primary key, reads what the first stored, and tries again with the next free
   * seqs, so every update is stored exactly once (SY14). If storage itself fails, the batch
   * waits and is retried until storage is back (SY15).
   */
  private async persist(accepted: Accepted[]): Promise<boolean> {
    const started = performance.now();
    let races = 0;
    let waitMs = STORAGE_RETRY_MS.first;
    try {
      for (;;) {
        try {
          await this.options.store.append(
            this.boardId,
            accepted.map((a) => ({
              seq: a.seq,
              bytes: a.update,
              author: a.peer ? a.peer.authorId : 'server',
            })),
          );
          break;
        } catch (error) {
          if (isSeqConflict(error) && races < MAX_SEQ_RACES) {
            races += 1;
            const stored = await this.follower.readStoredTail();
            if (this.broken) return false;
            if (stored) {
              // An append whose commit we never heard of (the connection broke) is ours already.
              if (accepted.every((a) => sameBytes(stored.get(a.seq), a.update))) break;
              for (const item of accepted) item.seq = this.seqs.take();
              continue;
            }
            // Storage cannot be read either: keep these seqs (new ones taken blind would leave a
            // hole in the log) and wait as in any outage; the next try conflicts and reads again.
            races -= 1;
            if (this.closing || this.peers.size === 0) throw error;
          } else if (isSeqConflict(error) || this.closing || this.peers.size === 0) {
            throw error;
          }
          this.storage.close(error);
          await new Promise((resolve) => setTimeout(resolve, waitMs));
          waitMs = Math.min(waitMs * 2, STORAGE_RETRY_MS.max);
        }
      }
    } catch (error) {
      this.options.metrics.storageBacklog.dec(accepted.length);
      this.breakRoom(null, 'storage append failed', error);
      return false;
    } finally {
      this.options.metrics.storageWriteSeconds.observe((performance.now() - started) / 1000);
    }
    this.options.metrics.storageBacklog.dec(accepted.length);
    this.options.metrics.storedUpdates.inc(accepted.length);
    this.updatesSinceSnapshot += accepted.length;
    for (const item of accepted) this.seqs.applied(item.seq);
    this.storage.open(() => Y.encodeStateVector(this.doc));
    return true;
  }

  /**
   * The in-memory doc may now hold state that is not durable (or is half-applied), so it can no
   * longer be served. Close everyone; their clients reconnect, the board reloads from storage and
   * the authors resend what was not stored: they still hold it.
   */
  private breakRoom(offender: RoomPeer | null, reason: string, error: unknown): void {
    this.broken = true;
    this.options.logger.error({ boardId: this.boardId, reason, err: error }, 'dropping board from memory');
    if (offender) offender.close(CLOSE_INVALID_UPDATE, 'invalid update');
    const code = offender ? CLOSE_BOARD_RELOADED : CLOSE_STORAGE_UNAVAILABLE;
    this.closeAllPeers(code, offender ? 'board reloaded, reconnect' : 'storage unavailable, reconnect later');
    for (const work of this.queue) if (work.kind === 'update') this.options.metrics.storageBacklog.dec();
    this.queue = [];
    this.options.onBroken(this);
  }

  // ---- other instances (SY14) ----

  private readonly onClusterMessage = (payload: Uint8Array): void => {
    if (this.broken || this.closing) return;
    const message = decodeDocMessage(payload);
    if (message === null) {
      this.options.logger.error({ boardId: this.boardId }, 'undecodable cluster doc message');
      return;
    }
    if (message.kind === 'awareness') {
      try {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, REMOTE_ORIGIN);
      } catch (error) {
        this.options.logger.error({ boardId: this.boardId, err: error }, 'bad awareness from the cluster');
      }
      return;
    }
    this.enqueue({ kind: 'remote', seq: message.seq, update: message.update });
  };

  // ---- compaction ----

  /**
   * Alone, a board is compacted every `compactAfterUpdates` updates. In a cluster, whichever
   * instance stores the seq that is a multiple of it compacts: exactly one instance per cycle,
   * and if it dies before compacting, the next multiple does it (SY14).
   */
  private shouldCompact(accepted: readonly Accepted[]): boolean {
    const every = this.options.compactAfterUpdates;
    if (!this.options.bus.clustered) return this.updatesSinceSnapshot >= every;
    return accepted.some((item) => item.seq % every === 0);
  }

  private startCompaction(): void {
    if (this.compacting || this.broken) return;
    // The doc holds every seq up to appliedThrough (maybe more, which a snapshot may include).
    const uptoSeq = this.seqs.appliedThrough;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const folded = this.updatesSinceSnapshot;
    this.compacting = this.options.store
      .compact(this.boardId, uptoSeq, snapshot)
      .then(() => {
        this.updatesSinceSnapshot = Math.max(0, this.updatesSinceSnapshot - folded);
        this.options.logger.debug({ boardId: this.boardId, uptoSeq, bytes: snapshot.length }, 'compacted');
      })
      .catch((error: unknown) => {
        this.options.logger.warn(
          { boardId: this.boardId, err: error },
          'compaction failed; will retry later',
        );
      })
      .finally(() => {
        this.compacting = null;
      });
  }

  private broadcast(frame: Uint8Array, except: RoomPeer | null): void {
    if (this.peers.size === 0 || (this.peers.size === 1 && this.peers.has(except as RoomPeer))) return;
    const prepared = new PreparedFrame(frame);
    for (const peer of this.peers) if (peer !== except) peer.sendPrepared(prepared);
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const peer = origin && this.peers.has(origin as RoomPeer) ? (origin as RoomPeer) : null;
    if (peer) {
      for (const id of [...changes.added, ...changes.updated]) peer.awarenessClients.add(id);
      for (const id of changes.removed) peer.awarenessClients.delete(id);
    }
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    if (changed.length === 0) return;
    // Only what happened here travels to other instances: each times out remote states itself.
    const local = peer !== null || origin === DEPARTED_ORIGIN;
    this.awarenessBatch.add(changed, local ? 'local' : 'remote', peer);
  };
}

/** Every DocStore names its seq-conflict error `SeqConflictError` (see DocStore). */
function isSeqConflict(error: unknown): boolean {
  return error instanceof Error && error.name === 'SeqConflictError';
}

function sameBytes(stored: Uint8Array | undefined, ours: Uint8Array): boolean {
  return stored !== undefined && Buffer.compare(stored, ours) === 0;
}
