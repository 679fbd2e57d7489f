import { describe, expect, it } from 'vitest';
import { defaultEventStart, eventStartToIso } from './event-start.ts';

describe('event start', () => {
  it('defaults to 09:00 local a week from now', () => {
    expect(defaultEventStart(new Date(2026, 4, 13, 15, 42))).toBe('2026-05-20T09:00');
  });

  it('turns a datetime-local value into the ISO instant of that local time', () => {
    expect(eventStartToIso('2026-05-20T09:00')).toBe(new Date(2026, 4, 20, 9, 0).toISOString());
  });

  it('refuses what is not a datetime-local value', () => {
    expect(eventStartToIso('')).toBeNull();
    expect(eventStartToIso('next tuesday')).toBeNull();
  });
});
