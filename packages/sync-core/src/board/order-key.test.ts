import { describe, expect, it } from 'vitest';
import { compareByOrder, isOrderKey, orderKeyBetween } from './order-key.ts';
import { createSeededRandom } from '../seeded-random.ts';

describe('orderKeyBetween', () => {
  it('starts at a0 and appends and prepends around a key', () => {
    expect(orderKeyBetween(null, null)).toBe('a0');
    expect(orderKeyBetween('a0', null)).toBe('a1');
    expect(orderKeyBetween(null, 'a0')).toBe('Zz');
    expect(orderKeyBetween('a0', 'a1')).toBe('a0V');
  });

  it('keeps keys short when appending thousands of times', () => {
    let key: string | null = null;
    for (let i = 0; i < 5000; i += 1) {
      const next = orderKeyBetween(key, null);
      if (key !== null) expect(next > key).toBe(true);
      key = next;
    }
    expect(key?.length).toBeLessThanOrEqual(4);
  });

  it('always finds a valid key strictly between two neighbours (seeded random inserts)', () => {
    const seed = 20260520;
    const random = createSeededRandom(seed);
    const keys: string[] = [];
    for (let i = 0; i < 2000; i += 1) {
      const index = Math.floor(random() * (keys.length + 1));
      const key = orderKeyBetween(keys[index - 1] ?? null, keys[index] ?? null);
      expect(isOrderKey(key), `seed ${seed}, key ${key}`).toBe(true);
      keys.splice(index, 0, key);
    }
    const sorted = [...keys].sort();
    expect(sorted, `seed ${seed}`).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('rejects malformed keys and reversed bounds', () => {
    expect(() => orderKeyBetween('a1', 'a0')).toThrow(RangeError);
    expect(() => orderKeyBetween('a10', null)).toThrow(RangeError);
    expect(() => orderKeyBetween('!', null)).toThrow(RangeError);
    expect(isOrderKey('')).toBe(false);
  });
});

describe('compareByOrder', () => {
  it('orders by key, then by id when keys are equal', () => {
    const list = [
      { order: 'a1', id: 'b' },
      { order: 'a1', id: 'a' },
      { order: 'a0', id: 'z' },
    ];
    expect(list.sort(compareByOrder).map((entry) => entry.id)).toEqual(['z', 'a', 'b']);
  });
});
