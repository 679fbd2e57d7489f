import type { DocStore } from '@pairboard/sync-core';
import type { ClusterBus } from '../cluster/bus.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { Room, type RoomOptions } from './room.ts';

export interface RoomRegistryOptions {
  store: DocStore;
  logger: Logger;
  metrics: Metrics;
  bus: ClusterBus;
  idleUnloadMs: number;
  compactAfterUpdates: number;
  /** Handed to every room: called after each durable batch (the activity feed). */
  onDurable?: RoomOptions['onDurable'];
}

/**
 * The boards held in memory: one Room per active board, loaded once however many clients join
 * at the same moment, and unloaded (snapshot written, doc freed) once it has had no client for
 * `idleUnloadMs` (SY8). A board that is being unloaded is reloaded fresh after the unload finishes.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room | null>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly options: RoomRegistryOptions;
  private closed = false;
  private readonly loadedListeners = new Set<(room: Room) => void>();

  private readonly stopResubscribed: () => void;

  constructor(options: RoomRegistryOptions) {
    this.options = options;
    // Messages published while the link to the other instances was down are lost: re-read.
    this.stopResubscribed = options.bus.onResubscribed(() => {
      for (const room of this.rooms.values()) room.catchUp();
    });
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** Calls `listener` with every room loaded from now on (escalation watches each board it loads). */
  onLoaded(listener: (room: Room) => void): () => void {
    this.loadedListeners.add(listener);
    return () => this.loadedListeners.delete(listener);
  }

  /** The loaded room of a board, if any (tests and metrics). */
  peek(boardId: string): Room | undefined {
    return this.rooms.get(boardId);
  }

  /** Returns the board's room, loading it if needed; null when the board does not exist. */
  async acquire(boardId: string): Promise<Room | null> {
    if (this.closed) throw new Error('room registry is closed');
    this.cancelIdleTimer(boardId);
    const pendingUnload = this.unloading.get(boardId);
    if (pendingUnload) await pendingUnload;
    const room = this.rooms.get(boardId);
    if (room) return room;
    let loading = this.loading.get(boardId);
    if (!loading) {
      loading = this.load(boardId).finally(() => this.loading.delete(boardId));
      this.loading.set(boardId, loading);
    }
    return loading;
  }

  /**
   * Runs `use` on a board's room, loading it if needed; a room nobody is connected to is then
   * scheduled for unloading as usual. Resolves null when the board does not exist.
   */
  async withRoom<T>(boardId: string, use: (room: Room) => Promise<T>): Promise<T | null> {
    const room = await this.acquire(boardId);
    if (!room) return null;
    try {
      return await use(room);
    } finally {
      if (room.peerCount === 0) this.scheduleUnload(boardId);
    }
  }

  /** Flushes and unloads every room; used on graceful shutdown. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopResubscribed();
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    await Promise.allSettled([...this.loading.values()]);
    await Promise.allSettled([...this.unloading.values()]);
    await Promise.allSettled([...this.rooms.keys()].map((boardId) => this.unload(boardId)));
  }

  private async load(boardId: string): Promise<Room | null> {
    const room = await Room.load(boardId, {
      store: this.options.store,
      logger: this.options.logger,
      metrics: this.options.metrics,
      bus: this.options.bus,
      compactAfterUpdates: this.options.compactAfterUpdates,
      onEmpty: (r) => this.scheduleUnload(r.boardId),
      onBroken: (r) => this.drop(r),
      onDurable: this.options.onDurable,
    });
    if (room) {
      this.rooms.set(boardId, room);
      this.options.metrics.loadedBoards.set(this.rooms.size);
      this.options.logger.debug({ boardId }, 'board loaded');
      for (const listener of this.loadedListeners) listener(room);
    }
    return room;
  }

  private scheduleUnload(boardId: string): void {
    if (this.closed) return;
    this.cancelIdleTimer(boardId);
    const timer = setTimeout(() => {
      this.idleTimers.delete(boardId);
      const room = this.rooms.get(boardId);
      if (room && room.peerCount === 0) void this.unload(boardId);
    }, this.options.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(boardId, timer);
  }

  private cancelIdleTimer(boardId: string): void {
    const timer = this.idleTimers.get(boardId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(boardId);
  }

  private unload(boardId: string): Promise<void> {
    const room = this.rooms.get(boardId);
    if (!room) return Promise.resolve();
    this.rooms.delete(boardId);
    this.options.metrics.loadedBoards.set(this.rooms.size);
    const unloading = room
      .unload()
      .catch((error: unknown) => this.options.logger.error({ boardId, err: error }, 'unload failed'))
      .finally(() => {
        this.unloading.delete(boardId);
        this.options.logger.debug({ boardId }, 'board unloaded');
      });
    this.unloading.set(boardId, unloading);
    return unloading;
  }

  /** A broken room is forgotten without a snapshot: its doc may hold state that is not durable. */
  private drop(room: Room): void {
    if (this.rooms.get(room.boardId) === room) this.rooms.delete(room.boardId);
    this.cancelIdleTimer(room.boardId);
    this.options.metrics.loadedBoards.set(this.rooms.size);
    room.destroy();
  }
}
