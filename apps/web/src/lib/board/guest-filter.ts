import type { Guest } from '@pairboard/board-schema';

/** Case- and width-insensitive form used for matching (全角 letters match half-width ones). */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase().trim();
}

/**
 * Guests whose name or company contains every word of `query`, in list order. An empty query
 * keeps everyone. Pinyin matching (`zhangsan`, `zs`) comes with a later issue.
 */
export function filterGuests(guests: readonly Guest[], query: string): Guest[] {
  const words = normalizeForSearch(query)
    .split(/\s+/)
    .filter((word) => word.length > 0);
  if (words.length === 0) return [...guests];
  return guests.filter((guest) => {
    const haystack = normalizeForSearch(`${guest.name} ${guest.company}`);
    return words.every((word) => haystack.includes(word));
  });
}

/** Arrived and expected counts for the header; a guest counts as arrived while checked in. */
export function countArrivals(guests: readonly Guest[]): { arrived: number; total: number } {
  let arrived = 0;
  for (const guest of guests) if (guest.checkIn) arrived += 1;
  return { arrived, total: guests.length };
}
