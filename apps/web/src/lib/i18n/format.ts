import type { Locale } from './translate.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, timeZone: string | undefined, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * `HH:MM` (24-hour) of an ISO instant in the event's timezone: staff at the venue and remote
 * partners in another city must read the same clock time. An unknown timezone falls back to
 * the device's, rather than failing the whole row.
 */
export function formatTime(iso: string, locale: Locale, timeZone?: string): string {
  return formatClock(iso, locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** `HH:MM:SS` in the event's timezone: the client screen's "Updated" stamp, where seconds matter. */
export function formatTimeWithSeconds(iso: string, locale: Locale, timeZone?: string): string {
  return formatClock(iso, locale, timeZone, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
}

function formatClock(
  iso: string,
  locale: Locale,
  timeZone: string | undefined,
  options: Intl.DateTimeFormatOptions,
): string {
  try {
    return formatter(locale, timeZone, options).format(new Date(iso));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return formatter(locale, undefined, options).format(new Date(iso));
  }
}

/** A short date and time, e.g. for when a board was created. */
export function formatDateTime(iso: string, locale: Locale, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return formatter(locale, timeZone, options).format(new Date(iso));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return formatter(locale, undefined, options).format(new Date(iso));
  }
}
