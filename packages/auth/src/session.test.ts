import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  isExpired,
  SESSION_DURATION_MS,
  SESSION_RENEW_WITHIN_MS,
  sessionExpiry,
  shouldRenewSession,
} from './session.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const START = new Date('2026-11-22T10:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

/** The clock the server would read: the faked `Date`. */
const now = () => new Date();

describe('session durations', () => {
  it('lasts 30 days and renews within the last 15', () => {
    expect(SESSION_DURATION_MS).toBe(30 * DAY_MS);
    expect(SESSION_RENEW_WITHIN_MS).toBe(15 * DAY_MS);
    expect(sessionExpiry(now())).toEqual(new Date('2026-12-22T10:00:00Z'));
  });
});

describe('shouldRenewSession', () => {
  it('does not renew while more than 15 days are left', () => {
    const expiresAt = sessionExpiry(now());
    vi.advanceTimersByTime(15 * DAY_MS - 1);
    expect(shouldRenewSession(expiresAt, now())).toBe(false);
  });

  it('renews from exactly 15 days before expiry until the expiry instant', () => {
    const expiresAt = sessionExpiry(now());
    vi.advanceTimersByTime(15 * DAY_MS);
    expect(shouldRenewSession(expiresAt, now())).toBe(true);
    vi.setSystemTime(expiresAt.getTime() - 1);
    expect(shouldRenewSession(expiresAt, now())).toBe(true);
  });

  it('never revives an expired session', () => {
    const expiresAt = sessionExpiry(now());
    vi.setSystemTime(expiresAt);
    expect(shouldRenewSession(expiresAt, now())).toBe(false);
    vi.advanceTimersByTime(DAY_MS);
    expect(shouldRenewSession(expiresAt, now())).toBe(false);
  });

  it('keeps an active user signed in: each renewal pushes expiry a full 30 days from use', () => {
    let expiresAt = sessionExpiry(now());
    for (let week = 1; week <= 12; week++) {
      vi.advanceTimersByTime(7 * DAY_MS);
      expect(isExpired(expiresAt, now())).toBe(false);
      if (shouldRenewSession(expiresAt, now())) expiresAt = sessionExpiry(now());
    }
    expect(expiresAt.getTime() - now().getTime()).toBeGreaterThan(SESSION_RENEW_WITHIN_MS);
  });
});

describe('isExpired', () => {
  it('treats the expiry instant itself as expired', () => {
    const expiresAt = new Date(START.getTime() + 1000);
    expect(isExpired(expiresAt, now())).toBe(false);
    vi.advanceTimersByTime(999);
    expect(isExpired(expiresAt, now())).toBe(false);
    vi.advanceTimersByTime(1);
    expect(isExpired(expiresAt, now())).toBe(true);
  });

  it('never expires something without an expiry', () => {
    vi.setSystemTime(new Date('2100-01-01T00:00:00Z'));
    expect(isExpired(null, now())).toBe(false);
  });
});
