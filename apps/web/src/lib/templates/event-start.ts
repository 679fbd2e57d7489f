/*
 * The picker's "event starts" field is an <input type="datetime-local">: a wall-clock time
 * in the browser's own zone, without an offset. These turn it into what the server takes.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_LEAD_DAYS = 7;
const DEFAULT_HOUR = 9;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A week from `now` at 09:00 local, as a datetime-local value: far enough out that a template's
 * preparation items (due days before the start) are still ahead of the team.
 */
export function defaultEventStart(now: Date): string {
  const day = new Date(now.getTime() + DEFAULT_LEAD_DAYS * DAY_MS);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T${pad(DEFAULT_HOUR)}:00`;
}

/** The ISO instant of a datetime-local value in the browser's zone, or null when it is not one. */
export function eventStartToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The browser's IANA zone, which the board's due times are shown in. */
export function browserTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';
}
