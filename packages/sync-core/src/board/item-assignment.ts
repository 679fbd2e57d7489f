import type * as Y from 'yjs';
import { ChecklistItem, Owner } from '@pairboard/board-schema';
import { getEntity } from './layout.ts';
import { describeIssues, fail, ok, type OpResult } from './result.ts';
import { runOp } from './transact.ts';

const DueAt = ChecklistItem.shape.dueAt;

/** Assigns an item to a pair or a person on the board, or to nobody (`null`). */
export function setItemOwner(
  doc: Y.Doc,
  itemId: string,
  owner: Owner | null,
  origin: unknown = null,
): OpResult {
  const parsed = Owner.nullable().safeParse(owner);
  if (!parsed.success) return fail('invalid_input', describeIssues('owner', parsed.error.issues));
  const next = parsed.data;
  return runOp(doc, origin, () => {
    const item = getEntity(doc, 'items', itemId);
    if (!item) return fail('not_found', `item ${itemId} not found`);
    if (next && !getEntity(doc, next.kind === 'pair' ? 'pairs' : 'people', next.id)) {
      return fail('not_found', `${next.kind} ${next.id} is not on this board`);
    }
    item.set('owner', next);
    return ok();
  });
}

/** Sets when an item is due (an ISO time with offset), or clears it with `null`. */
export function setItemDue(
  doc: Y.Doc,
  itemId: string,
  dueAt: string | null,
  origin: unknown = null,
): OpResult {
  const parsed = DueAt.safeParse(dueAt);
  if (!parsed.success)
    return fail('invalid_input', `due time must be an ISO time with offset or null, got '${String(dueAt)}'`);
  return runOp(doc, origin, () => {
    const item = getEntity(doc, 'items', itemId);
    if (!item) return fail('not_found', `item ${itemId} not found`);
    item.set('dueAt', parsed.data);
    return ok();
  });
}
