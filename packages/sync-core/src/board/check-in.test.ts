import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { checkInGuest, guestCheckInConflicts, undoCheckIn, type CheckInLogEntry } from './check-in.ts';
import {
  ALICE,
  BOB,
  CAROL,
  at,
  boardWithGuest,
  expectFailure,
  readOne,
  replicaOf,
  snapshot,
  sync,
  unwrap,
} from './test-support.ts';

function log(doc: Y.Doc): CheckInLogEntry[] {
  return doc.getArray<CheckInLogEntry>('checkInLog').toArray();
}

describe('checkInGuest', () => {
  it('checks a guest in and records who and when', () => {
    const { doc, guestId } = boardWithGuest();
    const result = unwrap(checkInGuest(doc, guestId, ALICE, at(10)));
    const expected = { at: at(10).toISOString(), by: ALICE };
    expect(result).toEqual({ checkIn: expected, already: false });
    expect(readOne(doc, 'guests', guestId).checkIn).toEqual(expected);
  });

  it('answers already=true with the standing check-in and writes nothing', () => {
    const { doc, guestId } = boardWithGuest();
    unwrap(checkInGuest(doc, guestId, ALICE, at(10)));
    const before = snapshot(doc);
    const second = unwrap(checkInGuest(doc, guestId, BOB, at(12)));
    expect(second).toEqual({ checkIn: { at: at(10).toISOString(), by: ALICE }, already: true });
    expect(snapshot(doc)).toEqual(before);
  });

  it('answers not_found and invalid_input without writing', () => {
    const { doc, guestId } = boardWithGuest();
    const before = snapshot(doc);
    expectFailure(checkInGuest(doc, 'nope', ALICE, at(1)), 'not_found');
    expectFailure(checkInGuest(doc, guestId, { id: 'x' } as never, at(1)), 'invalid_input');
    expect(snapshot(doc)).toEqual(before);
  });
});

describe('concurrent check-ins', () => {
  it('converge on the earliest check-in and list the later one as a conflict', () => {
    const { doc: phoneA, guestId } = boardWithGuest();
    const phoneB = replicaOf(phoneA);
    // Apart (no signal): B checks in at 10:42, A at 10:43.
    unwrap(checkInGuest(phoneB, guestId, BOB, at(42)));
    unwrap(checkInGuest(phoneA, guestId, ALICE, at(43)));
    sync(phoneA, phoneB);

    const earliest = { at: at(42).toISOString(), by: BOB };
    expect(readOne(phoneA, 'guests', guestId).checkIn).toEqual(earliest);
    expect(readOne(phoneB, 'guests', guestId).checkIn).toEqual(earliest);
    expect(guestCheckInConflicts(phoneA, guestId)).toEqual([{ at: at(43).toISOString(), by: ALICE }]);
    expect(guestCheckInConflicts(phoneB, guestId)).toEqual(guestCheckInConflicts(phoneA, guestId));
    // Once merged, a third attempt sees the standing one.
    expect(unwrap(checkInGuest(phoneA, guestId, CAROL, at(44)))).toEqual({
      checkIn: earliest,
      already: true,
    });
  });

  it('breaks a tie of equal times by actor id, the same on both replicas', () => {
    const { doc: phoneA, guestId } = boardWithGuest();
    const phoneB = replicaOf(phoneA);
    unwrap(checkInGuest(phoneA, guestId, BOB, at(5)));
    unwrap(checkInGuest(phoneB, guestId, ALICE, at(5)));
    sync(phoneA, phoneB);
    expect(readOne(phoneA, 'guests', guestId).checkIn?.by).toEqual(ALICE); // 'u-alice' < 'u-bob'
    expect(readOne(phoneB, 'guests', guestId).checkIn?.by).toEqual(ALICE);
  });
});

describe('undoCheckIn', () => {
  it('records the undo in the log and keeps the check-in there', () => {
    const { doc, guestId } = boardWithGuest();
    unwrap(checkInGuest(doc, guestId, ALICE, at(10)));
    unwrap(undoCheckIn(doc, guestId, BOB, at(11)));
    expect(readOne(doc, 'guests', guestId).checkIn).toBeNull();
    expect(log(doc)).toEqual([
      { guestId, kind: 'check_in', at: at(10).toISOString(), by: ALICE },
      { guestId, kind: 'undo', at: at(11).toISOString(), by: BOB },
    ]);
    const again = unwrap(checkInGuest(doc, guestId, CAROL, at(12)));
    expect(again).toEqual({ checkIn: { at: at(12).toISOString(), by: CAROL }, already: false });
    expect(log(doc)).toHaveLength(3);
  });

  it('undoes the lost concurrent check-ins too', () => {
    const { doc: phoneA, guestId } = boardWithGuest();
    const phoneB = replicaOf(phoneA);
    unwrap(checkInGuest(phoneA, guestId, ALICE, at(1)));
    unwrap(checkInGuest(phoneB, guestId, BOB, at(2)));
    sync(phoneA, phoneB);
    unwrap(undoCheckIn(phoneA, guestId, ALICE, at(3)));
    expect(readOne(phoneA, 'guests', guestId).checkIn).toBeNull();
    expect(guestCheckInConflicts(phoneA, guestId)).toEqual([]);
  });

  it('still takes effect on a device whose clock is behind the check-in', () => {
    const { doc, guestId } = boardWithGuest();
    unwrap(checkInGuest(doc, guestId, ALICE, at(30)));
    unwrap(undoCheckIn(doc, guestId, BOB, at(20)));
    expect(readOne(doc, 'guests', guestId).checkIn).toBeNull();
    const undo = log(doc)[1];
    expect(undo?.at).toBe(new Date(at(30).getTime() + 1).toISOString());
    unwrap(checkInGuest(doc, guestId, BOB, at(25)));
    expect(readOne(doc, 'guests', guestId).checkIn).not.toBeNull();
  });

  it('refuses to undo a guest who is not checked in, and unknown guests', () => {
    const { doc, guestId } = boardWithGuest();
    const before = snapshot(doc);
    expectFailure(undoCheckIn(doc, guestId, ALICE, at(1)), 'invalid_state');
    expectFailure(undoCheckIn(doc, 'nope', ALICE, at(1)), 'not_found');
    expect(snapshot(doc)).toEqual(before);
  });

  it('lets an undo made apart win over the check-in it saw, on both replicas', () => {
    const { doc: phoneA, guestId } = boardWithGuest();
    unwrap(checkInGuest(phoneA, guestId, ALICE, at(1)));
    const phoneB = replicaOf(phoneA);
    unwrap(undoCheckIn(phoneB, guestId, BOB, at(5)));
    unwrap(checkInGuest(phoneA, guestId, CAROL, at(6))); // already: nothing written
    sync(phoneA, phoneB);
    expect(readOne(phoneA, 'guests', guestId).checkIn).toBeNull();
    expect(readOne(phoneB, 'guests', guestId).checkIn).toBeNull();
  });
});
