import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider, messageAuth, messageSync } from 'y-websocket';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CLOSE_BOARD_NOT_FOUND, CLOSE_FORBIDDEN, STORAGE_UNAVAILABLE_REASON } from '@pairboard/board-schema';
import { isFinalClose } from './close-policy.ts';
import { localCopyName } from './local-copy.ts';
import { Reconnector } from './reconnector.ts';
import { applyServerUpdate, type ServerUpdateListeners } from './server-updates.ts';
import {
  changeFromTransaction,
  confirmByServerAnswer,
  decodePending,
  encodePending,
  probeStateVector,
  type PendingChange,
} from './unsynced-changes.ts';

/** connecting: never online yet in this page; reconnecting: was online, retrying with backoff. */
/** `paused`: connected, but the server cannot store changes right now (its database is away). */
export type LinkStatus = 'connecting' | 'online' | 'paused' | 'reconnecting' | 'offline';

export interface OfflineDocOptions {
  /** `<boardId>` or `<boardId>~contacts`: the room on the sync endpoint. */
  docName: string;
  /** Whose local copy to open; null keeps no local copy (the doc lives in memory only). */
  userId: string | null;
  /** `ws(s)://host/yjs` */
  serverUrl: string;
  /** Delete the local copy when the server refuses the document (4403/4404): personal data. */
  forgetWhenRefused?: boolean;
  /** Called each time the doc caught up with the server. */
  onSynced?: () => void;
  /** Draws the reconnect jitter. */
  random?: () => number;
}

// Keys in the local copy's `custom` store, next to the document's updates.
const PENDING_KEY = 'pending-changes';
const SYNCED_ONCE_KEY = 'synced-with-server';

/**
 * One Yjs document kept in this browser and synced with the server.
 *
 * - **Local copy first.** The IndexedDB copy (y-indexeddb) is opened before the socket, so the
 *   board shows at once, also after a reload without network, and the first sync exchanges only
 *   the difference. `ready` (may write) needs the local copy loaded AND one server sync ever, in
 *   this page or an earlier one: the server seeds boards, and a write into a never-synced doc
 *   would race that seed ("Loaded before answered", docs/protocol.md).
 * - **Reconnect with jittered backoff.** y-websocket's own schedule is fixed (2^n·100 ms); here
 *   every close that is not final (`isFinalClose`) waits a full-jitter delay (`Reconnector`).
 * - **Unsynced changes, counted exactly.** Each local transaction is one pending change until a
 *   server sync answer proves the server stores it (`unsynced-changes.ts`): after our updates go
 *   out we send a sync step 1 that claims only the confirmed part of our changes; the server
 *   answers once everything before it is durable, with exactly what it holds of them. The list is
 *   stored with the local copy, so a reload keeps counting.
 */
export class OfflineDoc {
  readonly doc = new Y.Doc();
  readonly docName: string;

  #socket = $state<'connecting' | 'connected' | 'disconnected'>('disconnected');
  #synced = $state(false);
  #onlineOnce = $state(false);
  #localLoaded = $state(false);
  #syncedOnce = $state(false);
  #browserOffline = $state(false);
  #closedWith = $state<number | null>(null);
  #storagePaused = $state(false);
  #pending = $state.raw<readonly PendingChange[]>([]);

  readonly #provider: WebsocketProvider;
  readonly #reconnector: Reconnector;
  readonly #forgetWhenRefused: boolean;
  readonly #onSynced: () => void;
  #persistence: IndexeddbPersistence | null = null;
  #probeQueued = false;
  #destroyed = false;
  readonly #onOnline = (): void => this.#setBrowserOffline(false);
  readonly #onOffline = (): void => this.#setBrowserOffline(true);
  readonly #onTransaction = (transaction: Y.Transaction): void => this.#recordChange(transaction);

