import { describe, expect, it } from 'vitest';
import type { Guest } from '@pairboard/board-schema';
import { countArrivals, filterGuests } from './guest-filter.ts';

function guest(id: string, name: string, company: string, checkedIn = false): Guest {
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
    checkIn: checkedIn ? { at: '2026-05-20T02:00:00.000Z', by: { id: 'u1', name: 'Wang' } } : null,
  };
}

const GUESTS = [
  guest('1', '张三', '上海智慧城市研究院'),
  guest('2', 'Alice Chen', 'Pudong Media', true),
  guest('3', '李四', 'ACME Robotics'),
];

const names = (guests: Guest[]) => guests.map((g) => g.name);

describe('filterGuests', () => {
  it('keeps everyone, in order, for an empty or blank query', () => {
    expect(names(filterGuests(GUESTS, ''))).toEqual(['张三', 'Alice Chen', '李四']);
    expect(names(filterGuests(GUESTS, '   '))).toEqual(['张三', 'Alice Chen', '李四']);
  });

  it('matches part of a name in Chinese characters', () => {
    expect(names(filterGuests(GUESTS, '张'))).toEqual(['张三']);
  });

  it('matches the company, ignoring case', () => {
    expect(names(filterGuests(GUESTS, 'acme'))).toEqual(['李四']);
    expect(names(filterGuests(GUESTS, '研究院'))).toEqual(['张三']);
  });

  it('treats full-width letters like half-width ones', () => {
    expect(names(filterGuests(GUESTS, 'ＡＬＩＣＥ'))).toEqual(['Alice Chen']);
  });

  it('requires every word to match, across name and company', () => {
    expect(names(filterGuests(GUESTS, 'alice media'))).toEqual(['Alice Chen']);
    expect(names(filterGuests(GUESTS, 'alice robotics'))).toEqual([]);
  });
});

describe('countArrivals', () => {
  it('counts checked-in guests against everyone expected', () => {
    expect(countArrivals(GUESTS)).toEqual({ arrived: 1, total: 3 });
  });
});
