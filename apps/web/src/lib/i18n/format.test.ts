import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime, formatTimeWithSeconds } from './format.ts';

describe('formatTime', () => {
  const at = '2026-05-20T02:42:00.000Z';

  it('shows the clock time in the event timezone, 24-hour', () => {
    expect(formatTime(at, 'en', 'Asia/Shanghai')).toBe('10:42');
    expect(formatTime(at, 'zh-CN', 'Asia/Shanghai')).toBe('10:42');
    expect(formatTime(at, 'en', 'Europe/London')).toBe('03:42');
  });

  it('shows midnight as 00, not 24', () => {
    expect(formatTime('2026-05-19T16:05:00Z', 'en', 'Asia/Shanghai')).toBe('00:05');
  });

  it('falls back to the device timezone for an unknown zone instead of throwing', () => {
    expect(formatTime(at, 'en', 'Not/AZone')).toMatch(/^\d\d:\d\d$/);
  });
});

describe('formatDateTime', () => {
  it('includes the date in the requested timezone', () => {
    expect(formatDateTime('2026-05-19T16:05:00Z', 'en', 'Asia/Shanghai')).toContain('May 20, 2026');
  });
});

describe('formatTimeWithSeconds', () => {
  it('shows HH:MM:SS in the event timezone, in both languages', () => {
    expect(formatTimeWithSeconds('2026-05-20T02:42:07.000Z', 'en', 'Asia/Shanghai')).toBe('10:42:07');
    expect(formatTimeWithSeconds('2026-05-19T16:00:09Z', 'zh-CN', 'Asia/Shanghai')).toBe('00:00:09');
  });
});