  constructor(options: OfflineDocOptions) {
    this.docName = options.docName;
    this.#forgetWhenRefused = options.forgetWhenRefused ?? false;
    this.#onSynced = options.onSynced ?? (() => undefined);
    this.#reconnector = new Reconnector(() => this.#connect(), { random: options.random });
    this.#provider = new WebsocketProvider(options.serverUrl, options.docName, this.doc, {
      connect: false,
      shouldReconnect: (event) => !isFinalClose(event.code),
    });
    this.#listenToProvider();
    this.doc.on('afterTransaction', this.#onTransaction);
    this.#browserOffline = !navigator.onLine;
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
    void this.#openLocalCopy(options.userId);
  }

  get status(): LinkStatus {
    if (this.#browserOffline || this.#closedWith !== null) return 'offline';
    if (this.#socket === 'connected' && this.#storagePaused) return 'paused';
    if (this.#socket === 'connected' && this.#synced) return 'online';
    return this.#onlineOnce ? 'reconnecting' : 'connecting';
  }

  /** Local changes the server has not confirmed as stored yet. */
  get unsynced(): number {
    return this.#pending.length;
  }

  /** Caught up with the server right now. */
  get synced(): boolean {
    return this.#synced;
  }

  /** The doc holds the board (local copy loaded, server synced at least once ever): writes are safe. */
  get ready(): boolean {
    return this.#localLoaded && this.#syncedOnce;
  }

  /** The final close code when the server refused the document (e.g. 4404), else null. */
  get closedWith(): number | null {
    return this.#closedWith;
  }

  /** Stops syncing and frees the doc. The Awareness has its own timer that `provider.destroy` leaves running. */
  destroy(): void {
    this.#destroyed = true;
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    this.#reconnector.cancel();
    this.doc.off('afterTransaction', this.#onTransaction);
    this.#provider.awareness.destroy();
    this.#provider.destroy();
    // Also closes the local copy (y-indexeddb listens for the doc's destroy).
    this.doc.destroy();
  }

  async #openLocalCopy(userId: string | null): Promise<void> {
    if (userId !== null && typeof indexedDB !== 'undefined') {
      const persistence = new IndexeddbPersistence(localCopyName(userId, this.docName), this.doc);
      try {
        await persistence._db; // rejects when IndexedDB refuses (private mode, quota): whenSynced never would
        await persistence.whenSynced;
        // Values written by this class (or an older version of it): checked before use.
        const pending: unknown = await persistence.get(PENDING_KEY);
        const syncedOnce: unknown = await persistence.get(SYNCED_ONCE_KEY);
        this.#persistence = persistence;
        const madeWhileLoading = this.#pending;
        this.#pending = decodePending(pending);
        if (madeWhileLoading.length > 0) this.#setPending([...this.#pending, ...madeWhileLoading]);
        if (syncedOnce === true || syncedOnce === 1) this.#syncedOnce = true;
      } catch (error) {
        console.warn(`No local copy of ${this.docName}; it lives in memory only.`, error);
        persistence.destroy().catch(() => undefined);
      }
    }
    if (this.#destroyed) return;
    this.#localLoaded = true;
    if (!this.#browserOffline) this.#connect();
  }

  #listenToProvider(): void {
    const provider = this.#provider;
    provider.on('status', ({ status }) => {
      this.#socket = status;
      if (status !== 'connected') this.#storagePaused = false;
    });
    // The server refuses updates it cannot store (SY15): say so; its next sync request asks for them.
    provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
      const denied = decoding.readVarUint(decoder) === 0;
      const reason = denied ? decoding.readVarString(decoder) : '';
      if (reason.startsWith(STORAGE_UNAVAILABLE_REASON)) this.#storagePaused = true;
      else if (denied) console.warn(`The server refused a change to ${this.docName}: ${reason}`);
    };
    provider.on('sync', (synced) => this.#onSync(synced));
    provider.on('connection-close', (event) => this.#onSocketClosed(event));
    // Close codes 4400-4499 but 4429 (signed out, no access, no such board…) are final: the page
    // decides (sign in again, or show "no access").
    provider.on('closed', ({ code }) => {
      this.#closedWith = code;
      this.#reconnector.cancel();
      if (this.#forgetWhenRefused && (code === CLOSE_FORBIDDEN || code === CLOSE_BOARD_NOT_FOUND)) {
        this.#persistence?.clearData().catch((error: unknown) => {
          console.warn(`Could not delete the local copy of ${this.docName}.`, error);
        });
        this.#persistence = null;
      }
    });
    // Sees every sync message before the provider handles it: a server's step 2 tells what it has
    // stored of our changes; after its step 1 the provider sends what the server lacks, so probe.
    const handleSync = provider.messageHandlers[messageSync];
    if (!handleSync) throw new Error('y-websocket has no sync message handler');
    provider.messageHandlers[messageSync] = (encoder, decoder, target, fromServer, messageType) => {
      const peek = decoding.clone(decoder);
      const syncType = decoding.readVarUint(peek);
      const handle = () => handleSync(encoder, decoder, target, fromServer, messageType);
      // fromServer is false for messages from another tab (BroadcastChannel): they prove nothing.
      if (!fromServer) {
        handle();
        return;
      }
      const update =
        syncType === messageYjsSyncStep2 || syncType === messageYjsUpdate
          ? decoding.readVarUint8Array(peek)
          : null;
      if (update) applyServerUpdate(this.doc, update, provider, this.#serverUpdateListeners(), handle);
      else handle();
      // A sync request or answer from the server means it is storing again.
      this.#storagePaused = false;
      if (syncType === messageYjsSyncStep2 && update) this.#onServerAnswer(update);
      if (syncType === messageYjsSyncStep1) this.#queueProbe();
    };
  }

  /** y-websocket sends nothing back for its own origin; the local copy stores the bytes as received. */
  #serverUpdateListeners(): ServerUpdateListeners {
    const persistence = this.#persistence;
    const store = persistence ? persistence._storeUpdate : null;
    return {
      detach: store ? [this.#provider._updateHandler, store] : [this.#provider._updateHandler],
      store,
    };
  }

  #connect(): void {
    if (this.#destroyed || this.#browserOffline || this.#closedWith !== null) return;
    this.#provider.connect();
  }

  #onSync(synced: boolean): void {
    this.#synced = synced;
    if (!synced) return;
    this.#onlineOnce = true;
    this.#reconnector.succeeded();
    if (!this.#syncedOnce) {
      this.#syncedOnce = true;
      this.#store(SYNCED_ONCE_KEY, 1);
    }
    this.#queueProbe();
    this.#onSynced();
  }

  // Runs before the provider schedules its own fixed retry; turning `shouldConnect` off makes that
  // retry a no-op, and the Reconnector brings the socket back instead.
  #onSocketClosed(event: CloseEvent | null): void {
    // null: closed here (browser offline, destroy) or by the provider's 30 s silence watchdog.
    const closedHere = event === null && (this.#browserOffline || this.#destroyed);
    if (closedHere || (event !== null && isFinalClose(event.code))) return;
    this.#provider.shouldConnect = false;
    this.#reconnector.retry();
  }

  // The provider does not watch the network itself; without this a dead Wi-Fi looks "online"
  // until its 30 s message watchdog fires.
  #setBrowserOffline(offline: boolean): void {
    this.#browserOffline = offline;
    if (this.#closedWith !== null || !this.#localLoaded) return;
    if (offline) {
      this.#reconnector.cancel();
      this.#provider.disconnect();
    } else {
      this.#reconnector.soon();
    }
  }

  #recordChange(transaction: Y.Transaction): void {
    const change = changeFromTransaction(transaction);
    if (!change) return;
    this.#setPending([...this.#pending, change]);
    this.#queueProbe();
  }

  #onServerAnswer(answer: Uint8Array): void {
    if (this.#pending.length === 0) return;
    const left = confirmByServerAnswer(this.#pending, answer);
    if (left.length !== this.#pending.length) this.#setPending(left);
  }

  // A microtask, not a timer: by then the provider has sent the update (it does so in the doc's
  // 'update' event, after this transaction) or its answer to the server's step 1.
  #queueProbe(): void {
    if (this.#probeQueued) return;
    this.#probeQueued = true;
    queueMicrotask(() => {
      this.#probeQueued = false;
      this.#sendProbe();
    });
  }

  #sendProbe(): void {
    const ws = this.#provider.ws;
    if (this.#pending.length === 0 || !this.#provider.synced || ws?.readyState !== WebSocket.OPEN) return;
    const local = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    encoding.writeVarUint(encoder, messageYjsSyncStep1);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(probeStateVector(local, this.#pending)));
    ws.send(encoding.toUint8Array(encoder));
  }

  #setPending(pending: readonly PendingChange[]): void {
    this.#pending = pending;
    this.#store(PENDING_KEY, encodePending(pending));
  }

  #store(key: string, value: string | number): void {
    this.#persistence?.set(key, value).catch((error: unknown) => {
      console.warn(`Could not store ${key} with the local copy of ${this.docName}.`, error);
    });
  }
}
