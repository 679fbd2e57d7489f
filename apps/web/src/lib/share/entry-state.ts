/** Whether an invite, client link or token still works. */
export type EntryState = 'active' | 'expired' | 'revoked';

export interface Expiring {
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Revoked wins over expired; no expiry date means it never expires. */
export function entryState(entry: Expiring, now: Date): EntryState {
  if (entry.revokedAt !== null) return 'revoked';
  if (entry.expiresAt !== null && Date.parse(entry.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}

/** Working entries first (newest first by creation), then the expired and revoked ones. */
export function sortEntries<T extends Expiring & { createdAt: string | null }>(
  entries: readonly T[],
  now: Date,
): T[] {
  const rank = (entry: T) => (entryState(entry, now) === 'active' ? 0 : 1);
  return [...entries].sort(
    (a, b) => rank(a) - rank(b) || (b.createdAt ?? '').localeCompare(a.createdAt ?? ''),
  );
}

/** A path the server returned (`/invite/<token>`) as the full link to hand to someone. */
export function absoluteUrl(pathOrUrl: string, origin: string): string {
  return new URL(pathOrUrl, origin).href;
}

/**
 * An optional whole number from a form field, within bounds: undefined when left empty (the
 * server's default applies), null when it is not a whole number in range.
 */
export function optionalWholeNumber(
  raw: string | number | null | undefined,
  min: number,
  max: number,
): number | undefined | null {
  if (raw === null || raw === undefined || String(raw).trim() === '') return undefined;
  const value = Number(raw);
  return Number.isInteger(value) && value >= min && value <= max ? value : null;
}
