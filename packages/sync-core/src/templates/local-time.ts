/*
 * Wall-clock arithmetic in an IANA timezone with Intl only (sync-core runs in the browser and
 * carries no timezone database of its own).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** True when `Intl` knows the zone (`Asia/Shanghai`, `UTC`); false for anything else. */
export function isValidTimezone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall clock in `timezone` at instant `utcMs`. */
export function wallClockAt(utcMs: number, timezone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

function offsetMs(utcMs: number, timezone: string): number {
  const wall = wallClockAt(utcMs, timezone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return asUtc - Math.floor(utcMs / 60_000) * 60_000;
}

/**
 * The instant at which the wall clock in `timezone` shows this date and time. Two passes,
 * because the zone's offset at the first guess may differ from the offset at the answer
 * (a daylight-saving change in between).
 */
export function instantOfWallClock(wall: WallClock, timezone: string): number {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = naive - offsetMs(naive, timezone);
  return naive - offsetMs(first, timezone);
}
