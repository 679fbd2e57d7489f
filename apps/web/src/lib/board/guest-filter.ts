import type { Guest } from '@pairboard/board-schema';

/** Arrived and expected counts for the header; a guest counts as arrived while checked in. */
export function countArrivals(guests: readonly Guest[]): { arrived: number; total: number } {
  let arrived = 0;
  for (const guest of guests) if (guest.checkIn) arrived += 1;
  return { arrived, total: guests.length };
}
