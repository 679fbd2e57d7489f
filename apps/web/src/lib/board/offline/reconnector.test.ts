import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSeededRandom } from '@pairboard/sync-core';
import { reconnectDelayMs } from './backoff.ts';
import { Reconnector } from './reconnector.ts';

describe('Reconnector', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('follows the seeded jittered schedule, one attempt at a time', () => {
    const attempts: number[] = [];
    const reconnector = new Reconnector(() => attempts.push(Date.now()), { random: createSeededRandom(42) });
    const expected = createSeededRandom(42);
    const start = Date.now();
    let elapsed = 0;
    for (let failure = 0; failure < 8; failure += 1) {
      const delay = reconnector.retry();
      expect(delay).toBe(reconnectDelayMs(failure, expected));
      vi.advanceTimersByTime(delay);
      elapsed += delay;
      expect(attempts).toHaveLength(failure + 1);
      expect(attempts[failure]).toBe(start + elapsed);
    }
    expect(reconnector.failures).toBe(8);
  });

  it('starts from the shortest delay again after a connection synced', () => {
    const reconnector = new Reconnector(() => undefined, { random: () => 0.999 });
    for (let i = 0; i < 6; i += 1) reconnector.retry();
    expect(reconnector.retry()).toBe(29_970);
    reconnector.succeeded();
    expect(reconnector.retry()).toBe(499);
  });

  it('keeps only the latest attempt waiting, and cancel stops it', () => {
    const connect = vi.fn();
    const reconnector = new Reconnector(connect, { random: () => 0.5 });
    reconnector.retry();
    reconnector.retry();
    expect(reconnector.waiting).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(connect).toHaveBeenCalledTimes(1);

    reconnector.retry();
    reconnector.cancel();
    vi.advanceTimersByTime(60_000);
    expect(connect).toHaveBeenCalledTimes(1);
    expect(reconnector.waiting).toBe(false);
  });

  it('reconnects within half a second when the network comes back, whatever failed before', () => {
    const connect = vi.fn();
    const reconnector = new Reconnector(connect, { random: () => 0.999 });
    for (let i = 0; i < 10; i += 1) reconnector.retry();
    expect(reconnector.soon()).toBe(499);
    vi.advanceTimersByTime(499);
    expect(connect).toHaveBeenCalledTimes(1);
  });
});
