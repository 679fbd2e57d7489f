import * as Y from 'yjs';
import { GuestContact } from '@pairboard/board-schema';
import { CONTACTS_ROOT } from './layout.ts';
import { readString } from './fields.ts';
import { describeIssues, fail, ok, type OpResult } from './result.ts';
import { runOp } from './transact.ts';
import { observeTransactions } from './observe.ts';

/*
 * Guests' contact data lives in a document of its own (`<boardId>~contacts`), because a Yjs
 * document cannot be served in part: keeping phone, email and notes out of the main document
 * is what keeps them off door-staff and client devices. Root `guestContacts`: guest id ->
 * Y.Map { phone, email, notes }. The contacts doc cannot see the main doc, so it does not check
 * that the guest exists; readers join the two by guest id.
 */

const CONTACT_FIELDS = ['phone', 'email', 'notes'] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];

/** Contact fields to set; an omitted field keeps its value, `''` clears it. */
export type GuestContactInput = Partial<Pick<GuestContact, ContactField>>;

const ContactInput = GuestContact.omit({ guestId: true }).partial().strict();
const GuestId = GuestContact.shape.guestId;

function contactsRoot(contactsDoc: Y.Doc): Y.Map<unknown> {
  return contactsDoc.getMap(CONTACTS_ROOT.guestContacts);
}

function readContact(guestId: string, map: Y.Map<unknown>): GuestContact {
  return {
    guestId,
    phone: readString(map, 'phone'),
    email: readString(map, 'email'),
    notes: readString(map, 'notes'),
  };
}

/** Every guest's contact data, keyed by guest id. Malformed entries a foreign client wrote are skipped. */
export function readGuestContacts(contactsDoc: Y.Doc): Map<string, GuestContact> {
  const contacts = new Map<string, GuestContact>();
  const entries = [...contactsRoot(contactsDoc).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [guestId, value] of entries) {
    if (value instanceof Y.Map && GuestId.safeParse(guestId).success) {
      contacts.set(guestId, readContact(guestId, value as Y.Map<unknown>));
    }
  }
  return contacts;
}

/** Trims the strings before validation, so limits apply to what is stored. */
function trimmed(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  return Object.fromEntries(
    Object.entries(input).map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value]),
  );
}

/**
 * Sets a guest's contact fields, creating the entry when the guest has none. Only the given
 * fields are written, and only when they change, so two people editing different fields of one
 * contact both keep their edit.
 *
 * @example
 * setGuestContact(contactsDoc, guestId, { phone: '13812345678' });
 */
export function setGuestContact(
  contactsDoc: Y.Doc,
  guestId: string,
  input: GuestContactInput,
  origin: unknown = null,
): OpResult {
  if (!GuestId.safeParse(guestId).success) return fail('invalid_input', 'guestId must be 1-64 characters');
  const parsed = ContactInput.safeParse(trimmed(input));
  if (!parsed.success) return fail('invalid_input', describeIssues('guest contact', parsed.error.issues));
  const fields = parsed.data;
  return runOp(contactsDoc, origin, () => {
    const root = contactsRoot(contactsDoc);
    const existing = root.get(guestId);
    let entry: Y.Map<unknown>;
    if (existing instanceof Y.Map) {
      entry = existing as Y.Map<unknown>;
    } else {
      entry = new Y.Map<unknown>();
      root.set(guestId, entry);
      for (const field of CONTACT_FIELDS) entry.set(field, '');
    }
    for (const field of CONTACT_FIELDS) {
      const value = fields[field];
      if (value !== undefined && entry.get(field) !== value) entry.set(field, value);
    }
    return ok();
  });
}

/**
 * Erases a guest's contact data (a PIPL/GDPR erasure request, or a guest removed from the
 * list): deletes the entry. Yjs garbage-collects deleted content, so the values leave this
 * document's state and every replica that receives the erasure; copies in earlier stored
 * updates are the storage's to compact. `not_found` when the guest has no contact entry.
 */
export function eraseGuestContact(contactsDoc: Y.Doc, guestId: string, origin: unknown = null): OpResult {
  return runOp(contactsDoc, origin, () => {
    const root = contactsRoot(contactsDoc);
    if (!root.has(guestId)) return fail('not_found', `guest ${guestId} has no contact data`);
    root.delete(guestId);
    return ok();
  });
}

/**
 * Calls `onChange(origin)` once per transaction that changed the contacts document, local or
 * remote. Returns the unsubscribe function.
 *
 * @example
 * const stop = observeGuestContacts(contactsDoc, () => { contacts = readGuestContacts(contactsDoc); });
 */
export function observeGuestContacts(contactsDoc: Y.Doc, onChange: (origin: unknown) => void): () => void {
  return observeTransactions([contactsRoot(contactsDoc)], onChange);
}
