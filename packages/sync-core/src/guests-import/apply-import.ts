import type * as Y from 'yjs';
import { Guest, GuestContact } from '@pairboard/board-schema';
import { createEntity, newId, nextOrder } from '../board/layout.ts';
import { setGuestContact } from '../board/contacts.ts';
import { orderKeyBetween } from '../board/order-key.ts';
import { describeIssues, fail, ok, type OpResult } from '../board/result.ts';
import type { ImportedGuest } from './parse-row.ts';

const GuestFields = Guest.omit({ id: true, checkIn: true });
const ContactFields = GuestContact.omit({ guestId: true });

function hasContact(guest: ImportedGuest): boolean {
  return guest.phone !== '' || guest.email !== '' || guest.notes !== '';
}

/** Checks every guest against the board schema before anything is written. */
function checkAll(guests: readonly ImportedGuest[]): string | null {
  for (const [index, guest] of guests.entries()) {
    const main = GuestFields.safeParse({ ...guest, walkIn: false });
    if (!main.success) return `${index + 1}: ${describeIssues('guest', main.error.issues)}`;
    const contact = ContactFields.safeParse(guest);
    if (!contact.success) return `${index + 1}: ${describeIssues('guest contact', contact.error.issues)}`;
  }
  return null;
}

/**
 * Adds imported guests at the end of the list: all of them in ONE transaction on the main
 * document and their contact data in ONE transaction on the contacts document, so another
 * screen sees the whole import or none of it. Everything is checked before the first write; on
 * `ok: false` neither document changed. Returns the new guest ids in row order.
 *
 * @example
 * const result = applyGuestImport(doc, contactsDoc, rowsToImport(preview, { includeDuplicates: false }).map((r) => r.guest));
 */
export function applyGuestImport(
  doc: Y.Doc,
  contactsDoc: Y.Doc,
  guests: readonly ImportedGuest[],
  origin: unknown = null,
): OpResult<string[]> {
  const problem = checkAll(guests);
  if (problem !== null) return fail('invalid_input', `import row ${problem}`);
  if (guests.length === 0) return ok([]);
  const ids = guests.map(() => newId());
  doc.transact(() => {
    // One scan for the last key, then keys in sequence: nextOrder per guest would be quadratic.
    let order = nextOrder(doc, 'guests');
    guests.forEach((guest, index) => {
      if (index > 0) order = orderKeyBetween(order, null);
      createEntity(doc, 'guests', ids[index] ?? newId(), {
        name: guest.name,
        company: guest.company,
        title: guest.title,
        tags: [...new Set(guest.tags)],
        host: guest.host,
        seat: guest.seat,
        plusOnes: guest.plusOnes,
        walkIn: false,
        order,
      });
    });
  }, origin);
  contactsDoc.transact(() => {
    guests.forEach((guest, index) => {
      const id = ids[index];
      if (id === undefined || !hasContact(guest)) return;
      // Nested in this transaction; the fields were checked above, so this cannot fail.
      setGuestContact(
        contactsDoc,
        id,
        { phone: guest.phone, email: guest.email, notes: guest.notes },
        origin,
      );
    });
  }, origin);
  return ok(ids);
}
