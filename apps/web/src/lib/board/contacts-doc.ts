import type * as Y from 'yjs';
import { GuestContact } from '@pairboard/board-schema';

// TODO(issue 3): switch to sync-core's readGuestContacts/observeGuestContacts once they land.
const ROOT = 'guestContacts';

/** Every guest's contact data in a contacts document; malformed entries are skipped. */
export function readContacts(doc: Y.Doc): Map<string, GuestContact> {
  const contacts = new Map<string, GuestContact>();
  for (const [guestId, value] of doc.getMap<unknown>(ROOT)) {
    const fields =
      value !== null && typeof value === 'object' && 'toJSON' in value
        ? (value as Y.Map<unknown>).toJSON()
        : {};
    const parsed = GuestContact.safeParse({ phone: '', email: '', notes: '', ...fields, guestId });
    if (parsed.success) contacts.set(guestId, parsed.data);
  }
  return contacts;
}

/** Calls `onChange` after every change to the contacts; returns the unsubscribe function. */
export function observeContacts(doc: Y.Doc, onChange: () => void): () => void {
  const root = doc.getMap<unknown>(ROOT);
  const handler = (): void => onChange();
  root.observeDeep(handler);
  return () => root.unobserveDeep(handler);
}
