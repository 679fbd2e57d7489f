import { describe, expect, it } from 'vitest';
import { setItemStatus, tickItem, untickItem, verifyItem } from './items.ts';
import { readBoard } from './read-board.ts';
import {
  ALICE,
  BOB,
  CAROL,
  at,
  boardWithItem,
  expectFailure,
  readOne,
  replicaOf,
  snapshot,
  sync,
  unwrap,
} from './test-support.ts';

describe('tickItem / untickItem', () => {
  it('records who ticked and when, and untick clears it', () => {
    const { doc, itemId } = boardWithItem();
    unwrap(tickItem(doc, itemId, ALICE, at(5)));
    expect(readOne(doc, 'items', itemId)).toMatchObject({
      status: 'done',
      doneBy: ALICE,
      doneAt: at(5).toISOString(),
    });
    unwrap(untickItem(doc, itemId, BOB, at(6)));
    expect(readOne(doc, 'items', itemId)).toMatchObject({
      status: 'todo',
      doneBy: null,
      doneAt: null,
      verifiedBy: null,
    });
  });

  it('refuses to tick a done item or untick one that is not done', () => {
    const { doc, itemId } = boardWithItem();
    expectFailure(untickItem(doc, itemId, ALICE, at(1)), 'invalid_state');
    unwrap(tickItem(doc, itemId, ALICE, at(2)));
    expect(expectFailure(tickItem(doc, itemId, BOB, at(3)), 'invalid_state').message).toContain(ALICE.name);
    expect(readOne(doc, 'items', itemId).doneBy).toEqual(ALICE);
  });

  it('answers not_found and invalid_input without writing', () => {
    const { doc, itemId } = boardWithItem();
    const before = snapshot(doc);
    expectFailure(tickItem(doc, 'nope', ALICE, at(1)), 'not_found');
    expectFailure(tickItem(doc, itemId, { id: '', name: 'x' }, at(1)), 'invalid_input');
    expectFailure(tickItem(doc, itemId, ALICE, new Date('nope')), 'invalid_input');
    expect(snapshot(doc)).toEqual(before);
  });
});

describe('verifyItem (two-person sign-off)', () => {
  it('lets the other person verify a done item', () => {
    const { doc, itemId } = boardWithItem();
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    unwrap(verifyItem(doc, itemId, BOB, at(2)));
    expect(readOne(doc, 'items', itemId)).toMatchObject({
      doneBy: ALICE,
      verifiedBy: BOB,
      verifiedAt: at(2).toISOString(),
    });
  });

  it('does not let the doer verify their own work', () => {
    const { doc, itemId } = boardWithItem();
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    expectFailure(verifyItem(doc, itemId, ALICE, at(2)), 'not_allowed');
    expect(readOne(doc, 'items', itemId).verifiedBy).toBeNull();
  });

  it('refuses to verify an item that is not done or already verified', () => {
    const { doc, itemId } = boardWithItem();
    expectFailure(verifyItem(doc, itemId, BOB, at(1)), 'invalid_state');
    unwrap(tickItem(doc, itemId, ALICE, at(2)));
    unwrap(verifyItem(doc, itemId, BOB, at(3)));
    expectFailure(verifyItem(doc, itemId, CAROL, at(4)), 'invalid_state');
    expectFailure(verifyItem(doc, 'nope', CAROL, at(4)), 'not_found');
  });

  it('drops a verification when the item is unticked and ticked again', () => {
    const { doc, itemId } = boardWithItem();
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    unwrap(verifyItem(doc, itemId, BOB, at(2)));
    unwrap(untickItem(doc, itemId, ALICE, at(3)));
    unwrap(tickItem(doc, itemId, BOB, at(4)));
    expect(readOne(doc, 'items', itemId)).toMatchObject({ doneBy: BOB, verifiedBy: null });
  });

  it('shows no verification when an untick raced it on another replica', () => {
    const { doc, itemId } = boardWithItem();
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    const other = replicaOf(doc);
    unwrap(untickItem(doc, itemId, ALICE, at(2)));
    unwrap(verifyItem(other, itemId, BOB, at(2)));
    sync(doc, other);
    expect(readBoard(doc).items).toEqual(readBoard(other).items);
    const merged = readOne(doc, 'items', itemId);
    if (merged.status !== 'done') expect(merged).toMatchObject({ doneBy: null, verifiedBy: null });
    else expect(merged.doneBy).toEqual(ALICE);
  });

  it('keeps one whole done stamp when two people tick at once', () => {
    const { doc, itemId } = boardWithItem();
    const other = replicaOf(doc);
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    unwrap(tickItem(other, itemId, BOB, at(2)));
    sync(doc, other);
    const merged = readOne(doc, 'items', itemId);
    expect(merged).toEqual(readOne(other, 'items', itemId));
    const stamps = [
      { doneBy: ALICE, doneAt: at(1).toISOString() },
      { doneBy: BOB, doneAt: at(2).toISOString() },
    ];
    expect(stamps).toContainEqual({ doneBy: merged.doneBy, doneAt: merged.doneAt });
  });
});

describe('setItemStatus', () => {
  it('moves through doing and blocked, and done behaves like a tick', () => {
    const { doc, itemId } = boardWithItem();
    unwrap(setItemStatus(doc, itemId, 'doing', ALICE, at(1)));
    expect(readOne(doc, 'items', itemId).status).toBe('doing');
    unwrap(setItemStatus(doc, itemId, 'blocked', ALICE, at(2)));
    expect(readOne(doc, 'items', itemId).status).toBe('blocked');
    unwrap(setItemStatus(doc, itemId, 'done', ALICE, at(3)));
    expect(readOne(doc, 'items', itemId)).toMatchObject({
      status: 'done',
      doneBy: ALICE,
      doneAt: at(3).toISOString(),
    });
  });

  it('clears done and verified marks when leaving done', () => {
    const { doc, itemId } = boardWithItem();
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    unwrap(verifyItem(doc, itemId, BOB, at(2)));
    unwrap(setItemStatus(doc, itemId, 'doing', BOB, at(3)));
    expect(readOne(doc, 'items', itemId)).toMatchObject({ status: 'doing', doneBy: null, verifiedBy: null });
  });

  it('changes nothing when the status is already set', () => {
    const { doc, itemId } = boardWithItem();
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    const before = snapshot(doc);
    unwrap(setItemStatus(doc, itemId, 'done', BOB, at(2)));
    expect(snapshot(doc)).toEqual(before);
  });

  it('rejects an unknown status with the allowed ones', () => {
    const { doc, itemId } = boardWithItem();
    expect(
      expectFailure(setItemStatus(doc, itemId, 'finished' as 'done', ALICE, at(1)), 'invalid_input').message,
    ).toBe("status must be one of todo, doing, blocked, done, got 'finished'");
    expectFailure(setItemStatus(doc, 'nope', 'doing', ALICE, at(1)), 'not_found');
  });
});
