import { describe, expect, it } from 'vitest';
import { instantOfWallClock, isValidTimezone, wallClockAt } from './local-time.ts';

describe('local time', () => {
  it('reads the wall clock in Shanghai (UTC+8, no daylight saving)', () => {
    expect(wallClockAt(Date.parse('2026-05-20T01:00:00Z'), 'Asia/Shanghai')).toEqual({
      year: 2026,
      month: 5,
      day: 20,
      hour: 9,
      minute: 0,
    });
  });

  it('finds the instant of a wall-clock time on both sides of a daylight-saving change', () => {
    const berlin = (month: number, day: number) =>
      new Date(
        instantOfWallClock({ year: 2026, month, day, hour: 18, minute: 0 }, 'Europe/Berlin'),
      ).toISOString();
    expect(berlin(3, 28)).toBe('2026-03-28T17:00:00.000Z');
    expect(berlin(3, 30)).toBe('2026-03-30T16:00:00.000Z');
  });

  it('knows IANA zones and refuses anything else', () => {
    expect(isValidTimezone('Asia/Shanghai')).toBe(true);
    expect(isValidTimezone('Mars/Olympus')).toBe(false);
  });
});
