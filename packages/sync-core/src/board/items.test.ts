import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addChecklist, addItem, addSection } from './checklists.ts';
import { setItemStatus, tickItem, untickItem, verifyItem } from './items.ts';
import { readBoard } from './read-board.ts';
import { ALICE, BOB, CAROL, at, newBoard, replicaOf, snapshot, sync, unwrap } from './test-support.ts';

function boardWithItem(): { doc: Y.Doc; itemId: string } {
  const { doc } = newBoard();
  const checklistId = unwrap(addChecklist(doc, { title: '现场执行' }));
  const sectionId = unwrap(addSection(doc, { checklistId, title: '签到' }));
  return { doc, itemId: unwrap(addItem(doc, { sectionId, title: '打印胸牌' })) };
}

function item(doc: Y.Doc, itemId: string) {
  const found = readBoard(doc).items.find((entry) => entry.id === itemId);
  if (!found) throw new Error(`item ${itemId} missing`);
  return found;
}

describe('tickItem / untickItem', () => {
  it('records who ticked and when, and untick clears it', () => {
    const { doc, itemId } = boardWithItem();
    unwrap(tickItem(doc, itemId, ALICE, at(5)));
    expect(item(doc, itemId)).toMatchObject({ status: 'done', doneBy: ALICE, doneAt: at(5).toISOString() });
    unwrap(untickItem(doc, itemId, BOB, at(6)));
    expect(item(doc, itemId)).toMatchObject({ status: 'todo', doneBy: null, doneAt: null, verifiedBy: null });
  });

  it('refuses to tick a done item or untick one that is not done', () => {
    const { doc, itemId } = boardWithItem();
    expect(untickItem(doc, itemId, ALICE, at(1))).toMatchObject({
      ok: false,
      error: { code: 'invalid_state' },
    });
    unwrap(tickItem(doc, itemId, ALICE, at(2)));
    const again = tickItem(doc, itemId, BOB, at(3));
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(!again.ok && again.error.message).toContain(ALICE.name);
    expect(item(doc, itemId).doneBy).toEqual(ALICE);
  });

  it('answers not_found and invalid_input without writing', () => {
    const { doc, itemId } = boardWithItem();
    const before = snapshot(doc);
    expect(tickItem(doc, 'nope', ALICE, at(1))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(tickItem(doc, itemId, { id: '', name: 'x' }, at(1))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(tickItem(doc, itemId, ALICE, new Date('nope'))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(snapshot(doc)).toEqual(before);
  });
});

describe('verifyItem (two-person sign-off)', () => {
  it('lets the other person verify a done item', () => {
    const { doc, itemId } = boardWithItem();
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    unwrap(verifyItem(doc, itemId, BOB, at(2)));
    expect(item(doc, itemId)).toMatchObject({
      doneBy: ALICE,
      verifiedBy: BOB,
      verifiedAt: at(2).toISOString(),
    });
  });

  it('does not let the doer verify their own work', () => {
    const { doc, itemId } = boardWithItem();
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    expect(verifyItem(doc, itemId, ALICE, at(2))).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(item(doc, itemId).verifiedBy).toBeNull();
  });

  it('refuses to verify an item that is not done or already verified', () => {
    const { doc, itemId } = boardWithItem();
    expect(verifyItem(doc, itemId, BOB, at(1))).toMatchObject({
      ok: false,
      error: { code: 'invalid_state' },
    });
    unwrap(tickItem(doc, itemId, ALICE, at(2)));
    unwrap(verifyItem(doc, itemId, BOB, at(3)));
    expect(verifyItem(doc, itemId, CAROL, at(4))).toMatchObject({
      ok: false,
      error: { code: 'invalid_state' },
    });
    expect(verifyItem(doc, 'nope', CAROL, at(4))).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('drops a verification when the item is unticked and ticked again', () => {
    const { doc, itemId } = boardWithItem();
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    unwrap(verifyItem(doc, itemId, BOB, at(2)));
    unwrap(untickItem(doc, itemId, ALICE, at(3)));
    unwrap(tickItem(doc, itemId, BOB, at(4)));
    expect(item(doc, itemId)).toMatchObject({ doneBy: BOB, verifiedBy: null });
  });

  it('shows no verification when an untick raced it on another replica', () => {
    const { doc, itemId } = boardWithItem();
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    const other = replicaOf(doc);
    unwrap(untickItem(doc, itemId, ALICE, at(2)));
    unwrap(verifyItem(other, itemId, BOB, at(2)));
    sync(doc, other);
    expect(readBoard(doc).items).toEqual(readBoard(other).items);
    const merged = item(doc, itemId);
    if (merged.status !== 'done') expect(merged).toMatchObject({ doneBy: null, verifiedBy: null });
    else expect(merged.doneBy).toEqual(ALICE);
  });

  it('keeps one whole done stamp when two people tick at once', () => {
    const { doc, itemId } = boardWithItem();
    const other = replicaOf(doc);
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    unwrap(tickItem(other, itemId, BOB, at(2)));
    sync(doc, other);
    const merged = item(doc, itemId);
    expect(merged).toEqual(item(other, itemId));
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
    expect(item(doc, itemId).status).toBe('doing');
    unwrap(setItemStatus(doc, itemId, 'blocked', ALICE, at(2)));
    expect(item(doc, itemId).status).toBe('blocked');
    unwrap(setItemStatus(doc, itemId, 'done', ALICE, at(3)));
    expect(item(doc, itemId)).toMatchObject({ status: 'done', doneBy: ALICE, doneAt: at(3).toISOString() });
  });

  it('clears done and verified marks when leaving done', () => {
    const { doc, itemId } = boardWithItem();
    unwrap(tickItem(doc, itemId, ALICE, at(1)));
    unwrap(verifyItem(doc, itemId, BOB, at(2)));
    unwrap(setItemStatus(doc, itemId, 'doing', BOB, at(3)));
    expect(item(doc, itemId)).toMatchObject({ status: 'doing', doneBy: null, verifiedBy: null });
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
    const result = setItemStatus(doc, itemId, 'finished' as 'done', ALICE, at(1));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.message).toBe(
      "status must be one of todo, doing, blocked, done, got 'finished'",
    );
    expect(setItemStatus(doc, 'nope', 'doing', ALICE, at(1))).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
