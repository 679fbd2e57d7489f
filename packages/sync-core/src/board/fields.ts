import type * as Y from 'yjs';
import { Actor, CheckIn, GuestTag, Owner } from '@pairboard/board-schema';

/*
 * Readers for fields of entity maps. Any client can write any value into the doc, so readers
 * never trust a field's type: a wrong or missing value reads as the field's empty value
 * instead of breaking `readBoard` for everyone.
 */

export function readString(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key);
  return typeof value === 'string' ? value : '';
}

export function readNullableString(map: Y.Map<unknown>, key: string): string | null {
  const value = map.get(key);
  return typeof value === 'string' ? value : null;
}

export function readInteger(map: Y.Map<unknown>, key: string): number {
  const value = map.get(key);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

export function readBoolean(map: Y.Map<unknown>, key: string): boolean {
  return map.get(key) === true;
}

export function readActor(map: Y.Map<unknown>, key: string): Actor | null {
  const parsed = Actor.safeParse(map.get(key));
  return parsed.success ? parsed.data : null;
}

export function readOwner(map: Y.Map<unknown>, key: string): Owner | null {
  const parsed = Owner.safeParse(map.get(key));
  return parsed.success ? parsed.data : null;
}

/** A `{ at, by }` stamp: a check-in, a done or a verified mark. */
export function readStamp(map: Y.Map<unknown>, key: string): CheckIn | null {
  const parsed = CheckIn.safeParse(map.get(key));
  return parsed.success ? parsed.data : null;
}

export function readTags(map: Y.Map<unknown>, key: string): GuestTag[] {
  const value = map.get(key);
  if (!Array.isArray(value)) return [];
  return value.filter((tag): tag is GuestTag => GuestTag.safeParse(tag).success);
}

/** Milliseconds of an ISO time, NaN when unparseable. Times compare as numbers, never as strings. */
export function timeOf(iso: string): number {
  return Date.parse(iso);
}

/**
 * `now`, moved to just after `after` when the device clock is behind it. Used where an entry
 * only takes effect if it is later than the one it answers (an undo after a check-in, a
 * resolve after a reopen): a phone with a slow clock must still get the effect its user saw.
 */
export function notBefore(now: Date, after: string | null): string {
  if (after === null) return now.toISOString();
  const floor = timeOf(after) + 1;
  return new Date(Math.max(now.getTime(), Number.isNaN(floor) ? 0 : floor)).toISOString();
}
