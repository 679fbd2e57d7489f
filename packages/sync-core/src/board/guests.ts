import type * as Y from 'yjs';
import { Guest } from '@pairboard/board-schema';
import type { GuestTag } from '@pairboard/board-schema';
import { createEntity, newId, nextOrder, orderedEntities } from './layout.ts';
import { readBoolean, readInteger, readString, readTags } from './fields.ts';
import { describeIssues, fail, ok, type OpResult } from './result.ts';
import { runOp } from './transact.ts';
import { deriveCheckIns } from './check-in.ts';

// Strict: phone, email and notes belong in the contacts document (`setGuestContact`), and an
// unknown key is refused rather than silently dropped.
const GuestInput = Guest.omit({ id: true, checkIn: true })
  .partial()
  .extend({ name: Guest.shape.name })
  .strict();

/**
 * Fields for a new guest; everything but the name is optional. Contact data is not here: write
 * it to the contacts document with `setGuestContact` under the returned guest id.
 */
export interface AddGuestInput {
  name: string;
  company?: string;
  title?: string;
  tags?: GuestTag[];
  host?: string;
  seat?: string;
  plusOnes?: number;
  walkIn?: boolean;
}

/** Adds a guest at the end of the list (import order). Returns the guest id. */
export function addGuest(doc: Y.Doc, input: AddGuestInput, origin: unknown = null): OpResult<string> {
  const parsed = GuestInput.safeParse(input);
  if (!parsed.success) return fail('invalid_input', describeIssues('guest', parsed.error.issues));
  const guest = parsed.data;
  if (guest.name.trim() === '') return fail('invalid_input', 'invalid guest: name must not be blank');
  return runOp(doc, origin, () => {
    const id = newId();
    createEntity(doc, 'guests', id, {
      name: guest.name.trim(),
      company: guest.company ?? '',
      title: guest.title ?? '',
      tags: [...new Set(guest.tags ?? [])],
      host: guest.host ?? '',
      seat: guest.seat ?? '',
      plusOnes: guest.plusOnes ?? 0,
      walkIn: guest.walkIn ?? false,
      order: nextOrder(doc, 'guests'),
    });
    return ok(id);
  });
}

/** Guests in list order (the order they were added or imported), each with its derived check-in. */
export function readGuests(doc: Y.Doc): Guest[] {
  const checkIns = deriveCheckIns(doc);
  return orderedEntities(doc, 'guests').map(([id, map]) => ({
    id,
    name: readString(map, 'name'),
    company: readString(map, 'company'),
    title: readString(map, 'title'),
    tags: readTags(map, 'tags'),
    host: readString(map, 'host'),
    seat: readString(map, 'seat'),
    plusOnes: readInteger(map, 'plusOnes'),
    walkIn: readBoolean(map, 'walkIn'),
    checkIn: checkIns.get(id)?.standing ?? null,
  }));
}
