import { describe, expect, it } from 'vitest';
import { setItemOwner } from './item-assignment.ts';
import { tickItem, verifyItem } from './items.ts';
import { addPerson } from './people.ts';
import { canVerifyItem, isDoneNotVerified, verifyRefusal } from './sign-off.ts';
import { ALICE, BOB, CAROL, at, boardWithItem, expectFailure, readOne, unwrap } from './test-support.ts';
import { entityRoot } from './layout.ts';

function pairOwnedItem(): { doc: ReturnType<typeof boardWithItem>['doc']; itemId: string; pairId: string } {
  const { doc, itemId } = boardWithItem();
  unwrap(addPerson(doc, { id: CAROL.id, name: CAROL.name, position: 'remote' }));
  const pairId = [...entityRoot(doc, 'pairs').keys()][0] ?? '';
  unwrap(setItemOwner(doc, itemId, { kind: 'pair', id: pairId }));
  return { doc, itemId, pairId };
}

describe('two-person sign-off on a pair-owned item', () => {
  it('lets the other member of the pair verify what one member did', () => {
    const { doc, itemId } = pairOwnedItem();
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    unwrap(verifyItem(doc, itemId, BOB, at(2)));
    expect(readOne(doc, 'items', itemId).verifiedBy).toEqual(BOB);
  });

  it('refuses a verify by someone outside the pair, even a board owner', () => {
    const { doc, itemId } = pairOwnedItem();
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    expectFailure(verifyItem(doc, itemId, CAROL, at(2)), 'not_allowed');
    expectFailure(verifyItem(doc, itemId, CAROL, at(2), null, { boardOwner: true }), 'not_allowed');
    expect(readOne(doc, 'items', itemId).verifiedBy).toBeNull();
  });

  it('never lets the doer verify, whoever owns the item', () => {
    const { doc, itemId } = pairOwnedItem();
    unwrap(tickItem(doc, itemId, BOB, at(1)));
    expectFailure(verifyItem(doc, itemId, BOB, at(2), null, { boardOwner: true }), 'not_allowed');
  });

  it('lets either pair member verify when someone outside the pair did the item', () => {
    const { doc, itemId } = pairOwnedItem();
    unwrap(tickItem(doc, itemId, CAROL, at(1)));
    unwrap(verifyItem(doc, itemId, ALICE, at(2)));
  });

  it('falls back to a board owner only when the pair has lost its second member', () => {
    const { doc, itemId } = pairOwnedItem();
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    entityRoot(doc, 'people').delete(BOB.id);
    expectFailure(verifyItem(doc, itemId, CAROL, at(2)), 'not_allowed');
    unwrap(verifyItem(doc, itemId, CAROL, at(2), null, { boardOwner: true }));
  });
});

describe('verifyRefusal and isDoneNotVerified (what the UI offers)', () => {
  const context = {
    pairs: [{ id: 'p1', onsiteId: ALICE.id, remoteId: BOB.id }],
    people: [{ id: ALICE.id }, { id: BOB.id }, { id: CAROL.id }],
  };
  const done = {
    status: 'done' as const,
    owner: { kind: 'pair' as const, id: 'p1' },
    doneBy: ALICE,
    verifiedBy: null,
  };

  it('offers verify only to the other member of the pair', () => {
    expect(canVerifyItem(done, BOB.id, context)).toBe(true);
    expect(canVerifyItem(done, ALICE.id, context)).toBe(false);
    expect(verifyRefusal(done, CAROL.id, context)).toMatch(/other member/);
  });

  it('offers verify to anyone but the doer on a person-owned or unowned item', () => {
    const personItem = { ...done, owner: { kind: 'person' as const, id: ALICE.id } };
    expect(canVerifyItem(personItem, CAROL.id, context)).toBe(true);
    expect(canVerifyItem({ ...done, owner: null }, ALICE.id, context)).toBe(false);
  });

  it('calls a done item without a second signature done-not-verified', () => {
    expect(isDoneNotVerified(done)).toBe(true);
    expect(isDoneNotVerified({ ...done, verifiedBy: BOB })).toBe(false);
    expect(isDoneNotVerified({ ...done, status: 'doing', doneBy: null })).toBe(false);
    expect(canVerifyItem({ ...done, verifiedBy: BOB }, BOB.id, context)).toBe(false);
  });
});
