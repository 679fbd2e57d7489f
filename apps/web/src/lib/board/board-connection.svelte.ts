import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { SYNC_PATH_PREFIX, type Actor, type Board, type IncidentLevel } from '@pairboard/board-schema';
import {
  acknowledgeIncident,
  addGuest,
  addPair,
  addItem,
  addSection,
  checkInGuest,
  observeBoard,
  raiseIncident,
  readBoard,
  resolveIncident,
  tickItem,
  undoCheckIn,
  untickItem,
  verifyItem,
  type OpResult,
} from '@pairboard/sync-core';
import { EMPTY_BOARD } from './empty-board.ts';
import { firstSectionTarget } from './board-view.ts';
import { NOT_READY } from './not-ready.ts';

const READ_ONLY: OpResult<never> = {
  ok: false,
  error: { code: 'not_allowed', message: 'this board is read-only for you' },
};

export interface BoardConnectionOptions {
  /** False for observers: every write is refused here (the server would drop it anyway). */
  writable: boolean;
  serverUrl?: string;
}

export type ConnectionState = 'connecting' | 'online' | 'offline';
type SocketStatus = 'connecting' | 'connected' | 'disconnected';

/** The sync endpoint on the page's own origin (`ws(s)://host/yjs`); the provider appends the board id. */
export function syncServerUrl(location: Location): string {
  const protocol = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${protocol}://${location.host}${SYNC_PATH_PREFIX}`;
}

/**
 * One board's live document in the browser: owns the Y.Doc and its WebsocketProvider, exposes
 * the connection state and the board as runes, and runs board operations as the local person.
 *
 * Nothing is written before the first sync: the server seeds new boards, and a write into an
 * empty doc would race that seed. After it, writes work offline too and sync on reconnect.
 */
export class BoardConnection {
  readonly boardId: string;
  readonly doc = new Y.Doc();
  /** The board as plain data, re-read on every document change. */
  board = $state.raw<Board>(EMPTY_BOARD);

  #socket = $state<SocketStatus>('connecting');
  #synced = $state(false);
  #ready = $state(false);
  #browserOffline = $state(false);
  #closedWith = $state<number | null>(null);

  readonly #actor: Actor;
  readonly #writable: boolean;
  readonly #provider: WebsocketProvider;
  readonly #stopObserving: () => void;
  readonly #onOnline = (): void => this.#setBrowserOffline(false);
  readonly #onOffline = (): void => this.#setBrowserOffline(true);

