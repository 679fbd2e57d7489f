import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EscalationTimers } from './escalation-timers.ts';

const START = new Date('2026-05-20T02:00:00.000Z');
const minutes = (n: number): Date => new Date(START.getTime() + n * 60_000);

describe('EscalationTimers (fake clock)', () => {
  let fired: string[];
  let timers: EscalationTimers;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
    fired = [];
    timers = new EscalationTimers({
      now: () => new Date(),
      onDue: (boardId, incidentId) => fired.push(`${boardId}/${incidentId}`),
    });
  });
  afterEach(() => {
    timers.clear();
    vi.useRealTimers();
  });

  it('fires once at the due time and not a millisecond before', () => {
    timers.schedule('b1', 'i1', minutes(60));
    vi.advanceTimersByTime(60 * 60_000 - 1);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['b1/i1']);
    vi.advanceTimersByTime(24 * 60 * 60_000);
    expect(fired).toEqual(['b1/i1']);
    expect(timers.size).toBe(0);
  });

  it('fires on the next tick for a due time that passed while the server was down', () => {
    timers.schedule('b1', 'i1', minutes(-90));
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(fired).toEqual(['b1/i1']);
  });

  it('moves a timer when the target changes and keeps one timer per incident', () => {
    timers.schedule('b1', 'i1', minutes(120));
    timers.schedule('b1', 'i1', minutes(30));
    timers.schedule('b1', 'i1', minutes(30));
    expect(timers.size).toBe(1);
    vi.advanceTimersByTime(30 * 60_000);
    expect(fired).toEqual(['b1/i1']);
  });

  it('cancels the timers of incidents that are no longer open', () => {
    timers.schedule('b1', 'i1', minutes(30));
    timers.schedule('b1', 'i2', minutes(30));
    timers.schedule('b2', 'i1', minutes(30));
    timers.retain('b1', new Set(['i2']));
    vi.advanceTimersByTime(30 * 60_000);
    expect(fired.sort()).toEqual(['b1/i2', 'b2/i1']);
  });

  it('re-arms instead of firing early when the clock is behind the due time', () => {
    let skewMs = 0;
    const skewed = new EscalationTimers({
      now: () => new Date(Date.now() - skewMs),
      onDue: (boardId) => fired.push(boardId),
    });
    skewed.schedule('late', 'i1', minutes(10));
    skewMs = 5_000;
    vi.advanceTimersByTime(10 * 60_000);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(5_000);
    expect(fired).toEqual(['late']);
    skewed.clear();
  });
});
