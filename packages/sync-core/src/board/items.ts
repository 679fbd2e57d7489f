import type * as Y from 'yjs';
import { ItemStatus } from '@pairboard/board-schema';
import type { Actor, CheckIn } from '@pairboard/board-schema';
import { getEntity, type EntityMap } from './layout.ts';
import { readStamp } from './fields.ts';
import { checkActorAndTime, fail, ok, type OpError, type OpResult } from './result.ts';
import { runOp } from './transact.ts';

/*
 * Item state lives in three fields of the item's map: `status`, `done` ({ at, by } | null) and
 * `verified` ({ at, by } | null). A stamp is one value, so a concurrent tick by two people
 * keeps one whole stamp (never A's name with B's time).
 */

type ItemOp = (item: EntityMap, stamp: CheckIn) => OpResult;

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

function currentDone(item: EntityMap): CheckIn | null {
  return item.get('status') === 'done' ? readStamp(item, 'done') : null;
}

function describeStamp(stamp: CheckIn): string {
  return `${stamp.by.name} at ${stamp.at}`;
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
  item.set('status', 'todo');
  item.set('done', null);
  item.set('verified', null);
  return ok();
};

/** Marks an item done by `actor` at `now` (and clears any old verification). Fails when it is already done. */
export function tickItem(
  doc: Y.Doc,
  itemId: string,
  actor: Actor,
  now: Date,
  origin: unknown = null,
): OpResult {
  return withItem(doc, itemId, actor, now, origin, tick);
}

/** Moves a done item back to `todo`, clearing who did and who verified it. */
export function untickItem(
  doc: Y.Doc,
  itemId: string,
  actor: Actor,
  now: Date,
  origin: unknown = null,
): OpResult {
  return withItem(doc, itemId, actor, now, origin, untick);
}

/**
 * Verifies a done item: the second half of the two-person sign-off, so the doer cannot verify
 * their own work (`not_allowed`). Fails with `invalid_state` unless the item is done and not yet verified.
 */
export function verifyItem(
  doc: Y.Doc,
  itemId: string,
  actor: Actor,
  now: Date,
  origin: unknown = null,
): OpResult {
  return withItem(doc, itemId, actor, now, origin, (item, stamp) => {
    const done = currentDone(item);
    if (!done) return fail('invalid_state', 'only a done item can be verified');
    if (done.by.id === stamp.by.id) {
      return fail('not_allowed', `${stamp.by.name} did this item; another person must verify it`);
    }
    const verified = readStamp(item, 'verified');
    if (verified && verified.by.id !== done.by.id) {
      return fail('invalid_state', `item is already verified by ${describeStamp(verified)}`);
    }
    item.set('verified', stamp);
    return ok();
  });
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
    const error: OpError = {
      code: 'invalid_input',
      message: `status must be one of ${ItemStatus.options.join(', ')}, got '${String(status)}'`,
    };
    return { ok: false, error };
  }
  const next = parsed.data;
  return withItem(doc, itemId, actor, now, origin, (item, stamp) => {
    if (item.get('status') === next && (next !== 'done' || currentDone(item))) return ok();
    if (next === 'done') return tick(item, stamp);
    item.set('status', next);
    item.set('done', null);
    item.set('verified', null);
    return ok();
  });
}
