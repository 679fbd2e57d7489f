import type * as Y from 'yjs';
import { ItemStatus } from '@pairboard/board-schema';
import type { Actor, CheckIn } from '@pairboard/board-schema';
import { getEntity, listEntities, type EntityMap } from './layout.ts';
import { readOwner, readStamp, readString } from './fields.ts';
import { verifyRefusal, type SignOffContext, type VerifyOptions } from './sign-off.ts';
import { checkActorAndTime, fail, ok, type OpResult } from './result.ts';
import { runOp } from './transact.ts';

/*
 * Item state lives in three fields of the item's map: `status`, `done` ({ at, by } | null) and
 * `verified` ({ at, by } | null). A stamp is one value, so a concurrent tick by two people
 * keeps one whole stamp (never A's name with B's time).
 */

type ItemOp = (item: EntityMap, stamp: CheckIn) => OpResult;

/** A user action on one item: `actor` does it at `now`. */
export type ItemAction = (doc: Y.Doc, itemId: string, actor: Actor, now: Date, origin?: unknown) => OpResult;

/**
 * Checks the actor and time, finds the item and runs `op` on it in one transaction, with a
 * stamp of who and when.
 */
function withItem(
  doc: Y.Doc,
  itemId: string,
  actor: Actor,
  now: Date,
  origin: unknown,
  op: ItemOp,
): OpResult {
  const invalid = checkActorAndTime(actor, now);
  if (invalid) return { ok: false, error: invalid };
  return runOp(doc, origin, () => {
    const item = getEntity(doc, 'items', itemId);
    if (!item) return fail('not_found', `item ${itemId} not found`);
    return op(item, { at: now.toISOString(), by: { id: actor.id, name: actor.name } });
  });
}

/** Turns an item operation into the exported action (origin defaults to null like every operation). */
function itemAction(op: ItemOp): ItemAction {
  return (doc, itemId, actor, now, origin = null) => withItem(doc, itemId, actor, now, origin, op);
}

function currentDone(item: EntityMap): CheckIn | null {
  return item.get('status') === 'done' ? readStamp(item, 'done') : null;
}

function describeStamp(stamp: CheckIn): string {
  return `${stamp.by.name} at ${stamp.at}`;
}

/** Leaves `done` for another status: the done and verified marks belong to the done state only. */
function leaveDone(item: EntityMap, status: Exclude<ItemStatus, 'done'>): OpResult {
  item.set('status', status);
  item.set('done', null);
  item.set('verified', null);
  return ok();
}

const tick: ItemOp = (item, stamp) => {
  const done = currentDone(item);
  if (done) return fail('invalid_state', `item is already done by ${describeStamp(done)}`);
  item.set('status', 'done');
  item.set('done', stamp);
  item.set('verified', null);
  return ok();
};

const untick: ItemOp = (item) => {
  if (item.get('status') !== 'done') return fail('invalid_state', 'only a done item can be unticked');
  return leaveDone(item, 'todo');
};

/** The pairs and people the sign-off rule needs, read straight from the doc. */
function signOffContext(doc: Y.Doc): SignOffContext {
  const pairs = listEntities(doc, 'pairs').map(([id, pair]) => ({
    id,
    onsiteId: readString(pair, 'onsiteId'),
    remoteId: readString(pair, 'remoteId'),
  }));
  return { pairs, people: listEntities(doc, 'people').map(([id]) => ({ id })) };
}

function verify(doc: Y.Doc, options: VerifyOptions): ItemOp {
  return (item, stamp) => {
    const done = currentDone(item);
    if (!done) return fail('invalid_state', 'only a done item can be verified');
    if (done.by.id === stamp.by.id) {
      return fail('not_allowed', `${stamp.by.name} did this item; another person must verify it`);
    }
    const verified = readStamp(item, 'verified');
    if (verified && verified.by.id !== done.by.id) {
      return fail('invalid_state', `item is already verified by ${describeStamp(verified)}`);
    }
    const marks = {
      status: 'done' as const,
      owner: readOwner(item, 'owner'),
      doneBy: done.by,
      verifiedBy: null,
    };
    const refusal = verifyRefusal(marks, stamp.by.id, signOffContext(doc), options);
    if (refusal) return fail('not_allowed', `${stamp.by.name} may not verify this item: ${refusal}`);
    item.set('verified', stamp);
    return ok();
  };
}

/** Marks an item done by `actor` at `now` (and clears any old verification). Fails when it is already done. */
export const tickItem: ItemAction = itemAction(tick);

/** Moves a done item back to `todo`, clearing who did and who verified it. */
export const untickItem: ItemAction = itemAction(untick);

/**
 * Verifies a done item: the second half of the two-person sign-off. The doer can never verify
 * their own work, and an item owned by a pair is verified by the pair's other member (a board
 * owner only when the pair has lost that member; see `verifyRefusal`). Refusals are
 * `not_allowed`; `invalid_state` unless the item is done and not yet verified.
 */
export function verifyItem(
  doc: Y.Doc,
  itemId: string,
  actor: Actor,
  now: Date,
  origin: unknown = null,
  options: VerifyOptions = {},
): OpResult {
  return withItem(doc, itemId, actor, now, origin, verify(doc, options));
}

/**
 * Sets an item's status. `done` is the same as `tickItem`; any other status clears the done and
 * verified marks. Setting the status an item already has changes nothing and succeeds.
 */
export function setItemStatus(
  doc: Y.Doc,
  itemId: string,
  status: ItemStatus,
  actor: Actor,
  now: Date,
  origin: unknown = null,
): OpResult {
  const parsed = ItemStatus.safeParse(status);
  if (!parsed.success) {
    const message = `status must be one of ${ItemStatus.options.join(', ')}, got '${String(status)}'`;
    return fail('invalid_input', message);
  }
  const next = parsed.data;
  return withItem(doc, itemId, actor, now, origin, (item, stamp) => {
    if (item.get('status') === next && (next !== 'done' || currentDone(item))) return ok();
    return next === 'done' ? tick(item, stamp) : leaveDone(item, next);
  });
}
