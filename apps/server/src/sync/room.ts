import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DocStore } from '@pairboard/sync-core';
import { hasPendingState, type WritePolicy } from '@pairboard/sync-core/server';
import {
  CLOSE_BOARD_RELOADED,
  CLOSE_INVALID_UPDATE,
  CLOSE_STORAGE_UNAVAILABLE,
} from '@pairboard/board-schema';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { admitUpdate } from './room-admission.ts';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './sync-messages.ts';

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
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  store: DocStore;
  logger: Logger;
  metrics: Metrics;
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
  | { kind: 'server'; change: (doc: Y.Doc) => void; done: (error: Error | null) => void };

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

/**
 * One board held in memory. Every accepted update is durable in the store before any other
 * client sees it (SY4): updates are validated and applied in arrival order, appended as one batch
 * (group commit), and only then broadcast. Sync answers wait in the same queue, so a joining
 * client is never served state that is not yet durable.
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
  private nextSeq: number;
  private updatesSinceSnapshot: number;
  private broken = false;
  private watchers = 0;
  private readonly committedListeners = new Set<() => void>();

  private constructor(
    boardId: string,
    doc: Y.Doc,
    nextSeq: number,
    tailLength: number,
    options: RoomOptions,
  ) {
    this.boardId = boardId;
    this.doc = doc;
    this.nextSeq = nextSeq;
    this.updatesSinceSnapshot = tailLength;
    this.options = options;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no awareness state of its own; clients must not see a phantom "server" user.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Loads a board from snapshot + tail. Resolves null when the board does not exist. */
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
    return new Room(boardId, doc, lastSeq + 1, stored.updates.length, options);
  }

  /** Connections plus watchers (client views): while above zero the board stays in memory. */
  get peerCount(): number {
    return this.peers.size + this.watchers;
  }

  /**
   * Keeps the board loaded for someone who reads it without a sync connection (the client view)
   * and calls `onCommitted` after every batch of durable changes. Returns the release function.
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

  /** Adds a connection: it gets our state vector (so it sends what we lack) and current awareness. */
  addPeer(peer: RoomPeer): void {
    this.peers.add(peer);
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) peer.send(encodeAwareness(this.awareness, states));
  }

  removePeer(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return;
    if (peer.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessClients], null);
    }
    if (this.peerCount === 0) this.options.onEmpty(this);
  }

  /** Queues a client's update; it is applied, stored and forwarded in arrival order. */
  receiveUpdate(peer: RoomPeer, update: Uint8Array, step2: boolean): void {
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
   * Makes a change on the server's side (a member's name and position, later escalations) through
   * the same pipeline as a client's update: applied in order, durable, then forwarded. Resolves
   * once it is durable.
   */
  applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.enqueue({ kind: 'server', change, done: (error) => (error ? reject(error) : resolve()) });
    });
  }

  /** Resolves when every queued update is durable (or rejected), and compaction is done. */
  async flush(): Promise<void> {
    while (this.draining ?? this.compacting) {
      await this.draining;
      await this.compacting;
    }
  }

  /** Writes a snapshot if the log has a tail, then frees the doc. Used on idle unload and shutdown. */
  async unload(): Promise<void> {
    await this.flush();
    if (!this.broken && this.updatesSinceSnapshot > 0) {
      this.startCompaction();
      await this.compacting;
    }
    this.destroy();
  }

  /** Frees memory. Awareness runs a timer, so it must be destroyed explicitly. */
  destroy(): void {
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  closeAllPeers(code: number, reason: string): void {
    for (const peer of [...this.peers]) peer.close(code, reason);
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
      for (const item of accepted) this.broadcast(encodeUpdate(item.update), item.peer);
      for (const listener of this.committedListeners) listener();
      if (this.updatesSinceSnapshot >= this.options.compactAfterUpdates) this.startCompaction();
    }
    for (const work of batch) {
      if (work.kind === 'sync' && this.peers.has(work.peer)) {
        work.peer.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, work.stateVector)));
      }
    }
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
    accepted.push({ peer, update, seq: this.nextSeq++ });
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
    for (const update of captured) accepted.push({ peer: null, update, seq: this.nextSeq++ });
  }

  private async persist(accepted: Accepted[]): Promise<boolean> {
    const started = performance.now();
    try {
      await this.options.store.append(
        this.boardId,
        accepted.map((a) => ({ seq: a.seq, bytes: a.update, author: a.peer ? a.peer.authorId : 'server' })),
      );
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
    this.options.onDurable?.(this.boardId, this.doc, accepted.map(durableUpdate));
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

  private startCompaction(): void {
    if (this.compacting || this.broken) return;
    // Right after a commit the doc holds exactly the durable updates up to nextSeq - 1.
    const uptoSeq = this.nextSeq - 1;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const folded = this.updatesSinceSnapshot;
    this.compacting = this.options.store
      .compact(this.boardId, uptoSeq, snapshot)
      .then(() => {
        this.updatesSinceSnapshot -= folded;
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
    for (const peer of this.peers) if (peer !== except) peer.send(frame);
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    if (changed.length === 0) return;
    const peer = origin && this.peers.has(origin as RoomPeer) ? (origin as RoomPeer) : null;
    if (peer) {
      for (const id of [...changes.added, ...changes.updated]) peer.awarenessClients.add(id);
      for (const id of changes.removed) peer.awarenessClients.delete(id);
    }
    this.broadcast(encodeAwareness(this.awareness, changed), peer);
  };
}
