/*
 * Public API of @pairboard/sync-core (browser-safe: no node:* imports anywhere under this
 * entry). Server-only things live behind `@pairboard/sync-core/server` (src/server/index.ts).
 */
export type { DocStore, StoredBoard, StoredUpdate, NewUpdate } from './doc-store.ts';

// Board model: the Yjs layout is in docs/board-schema.md.
export type { OpError, OpResult } from './board/result.ts';
export { BoardInitError } from './board/result.ts';
export {
  ROOT as BOARD_ROOTS,
  CONTACTS_ROOT as CONTACTS_ROOTS,
  CONTACTS_DOC_SUFFIX,
  contactsDocName,
} from './board/layout.ts';
export { orderKeyBetween } from './board/order-key.ts';
export { initBoard } from './board/meta.ts';
export { readBoard, observeBoard } from './board/read-board.ts';
export { addPerson, addPair } from './board/people.ts';
export { addChecklist, addSection, addItem } from './board/checklists.ts';
export type { ItemAction } from './board/items.ts';
export { setItemStatus, tickItem, untickItem, verifyItem } from './board/items.ts';
export { setItemOwner, setItemDue } from './board/item-assignment.ts';
export type { AddGuestInput } from './board/guests.ts';
export { addGuest } from './board/guests.ts';
// Guests' contact data: a separate document per board (see docs/board-schema.md).
export type { GuestContactInput } from './board/contacts.ts';
export {
  readGuestContacts,
  setGuestContact,
  eraseGuestContact,
  observeGuestContacts,
} from './board/contacts.ts';
export type { CheckInLogEntry } from './board/check-in.ts';
export { checkInGuest, undoCheckIn, guestCheckInConflicts } from './board/check-in.ts';
export type { IncidentNoteStep } from './board/incidents.ts';
export {
  raiseIncident,
  acknowledgeIncident,
  resolveIncident,
  reopenIncident,
  addTimelineEntry,
} from './board/incidents.ts';

// One seeded PRNG for the demo board and every seeded test (browser-safe, not for secrets).
export { createSeededRandom, randomInt, pickRandom } from './seeded-random.ts';
