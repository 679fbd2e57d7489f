import type * as Y from 'yjs';
import { editTime } from '../clock.ts';
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
import { keepBoardForOffline } from './offline/offline-cache.ts';
import { OfflineDoc, type LinkStatus } from './offline/offline-doc.svelte.ts';

const READ_ONLY: OpResult<never> = {
  ok: false,
  error: { code: 'not_allowed', message: 'this board is read-only for you' },
};

export interface BoardConnectionOptions {
  /** False for observers: every write is refused here (the server would drop it anyway). */
  writable: boolean;
  /** An owner of the board: the fallback verifier when a pair has lost its second member. */
  boardOwner?: boolean;
  serverUrl?: string;
}

export type { LinkStatus };

/** What the Connection badge shows: the link, and how many of my changes the server has not confirmed. */
export interface ConnectionState {
  readonly status: LinkStatus;
  readonly unsynced: number;
}

/** The sync endpoint on the page's own origin (`ws(s)://host/yjs`); the provider appends the board id. */
export function syncServerUrl(location: Location): string {
  const protocol = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${protocol}://${location.host}${SYNC_PATH_PREFIX}`;
}

/**
 * One board's live document in the browser: the board as runes, the connection state, and board
 * operations run as the local person.
 *
 * The document is an `OfflineDoc`: kept in this browser per person (a reload without network
 * still shows the board and the changes waiting), synced with jittered reconnects, its unsynced
 * changes counted. Nothing is written before the doc is `ready` (local copy loaded and the server
 * synced at least once): the server seeds new boards, and a write into an empty doc would race
 * that seed. After that, writes work offline too and sync on reconnect.
 */
export class BoardConnection {
  readonly boardId: string;
  /** The board as plain data, re-read on every document change. */
  board = $state.raw<Board>(EMPTY_BOARD);

  readonly #live: OfflineDoc;
  readonly #actor: Actor;
  readonly #writable: boolean;
  /** Passed to the two-person rule (sync-core `verifyItem`). */
  readonly boardOwner: boolean;
  readonly #stopObserving: () => void;

  constructor(boardId: string, actor: Actor, options: BoardConnectionOptions) {
    this.boardId = boardId;
    this.#actor = { id: actor.id, name: actor.name };
    this.#writable = options.writable;
    this.boardOwner = options.boardOwner ?? false;
    // The actor is the signed-in person: their id names the local copy.
    this.#live = new OfflineDoc({
      docName: boardId,
      userId: actor.id,
      serverUrl: options.serverUrl ?? syncServerUrl(window.location),
      // Whenever the server answered: a later reload without network needs the page's API reads too.
      onSynced: () => {
        keepBoardForOffline(boardId).catch((error: unknown) => {
          console.warn('Could not keep this board for offline use.', error);
        });
      },
    });
    this.#stopObserving = observeBoard(this.doc, () => {
      this.board = readBoard(this.doc);
    });
  }

  /** The link (online, reconnecting, offline) and how many of my changes the server has not confirmed. */
  get state(): ConnectionState {
    return { status: this.#live.status, unsynced: this.#live.unsynced };
  }

  get doc(): Y.Doc {
    return this.#live.doc;
  }

  /** Caught up with the server right now. */
  get synced(): boolean {
    return this.#live.synced;
  }

  /** The doc holds the board (local copy, and the server synced at least once ever): writes are safe. */
  get ready(): boolean {
    return this.#live.ready;
  }

  /** The final close code when the server refused this board (e.g. `CLOSE_BOARD_NOT_FOUND`), else null. */
  get closedWith(): number | null {
    return this.#live.closedWith;
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
    return this.#write((now) =>
      verifyItem(this.doc, itemId, this.#actor, now, null, { boardOwner: this.boardOwner }),
    );
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

  /** Stops syncing and frees the doc (the local copy stays for the next visit). */
  destroy(): void {
    this.#stopObserving();
    this.#live.destroy();
  }

  #write<T>(op: (now: Date) => OpResult<T>): OpResult<T> {
    if (!this.#writable) return READ_ONLY;
    return this.#live.ready ? op(editTime()) : NOT_READY;
  }
}
