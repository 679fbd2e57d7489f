import * as Y from 'yjs';
import type { DecodedStruct, DeleteRange, StructId } from './decoded-update.ts';

/**
 * Whether a struct can be the parent Yjs resolves an item's parent ID to. A shared type is the
 * real case. A GC struct or deleted content is a type that was deleted and garbage-collected
 * since the sender saw it (a concurrent edit inside a deleted map): Yjs then GCs the new item,
 * which is the correct outcome, so it is allowed. Anything else (text, JSON, ...) is not a
 * type: Yjs would silently turn the item into a GC struct.
 */
export function isParentInDoc(doc: Y.Doc, id: StructId): boolean {
  const struct: Y.Item | Y.GC = Y.getItem(doc.store, Y.createID(id.client, id.clock));
  if (!(struct instanceof Y.Item)) return true;
  return struct.content instanceof Y.ContentType || struct.content instanceof Y.ContentDeleted;
}

/** Same rule as `isParentInDoc`, for a parent that arrives in the same update. */
export function isParentStruct(struct: DecodedStruct | undefined): boolean {
  if (struct === undefined) return false;
  if (struct.kind === 'gc') return true;
  return struct.kind === 'item' && (struct.content === 'type' || struct.content === 'deleted');
}

/**
 * Whether every struct in `range` is already deleted in the doc. The range must lie below the
 * doc's state for its client. Stops at the first live struct, so a delete that does something
 * costs one binary search.
 */
export function isRangeDeletedInDoc(doc: Y.Doc, range: DeleteRange): boolean {
  const structs = doc.store.clients.get(range.client);
  if (structs === undefined) return false;
  const end = range.clock + range.length;
  for (let i = Y.findIndexSS(structs, range.clock); i < structs.length; i++) {
    const struct = structs[i];
    if (struct === undefined || struct.id.clock >= end) break;
    if (!struct.deleted) return false;
  }
  return true;
}

/** Binary search for the struct of a contiguous run that contains `clock`. */
export function findStructInRun(structs: readonly DecodedStruct[], clock: number): DecodedStruct | undefined {
  let low = 0;
  let high = structs.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const struct = structs[mid];
    if (struct === undefined) return undefined;
    if (clock < struct.clock) high = mid - 1;
    else if (clock >= struct.clock + struct.length) low = mid + 1;
    else return struct;
  }
  return undefined;
}
