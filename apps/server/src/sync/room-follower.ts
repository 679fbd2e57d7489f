import * as Y from 'yjs';
import type { DocStore } from '@pairboard/sync-core';
import { inspectUpdate } from '@pairboard/sync-core/server';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { SeqTracker } from './seq-tracker.ts';

/** Transaction origin of durable changes that came from another instance or from storage. */
export const REMOTE_ORIGIN = Symbol('pairboard-remote');

/** How long a gap in the seqs heard from other instances may last before we read storage. */
const GAP_GRACE_MS = 150;
/** How soon to try again when the log tail could not be read. */
const TAIL_RETRY_MS = 5000;

/** What a follower needs from its room. */
export interface FollowedRoom {
  readonly boardId: string;
  readonly doc: Y.Doc;
  readonly seqs: SeqTracker;
  readonly store: DocStore;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** False once the room is unloading or broken: nothing more is scheduled. */
  isLive(): boolean;
  /** Queues a read of the stored tail in the room's pipeline (it calls `readStoredTail`). */
  queueCatchUp(): void;
  /** Sends durable changes that were new to this doc to the room's clients and watchers. */
  forward(updates: readonly Uint8Array[]): void;
  /** The doc can no longer be trusted (see Room.breakRoom). */
  fail(reason: string, error: unknown): void;
}

/**
 * Keeps a room's doc current with what other instances store (SY14): applies their updates as
 * they are announced, and reads the stored tail when an announcement is missing or cannot be
 * applied yet. Everything it applies is durable already, so it is forwarded at once.
 */
export class RoomFollower {
  private readonly room: FollowedRoom;
  private gapTimer: NodeJS.Timeout | null = null;

  constructor(room: FollowedRoom) {
    this.room = room;
  }

  /** Applies an update another instance stored under `seq`, unless the doc holds it already. */
  applyRemote(seq: number, update: Uint8Array): void {
    const { room } = this;
    if (room.seqs.has(seq)) return;
    const verdict = inspectUpdate(room.doc, update);
    if (verdict.kind === 'missing-dependencies') {
      // Something before it is still on its way, or lost: read storage.
      this.scheduleTailRead(0);
      return;
    }
    if (verdict.kind === 'invalid') {
      room.logger.error(
        { boardId: room.boardId, seq, reason: verdict.reason },
        'invalid update from the cluster',
      );
      this.scheduleTailRead(0);
      return;
    }
    this.applyStored([{ seq, bytes: update }], null);
  }

  /**
   * Reads every stored update above `appliedThrough` (and a newer snapshot) and applies them.
   * Returns the updates read, by seq; null when storage could not be read (retried later).
   */
  async readStoredTail(): Promise<Map<number, Uint8Array> | null> {
    const { room } = this;
    room.metrics.catchUps.inc();
    let stored;
    try {
      stored = await room.store.load(room.boardId, room.seqs.appliedThrough);
    } catch (error) {
      room.logger.warn({ boardId: room.boardId, err: error }, 'could not read the log tail; will retry');
      this.scheduleTailRead(TAIL_RETRY_MS);
      return null;
    }
    if (!stored) return new Map();
    this.applyStored(stored.updates, stored.snapshot);
    room.seqs.caughtUp(Math.max(0, ...stored.updates.map((update) => update.seq)));
    return new Map(stored.updates.map((update) => [update.seq, update.bytes]));
  }

  /**
   * Updates from two instances can arrive out of seq order for a moment; a gap that lasts
   * longer (a message lost, an instance that died between storing and publishing) is filled
   * from storage.
   */
  watchForGap(): void {
    if (this.room.seqs.hasGap) this.scheduleTailRead(GAP_GRACE_MS);
  }

  stop(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
  }

  private applyStored(
    updates: readonly { seq: number; bytes: Uint8Array }[],
    snapshot: { uptoSeq: number; bytes: Uint8Array } | null,
  ): void {
    const { room } = this;
    if (updates.length === 0 && !snapshot) return;
    const fresh: Uint8Array[] = [];
    const capture = (update: Uint8Array, origin: unknown): void => {
      if (origin === REMOTE_ORIGIN) fresh.push(update);
    };
    room.doc.on('update', capture);
    try {
      room.doc.transact(() => {
        if (snapshot) Y.applyUpdate(room.doc, snapshot.bytes, REMOTE_ORIGIN);
        for (const update of updates) Y.applyUpdate(room.doc, update.bytes, REMOTE_ORIGIN);
      }, REMOTE_ORIGIN);
    } catch (error) {
      room.fail('applying a stored update threw', error);
      return;
    } finally {
      room.doc.off('update', capture);
    }
    if (snapshot) room.seqs.appliedUpTo(snapshot.uptoSeq);
    for (const update of updates) room.seqs.applied(update.seq);
    room.metrics.clusterUpdates.inc(updates.length);
    if (fresh.length > 0) room.forward(fresh);
  }

  private scheduleTailRead(delayMs: number): void {
    if (this.gapTimer || !this.room.isLive()) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.room.isLive()) this.room.queueCatchUp();
    }, delayMs);
    this.gapTimer.unref();
  }
}
