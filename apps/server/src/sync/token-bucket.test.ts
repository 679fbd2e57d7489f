import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.ts';

describe('TokenBucket', () => {
  it('allows a burst of two seconds of budget, then refuses until time refills it', () => {
    let nowMs = 0;
    const bucket = new TokenBucket(10, 2, () => nowMs);
    for (let i = 0; i < 20; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    nowMs += 100; // one token back after a tenth of a second at 10/s
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('charges by cost, so one large frame can spend the byte budget', () => {
    let nowMs = 0;
    const bucket = new TokenBucket(1000, 2, () => nowMs);
    expect(bucket.take(1500)).toBe(true);
    expect(bucket.take(600)).toBe(false);
    nowMs += 1000;
    expect(bucket.take(600)).toBe(true);
  });

  it('never saves up more than its burst while idle', () => {
    let nowMs = 0;
    const bucket = new TokenBucket(10, 2, () => nowMs);
    nowMs += 60_000;
    for (let i = 0; i < 20; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });
});
