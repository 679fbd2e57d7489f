import { describe, expect, it } from 'vitest';
import { describeCheckIn } from './guest-check-in-result.ts';
import { makeGuest } from './guest-test-data.ts';

const ME = 'u-me';

describe('describeCheckIn', () => {
  it('is green when the guest stands checked in by me', () => {
    const guests = [makeGuest('g1', '张三', '', true, ME)];
    expect(describeCheckIn({ guestId: 'g1', action: 'check_in' }, guests, ME)).toMatchObject({
      kind: 'checked_in',
      at: '2026-05-20T02:00:00.000Z',
    });
  });

  it('is amber with who and when when someone else was first', () => {
    const guests = [makeGuest('g1', '张三', '', true, 'u-wang')];
    expect(describeCheckIn({ guestId: 'g1', action: 'check_in' }, guests, ME)).toMatchObject({
      kind: 'already',
      by: { id: 'u-wang', name: 'Wang' },
      at: '2026-05-20T02:00:00.000Z',
    });
  });

  it('follows the board: my offline check-in turns amber when the merge keeps an earlier one', () => {
    const attempt = { guestId: 'g1', action: 'check_in' } as const;
    expect(describeCheckIn(attempt, [makeGuest('g1', '张三', '', true, ME)], ME)?.kind).toBe('checked_in');
    expect(describeCheckIn(attempt, [makeGuest('g1', '张三', '', true, 'u-wang')], ME)?.kind).toBe('already');
  });

  it('says undone once the check-in was taken back, and nothing for a guest who is gone', () => {
    expect(describeCheckIn({ guestId: 'g1', action: 'undo' }, [makeGuest('g1', '张三')], ME)?.kind).toBe(
      'undone',
    );
    expect(describeCheckIn({ guestId: 'g2', action: 'undo' }, [makeGuest('g1', '张三')], ME)).toBeNull();
  });
});
