import { describe, expect, it } from 'vitest';
import { nextRowIndex, scrollToReveal, visibleRange } from './guest-list-window.ts';

describe('visibleRange', () => {
  const viewport = { scrollTop: 0, viewportHeight: 400, rowHeight: 80, count: 10_000 };

  it('renders the rows on screen plus the overscan below at the top of the list', () => {
    expect(visibleRange(viewport, 4)).toEqual({ start: 0, end: 9 });
  });

  it('renders a window around the scroll position deep in a 10,000-row list', () => {
    expect(visibleRange({ ...viewport, scrollTop: 80 * 5000 + 40 }, 4)).toEqual({ start: 4996, end: 5010 });
  });

  it('stops at the end of the list', () => {
    expect(visibleRange({ ...viewport, scrollTop: 80 * 9998 }, 4)).toEqual({ start: 9994, end: 10_000 });
  });

  it('renders nothing for an empty list and at least one row otherwise', () => {
    expect(visibleRange({ ...viewport, count: 0 })).toEqual({ start: 0, end: 0 });
    expect(visibleRange({ ...viewport, viewportHeight: 0, count: 3 }, 0)).toEqual({ start: 0, end: 1 });
  });

  it('clamps a scroll position past the end (a list that just got shorter)', () => {
    expect(visibleRange({ ...viewport, scrollTop: 80 * 50, count: 3 }, 2)).toEqual({ start: 2, end: 3 });
  });
});

describe('scrollToReveal', () => {
  const viewport = { scrollTop: 800, viewportHeight: 400, rowHeight: 80 };

  it('keeps the position when the row is already visible', () => {
    expect(scrollToReveal(11, viewport)).toBe(800);
  });

  it('scrolls up to a row above and down to a row below, just far enough', () => {
    expect(scrollToReveal(9, viewport)).toBe(720);
    expect(scrollToReveal(15, viewport)).toBe(880);
  });
});

describe('nextRowIndex', () => {
  it('moves by one, by a page, and to either end, within the list', () => {
    expect(nextRowIndex(3, 'ArrowDown', 10, 5)).toBe(4);
    expect(nextRowIndex(0, 'ArrowUp', 10, 5)).toBe(0);
    expect(nextRowIndex(3, 'PageDown', 10, 5)).toBe(8);
    expect(nextRowIndex(8, 'PageDown', 10, 5)).toBe(9);
    expect(nextRowIndex(3, 'PageUp', 10, 5)).toBe(0);
    expect(nextRowIndex(3, 'Home', 10, 5)).toBe(0);
    expect(nextRowIndex(3, 'End', 10, 5)).toBe(9);
  });

  it('leaves other keys and empty lists alone', () => {
    expect(nextRowIndex(3, 'Enter', 10, 5)).toBeNull();
    expect(nextRowIndex(0, 'ArrowDown', 0, 5)).toBeNull();
  });
});
