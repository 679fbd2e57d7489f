/**
 * Sliding session expiry (Lucia's design): a session lives 30 days and is pushed back to a
 * full 30 days whenever it is used with less than 15 days left, so an active user stays signed
 * in and the expiry is written at most about twice a month rather than on every request.
 * Every function takes `now` so callers (and tests) own the clock.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a new or renewed session lasts. */
export const SESSION_DURATION_MS = 30 * DAY_MS;

/** A session used with less than this left is renewed to a full `SESSION_DURATION_MS`. */
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;

/** The expiry of a session created or renewed at `now`. */
export function sessionExpiry(now: Date): Date {
  return new Date(now.getTime() + SESSION_DURATION_MS);
}

/**
 * True when a session used at `now` should get a new `sessionExpiry(now)` (and a fresh
 * cookie). False once it has expired: an expired session is deleted, never revived.
 */
export function shouldRenewSession(expiresAt: Date, now: Date): boolean {
  return !isExpired(expiresAt, now) && now.getTime() >= expiresAt.getTime() - SESSION_RENEW_WITHIN_MS;
}

/**
 * True when something with this expiry is no longer valid at `now`; the expiry instant itself
 * counts as expired. `null` means it never expires (share links and access tokens may).
 */
export function isExpired(expiresAt: Date | null, now: Date): boolean {
  return expiresAt !== null && now.getTime() >= expiresAt.getTime();
}
