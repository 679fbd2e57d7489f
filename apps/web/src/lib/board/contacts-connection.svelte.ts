import type * as Y from 'yjs';
import type { GuestContact } from '@pairboard/board-schema';
import { contactsDocName, observeGuestContacts, readGuestContacts } from '@pairboard/sync-core';
import { syncServerUrl } from './board-connection.svelte.ts';
import { forgetLocalCopy } from './offline/local-copy.ts';
import { OfflineDoc } from './offline/offline-doc.svelte.ts';

export interface ContactsConnectionOptions {
  /** The signed-in person: names the local copy. Without it the contacts live in memory only. */
  userId?: string;
  serverUrl?: string;
}

/**
 * Guests' phone, email and notes: the board's second Yjs document, `<boardId>~contacts`. Only
 * owners, editors and observers open it; door staff and client screens never receive it (the
 * server refuses them with 4403), which is what keeps personal data off their devices.
 *
 * Kept in this browser like the board (an `OfflineDoc`), per person; the local copy is deleted
 * when the server refuses the document (my role changed) and on sign-out.
 */
export class ContactsConnection {
  /** Contact data by guest id, re-read on every change. Empty until the first sync. */
  // Replaced whole on every change ($state.raw), never mutated: a plain Map is right here.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  byGuest = $state.raw<ReadonlyMap<string, GuestContact>>(new Map());

  readonly #live: OfflineDoc;
  readonly #stopObserving: () => void;

  constructor(boardId: string, options: ContactsConnectionOptions = {}) {
    this.#live = new OfflineDoc({
      docName: contactsDocName(boardId),
      userId: options.userId ?? null,
      serverUrl: options.serverUrl ?? syncServerUrl(window.location),
      forgetWhenRefused: true,
    });
    this.#stopObserving = observeGuestContacts(this.doc, () => {
      this.byGuest = readGuestContacts(this.doc);
    });
  }

  get doc(): Y.Doc {
    return this.#live.doc;
  }

  /** The final close code when the server refused the document, else null. */
  get closedWith(): number | null {
    return this.#live.closedWith;
  }

  destroy(): void {
    this.#stopObserving();
    this.#live.destroy();
  }
}

/**
 * The contacts of `boardId` for a person whose role may read them, else null, after deleting
 * any local copy left from a role that could (personal data must not stay on the phone).
 *
 * @example
 * const contacts = openContacts(board.id, user.id, boardAccess(board.role).contacts);
 */
export function openContacts(boardId: string, userId: string, allowed: boolean): ContactsConnection | null {
  if (allowed) return new ContactsConnection(boardId, { userId });
  if (typeof indexedDB !== 'undefined') {
    forgetLocalCopy(userId, contactsDocName(boardId)).catch((error: unknown) => {
      console.warn('Could not delete the local copy of guest contacts.', error);
    });
  }
  return null;
}
