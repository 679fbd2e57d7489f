import { describe, expect, it } from 'vitest';
import { addGuest } from './guests.ts';
import { checkInGuest, undoCheckIn } from './check-in.ts';
import { readBoard } from './read-board.ts';
import {
  checkInCompanions,
  checkInGuestWithCompanions,
  readGuestArrivals,
  undoCompanionCheckIn,
} from './guest-arrivals.ts';
import { ALICE, BOB, at, newBoard, replicaOf, sync, unwrap } from './test-support.ts';
import { checkInLogArray, getEntity } from './layout.ts';

function boardWithPlusOnes(plusOnes: number) {
  const { doc } = newBoard();
  return { doc, guestId: unwrap(addGuest(doc, { name: '王磊', plusOnes })) };
}

describe('companions (plus-ones)', () => {
  it('checks the guest in with companions in one step', () => {
    const { doc, guestId } = boardWithPlusOnes(2);
    expect(unwrap(checkInGuestWithCompanions(doc, guestId, 2, ALICE, at(1)))).toEqual({
      already: false,
      companions: [1, 2],
    });
    expect(readBoard(doc).guests[0]?.checkIn?.at).toBe(at(1).toISOString());
    expect(readGuestArrivals(doc).get(guestId)?.companionsArrived).toBe(2);
  });

  it('lets companions arrive on their own, before or after the guest', () => {
    const { doc, guestId } = boardWithPlusOnes(2);
    expect(unwrap(checkInCompanions(doc, guestId, 1, ALICE, at(1)))).toEqual([1]);
    expect(readBoard(doc).guests[0]?.checkIn).toBeNull();
    unwrap(checkInGuest(doc, guestId, BOB, at(2)));
    expect(unwrap(checkInCompanions(doc, guestId, 1, BOB, at(3)))).toEqual([2]);
    expect(readGuestArrivals(doc).get(guestId)?.companionsArrived).toBe(2);
  });

  it('refuses more companions than are still expected and writes nothing', () => {
    const { doc, guestId } = boardWithPlusOnes(1);
    unwrap(checkInCompanions(doc, guestId, 1, ALICE, at(1)));
    const length = checkInLogArray(doc).length;
    expect(checkInCompanions(doc, guestId, 1, ALICE, at(2))).toMatchObject({
      ok: false,
      error: { code: 'invalid_state' },
    });
    expect(checkInGuestWithCompanions(doc, guestId, 1, ALICE, at(2))).toMatchObject({ ok: false });
    expect(checkInLogArray(doc).length).toBe(length);
    expect(readBoard(doc).guests[0]?.checkIn).toBeNull();
  });

  it('records an undo of a companion and lets the slot be checked in again', () => {
    const { doc, guestId } = boardWithPlusOnes(2);
    unwrap(checkInCompanions(doc, guestId, 2, ALICE, at(1)));
    expect(unwrap(undoCompanionCheckIn(doc, guestId, BOB, at(2)))).toBe(2);
    expect(readGuestArrivals(doc).get(guestId)?.companionsArrived).toBe(1);
    expect(unwrap(checkInCompanions(doc, guestId, 1, ALICE, at(3)))).toEqual([2]);
    // 2 check-ins, 1 undo, 1 check-in: the log keeps the whole record.
    expect(checkInLogArray(doc).length).toBe(4);
  });

  it('refuses an undo when no companion is in', () => {
    const { doc, guestId } = boardWithPlusOnes(2);
    expect(undoCompanionCheckIn(doc, guestId, BOB, at(1))).toMatchObject({
      ok: false,
      error: { code: 'invalid_state' },
    });
  });

  it('leaves the guest check-in alone when a companion check-in is undone, and the other way round', () => {
    const { doc, guestId } = boardWithPlusOnes(1);
    unwrap(checkInGuestWithCompanions(doc, guestId, 1, ALICE, at(1)));
    unwrap(undoCheckIn(doc, guestId, BOB, at(2)));
    expect(readBoard(doc).guests[0]?.checkIn).toBeNull();
    expect(readGuestArrivals(doc).get(guestId)?.companionsArrived).toBe(1);
  });

  it('answers already and checks no companion in when the guest already stands checked in', () => {
    const { doc, guestId } = boardWithPlusOnes(1);
    unwrap(checkInGuest(doc, guestId, ALICE, at(1)));
    expect(unwrap(checkInGuestWithCompanions(doc, guestId, 1, BOB, at(2)))).toEqual({
      already: true,
      companions: [],
    });
    expect(readGuestArrivals(doc).get(guestId)?.companionsArrived ?? 0).toBe(0);
  });
});

describe('two devices apart (offline)', () => {
  it('keeps the earlier check-in with its tap time and shows the later as a conflict', () => {
    const { doc: phone, guestId } = boardWithPlusOnes(0);
    const laptop = replicaOf(phone, 2);
    unwrap(checkInGuest(laptop, guestId, BOB, at(7)));
    unwrap(checkInGuest(phone, guestId, ALICE, at(5)));
    sync(phone, laptop);
    for (const doc of [phone, laptop]) {
      expect(readBoard(doc).guests[0]?.checkIn).toEqual({ at: at(5).toISOString(), by: ALICE });
      expect(readGuestArrivals(doc).get(guestId)?.conflicts).toEqual([{ at: at(7).toISOString(), by: BOB }]);
    }
  });

  it('counts one companion let in by two devices once, with the later as a conflict', () => {
    const { doc: phone, guestId } = boardWithPlusOnes(2);
    const laptop = replicaOf(phone, 2);
    unwrap(checkInCompanions(phone, guestId, 1, ALICE, at(5)));
    unwrap(checkInCompanions(laptop, guestId, 1, BOB, at(6)));
    sync(phone, laptop);
    const arrival = readGuestArrivals(laptop).get(guestId);
    expect(arrival?.companionsArrived).toBe(1);
    expect(arrival?.companionConflicts).toEqual([
      { companion: 1, checkIn: { at: at(6).toISOString(), by: BOB } },
    ]);
  });

  it('does not count companions beyond a lowered plus-ones count', () => {
    const { doc, guestId } = boardWithPlusOnes(2);
    unwrap(checkInCompanions(doc, guestId, 2, ALICE, at(1)));
    getEntity(doc, 'guests', guestId)?.set('plusOnes', 1);
    expect(readGuestArrivals(doc).get(guestId)?.companionsArrived).toBe(1);
  });

  it('leaves companion entries out of what older readers derive (guest check-in unchanged)', () => {
    const { doc, guestId } = boardWithPlusOnes(1);
    unwrap(checkInCompanions(doc, guestId, 1, ALICE, at(1)));
    expect(readBoard(doc).guests[0]?.checkIn).toBeNull();
  });
});
