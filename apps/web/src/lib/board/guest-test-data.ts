import type { Guest } from '@pairboard/board-schema';

/** A guest for unit tests; `checkedInBy` marks them checked in by that person at 10:00 CST. */
export function makeGuest(
  id: string,
  name: string,
  company = '',
  checkedIn = false,
  checkedInBy = 'u1',
): Guest {
  return {
    id,
    name,
    company,
    title: '',
    tags: [],
    host: '',
    seat: '',
    plusOnes: 0,
    walkIn: false,
    checkIn: checkedIn ? { at: '2026-05-20T02:00:00.000Z', by: { id: checkedInBy, name: 'Wang' } } : null,
  };
}
