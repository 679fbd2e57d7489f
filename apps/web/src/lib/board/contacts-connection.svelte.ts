import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { GuestContact } from '@pairboard/board-schema';
import { contactsDocName, observeGuestContacts, readGuestContacts } from '@pairboard/sync-core';
import { syncServerUrl } from './board-connection.svelte.ts';

/**
 * Guests' phone, email and notes: the board's second Yjs document, `<boardId>~contacts`. Only
 * owners, editors and observers open it; door staff and client screens never receive it (the
 * server refuses them with 4403), which is what keeps personal data off their devices.
 */
export class ContactsConnection {
  readonly doc = new Y.Doc();
  /** Contact data by guest id, re-read on every change. Empty until the first sync. */
  // Replaced whole on every change ($state.raw), never mutated: a plain Map is right here.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  byGuest = $state.raw<ReadonlyMap<string, GuestContact>>(new Map());
  /** The final close code when the server refused the document, else null. */
  closedWith = $state<number | null>(null);

  readonly #provider: WebsocketProvider;
  readonly #stopObserving: () => void;

  constructor(boardId: string, serverUrl: string = syncServerUrl(window.location)) {
    this.#stopObserving = observeGuestContacts(this.doc, () => {
      this.byGuest = readGuestContacts(this.doc);
    });
    this.#provider = new WebsocketProvider(serverUrl, contactsDocName(boardId), this.doc);
    this.#provider.on('closed', ({ code }) => {
      this.closedWith = code;
    });
  }

  destroy(): void {
    this.#stopObserving();
    this.#provider.awareness.destroy();
    this.#provider.destroy();
    this.doc.destroy();
  }
}
