import { describe, expect, it } from 'vitest';
import { STALE_AFTER_MS, staleSeconds } from './staleness.ts';

describe('staleSeconds', () => {
  const contact = 1_000_000;

  it('is fresh up to and including the threshold', () => {
    expect(staleSeconds(contact, contact)).toBeNull();
    expect(staleSeconds(contact, contact + STALE_AFTER_MS)).toBeNull();
  });

  it('counts whole seconds of silence once past the threshold', () => {
    expect(staleSeconds(contact, contact + STALE_AFTER_MS + 1)).toBe(60);
    expect(staleSeconds(contact, contact + 73_900)).toBe(73);
  });

  it('takes a custom threshold', () => {
    expect(staleSeconds(contact, contact + 5_001, 5_000)).toBe(5);
  });

  it('treats a clock that went backwards as fresh', () => {
    expect(staleSeconds(contact, contact - 10_000)).toBeNull();
  });
});
