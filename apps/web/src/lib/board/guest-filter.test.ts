import { describe, expect, it } from 'vitest';
import { countArrivals } from './guest-filter.ts';
import { makeGuest } from './guest-test-data.ts';

describe('countArrivals', () => {
  it('counts checked-in guests against everyone expected', () => {
    const guests = [makeGuest('1', '张三'), makeGuest('2', 'Alice Chen', '', true), makeGuest('3', '李四')];
    expect(countArrivals(guests)).toEqual({ arrived: 1, total: 3 });
  });
});