  constructor(boardId: string, actor: Actor, options: BoardConnectionOptions) {
    this.boardId = boardId;
    this.#actor = { id: actor.id, name: actor.name };
    this.#writable = options.writable;
    const serverUrl = options.serverUrl ?? syncServerUrl(window.location);
    this.#stopObserving = observeBoard(this.doc, () => {
      this.board = readBoard(this.doc);
    });
    this.#provider = new WebsocketProvider(serverUrl, boardId, this.doc);
    this.#provider.on('status', ({ status }) => {
      this.#socket = status;
    });
    this.#provider.on('sync', (synced) => this.#onSync(synced));
    // Close codes 4400-4499 (board not found, 4401 signed out, 4403 no access…) are final: the
    // provider stops retrying, and the page decides (sign in again, or show "no access").
    this.#provider.on('closed', ({ code }) => {
      this.#closedWith = code;
    });
    this.#browserOffline = !navigator.onLine;
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
  }

  /** Online only when connected and caught up; the UI says so in its Connection status. */
  get state(): ConnectionState {
    if (this.#browserOffline || this.#socket === 'disconnected') return 'offline';
    return this.#socket === 'connected' && this.#synced ? 'online' : 'connecting';
  }

  /** Caught up with the server right now. */
  get synced(): boolean {
    return this.#synced;
  }

  /** Has synced at least once, so the doc holds the board and may be written. */
  get ready(): boolean {
    return this.#ready;
  }

  /** The final close code when the server refused this board (e.g. `CLOSE_BOARD_NOT_FOUND`), else null. */
  get closedWith(): number | null {
    return this.#closedWith;
  }

  get actor(): Actor {
    return this.#actor;
  }

  /**
   * Adds an item to the first section of the first checklist. An 'empty' board's checklist has
   * no section yet: the first item creates one, in the same transaction.
   */
  addItem(title: string, sectionTitle: string): OpResult<string> {
    return this.#write(() => {
      const target = firstSectionTarget(this.board);
      if (!target) return { ok: false, error: { code: 'not_found', message: 'this board has no checklist' } };
      // Checked here too, so a bad title cannot leave a new empty section behind.
      const trimmed = title.trim();
      if (trimmed.length === 0 || trimmed.length > 500) {
        return {
          ok: false,
          error: { code: 'invalid_input', message: 'item title must be 1 to 500 characters' },
        };
      }
      let result: OpResult<string> = NOT_READY;
      this.doc.transact(() => {
        const section =
          target.sectionId === null
            ? addSection(this.doc, { checklistId: target.checklistId, title: sectionTitle })
            : ({ ok: true, value: target.sectionId } as const);
        result = section.ok ? addItem(this.doc, { sectionId: section.value, title: trimmed }) : section;
      });
      return result;
    });
  }

  setItemDone(itemId: string, done: boolean): OpResult {
    return this.#write((now) => (done ? tickItem : untickItem)(this.doc, itemId, this.#actor, now));
  }

  verifyItem(itemId: string): OpResult {
    return this.#write((now) => verifyItem(this.doc, itemId, this.#actor, now));
  }

  addWalkIn(name: string): OpResult<string> {
    return this.#write(() => addGuest(this.doc, { name, walkIn: true }));
  }

  checkIn(guestId: string) {
    return this.#write((now) => checkInGuest(this.doc, guestId, this.#actor, now));
  }

  undoCheckIn(guestId: string): OpResult {
    return this.#write((now) => undoCheckIn(this.doc, guestId, this.#actor, now));
  }

  raiseIncident(title: string, level: IncidentLevel): OpResult<string> {
    return this.#write((now) => raiseIncident(this.doc, { title, level }, this.#actor, now));
  }

  acknowledgeIncident(incidentId: string): OpResult {
    return this.#write((now) => acknowledgeIncident(this.doc, incidentId, this.#actor, now));
  }

  resolveIncident(incidentId: string): OpResult {
    return this.#write((now) => resolveIncident(this.doc, incidentId, this.#actor, now));
  }

  /** Forms a pair of an on-site and a remote person from the document's `people` (owners only). */
  formPair(name: string, onsiteId: string, remoteId: string): OpResult<string> {
    return this.#write(() => addPair(this.doc, { name, onsiteId, remoteId }));
  }

  /** Stops syncing and frees the doc. The Awareness has its own timer that `provider.destroy` leaves running. */
  destroy(): void {
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    this.#stopObserving();
    this.#provider.awareness.destroy();
    this.#provider.destroy();
    this.doc.destroy();
  }

  #write<T>(op: (now: Date) => OpResult<T>): OpResult<T> {
    if (!this.#writable) return READ_ONLY;
    // A timestamp handed to the operation, not state the UI observes.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    return this.#ready ? op(new Date()) : NOT_READY;
  }

  #onSync(synced: boolean): void {
    this.#synced = synced;
    if (synced && !this.#ready) {
      this.#ready = true;
      this.board = readBoard(this.doc);
    }
  }

  // The provider does not watch the network itself; without this a dead Wi-Fi looks "online"
  // until its 30 s message watchdog fires.
  #setBrowserOffline(offline: boolean): void {
    this.#browserOffline = offline;
    if (this.#closedWith !== null) return;
    if (offline) this.#provider.disconnect();
    else this.#provider.connect();
  }
}
