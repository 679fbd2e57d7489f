import type { Actor, Guest } from '@pairboard/board-schema';

/** What the person at the door last did to a guest, kept until their next action. */
export interface CheckInAttempt {
  guestId: string;
  action: 'check_in' | 'undo';
}

/**
 * What the big result panel shows. `checked_in`: green, by me. `already`: amber, someone else
 * was first (`checkInGuest` answered `already`, or two phones checked in apart and the merge
 * kept the earlier one). `undone`: the check-in was taken back.
 */
export type CheckInOutcome =
  | { kind: 'checked_in'; guest: Guest; at: string }
  | { kind: 'already'; guest: Guest; at: string; by: Actor }
  | { kind: 'undone'; guest: Guest };

/**
 * Reads the outcome from the guest as the board has them now, not from the moment of the tap:
 * when a phone that checked a guest in offline syncs and learns that a colleague was earlier,
 * its green "checked in" turns into the amber "already checked in by …". Null when the guest is
 * gone.
 */
export function describeCheckIn(
  attempt: CheckInAttempt,
  guests: readonly Guest[],
  myId: string,
): CheckInOutcome | null {
  const guest = guests.find((candidate) => candidate.id === attempt.guestId);
  if (!guest) return null;
  if (!guest.checkIn) return { kind: 'undone', guest };
  if (guest.checkIn.by.id === myId) return { kind: 'checked_in', guest, at: guest.checkIn.at };
  return { kind: 'already', guest, at: guest.checkIn.at, by: guest.checkIn.by };
}
