import { describe, expect, it } from 'vitest';
import { SeqTracker } from './seq-tracker.ts';

describe('SeqTracker (SY14)', () => {
  it('takes seqs after the loaded log, one after another', () => {
    const seqs = new SeqTracker(4);
    expect([seqs.take(), seqs.take()]).toEqual([5, 6]);
    seqs.applied(5);
    seqs.applied(6);
    expect(seqs.appliedThrough).toBe(6);
    expect(seqs.hasGap).toBe(false);
  });

  it('waits out a gap: holds seqs above a missing one until it arrives', () => {
    const seqs = new SeqTracker(0);
    seqs.applied(2);
    seqs.applied(3);
    expect(seqs.appliedThrough).toBe(0);
    expect(seqs.hasGap).toBe(true);
    expect(seqs.has(3)).toBe(true);
    expect(seqs.has(1)).toBe(false);
    seqs.applied(1);
    expect(seqs.appliedThrough).toBe(3);
    expect(seqs.hasGap).toBe(false);
    // Another instance's seqs push ours past them.
    expect(seqs.take()).toBe(4);
  });

  it('closes a gap with a snapshot that folds it in', () => {
    const seqs = new SeqTracker(0);
    seqs.applied(7);
    seqs.appliedUpTo(5);
    expect(seqs.appliedThrough).toBe(5);
    seqs.applied(6);
    expect(seqs.appliedThrough).toBe(7);
  });

  it('gives back seqs lost in a race, so the log keeps no hole', () => {
    const seqs = new SeqTracker(10);
    expect([seqs.take(), seqs.take()]).toEqual([11, 12]);
    // Another instance stored 11; reading it back, ours go after it.
    seqs.applied(11);
    seqs.caughtUp(11);
    expect([seqs.take(), seqs.take()]).toEqual([12, 13]);
  });
});
