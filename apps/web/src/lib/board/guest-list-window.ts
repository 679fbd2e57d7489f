/*
 * The arithmetic of the virtualised guest list: rows have one fixed height, so which rows are
 * on screen follows from the scroll position alone, and only those (plus a few either side)
 * are in the DOM, whether the board has 30 guests or 10,000.
 */

export interface ListViewport {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
}

/** Rows `[start, end)` to render: the visible ones plus `overscan` rows above and below. */
export function visibleRange(viewport: ListViewport, overscan = 4): { start: number; end: number } {
  const { scrollTop, viewportHeight, rowHeight, count } = viewport;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.min(count - 1, Math.max(0, first - overscan));
  const end = Math.min(count, Math.max(start + 1, last + overscan));
  return { start, end };
}

/** The scroll position that shows row `index` whole, moving as little as possible. */
export function scrollToReveal(index: number, viewport: Omit<ListViewport, 'count'>): number {
  const { scrollTop, viewportHeight, rowHeight } = viewport;
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** Where a key moves focus in a list of `count` rows, or null for keys the list leaves alone. */
export function nextRowIndex(current: number, key: string, count: number, pageSize: number): number | null {
  if (count === 0) return null;
  const clamp = (index: number) => Math.min(count - 1, Math.max(0, index));
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(current - 1);
    case 'PageDown':
      return clamp(current + Math.max(1, pageSize));
    case 'PageUp':
      return clamp(current - Math.max(1, pageSize));
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
