import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '@pairboard/sync-core';
import { RECONNECT_BASE_MS, RECONNECT_CAP_MS, reconnectDelayMs } from './backoff.ts';

describe('reconnectDelayMs (full jitter)', () => {
  it('draws each delay below a ceiling that doubles from 500 ms up to 30 s', () => {
    const random = createSeededRandom(2026);
    const delays = Array.from({ length: 10 }, (_, attempt) => reconnectDelayMs(attempt, random));
    // The ceilings are 500, 1000, 2000, … 16000, then 30000 from attempt 6 on.
    const ceilings = [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000];
    delays.forEach((delay, attempt) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(ceilings[attempt] ?? Infinity);
    });
    // The seeded schedule, so a change to the formula shows up here.
    expect(delays).toEqual(
      Array.from({ length: 10 }, (_, attempt) => {
        const replay = createSeededRandom(2026);
        for (let i = 0; i < attempt; i += 1) replay();
        return Math.floor(replay() * (ceilings[attempt] ?? 0));
      }),
    );
  });

  it('spreads a thousand phones over the whole window instead of one instant', () => {
    const random = createSeededRandom(7);
    const delays = Array.from({ length: 1000 }, () => reconnectDelayMs(3, random));
    const window = RECONNECT_BASE_MS * 8;
    const buckets = new Array<number>(4).fill(0);
    for (const delay of delays) buckets[Math.floor((delay / window) * 4)]! += 1;
    // Each quarter of the 4 s window gets roughly a quarter of the phones.
    for (const bucket of buckets) expect(bucket).toBeGreaterThan(200);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(reconnectDelayMs(2000, () => 0.999999)).toBe(RECONNECT_CAP_MS - 1);
    expect(reconnectDelayMs(0, () => 0.999999, { baseMs: 100, capMs: 50 })).toBe(49);
  });

  it('retries at once when the draw is zero', () => {
    expect(reconnectDelayMs(5, () => 0)).toBe(0);
  });
});
