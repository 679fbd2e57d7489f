import { describe, expect, it } from 'vitest';
import {
  changedEntityIds,
  guestIdsFromCheckInLog,
  RECENT_CHANGE_WINDOW_MS,
  RecentChanges,
} from './recent-changes.ts';

describe('changedEntityIds', () => {
  it('reads added or removed entities from the keys of the root map', () => {
    expect(changedEntityIds([], new Set(['item-1', 'item-2']))).toEqual(['item-1', 'item-2']);
  });

  it('reads the entity from the first step of a deeper path', () => {
    expect(changedEntityIds(['item-1'], new Set(['status', 'done']))).toEqual(['item-1']);
    expect(changedEntityIds(['incident-1', 'timeline'], new Set())).toEqual(['incident-1']);
  });

  it('ignores a path that does not start at an entity key', () => {
    expect(changedEntityIds([0], new Set(['x']))).toEqual([]);
  });
});

describe('guestIdsFromCheckInLog', () => {
  it('takes the guest of each well-formed log entry and skips foreign shapes', () => {
    const entries = [
      { guestId: 'g1', kind: 'check_in' },
      { guestId: 'g2', kind: 'undo' },
      'junk',
      null,
      { guestId: 7 },
      { guestId: '' },
    ];
    expect(guestIdsFromCheckInLog(entries)).toEqual(['g1', 'g2']);
  });
});

describe('RecentChanges', () => {
  it('highlights a change for the window and no longer', () => {
    const recent = new RecentChanges();
    recent.mark('items', ['a'], 1_000);
    expect(recent.has('items', 'a', 1_000)).toBe(true);
    expect(recent.has('items', 'a', 1_000 + RECENT_CHANGE_WINDOW_MS - 1)).toBe(true);
    expect(recent.has('items', 'a', 1_000 + RECENT_CHANGE_WINDOW_MS)).toBe(false);
  });

  it('keeps kinds apart: an item and an incident may share an id', () => {
    const recent = new RecentChanges();
    recent.mark('items', ['same'], 0);
    expect(recent.has('incidents', 'same', 0)).toBe(false);
  });

  it('restarts the window when the same entity changes again', () => {
    const recent = new RecentChanges(4_000);
    recent.mark('items', ['a'], 0);
    recent.mark('items', ['a'], 3_000);
    expect(recent.has('items', 'a', 6_000)).toBe(true);
    expect(recent.nextExpiryMs()).toBe(7_000);
  });

  it('prunes expired highlights and says when the next one ends', () => {
    const recent = new RecentChanges(4_000);
    recent.mark('items', ['a'], 0);
    recent.mark('guests', ['g'], 2_000);
    expect(recent.nextExpiryMs()).toBe(4_000);
    expect(recent.prune(3_999)).toBe(false);
    expect(recent.prune(4_000)).toBe(true);
    expect(recent.size).toBe(1);
    expect(recent.nextExpiryMs()).toBe(6_000);
    recent.prune(6_000);
    expect(recent.nextExpiryMs()).toBeNull();
  });
});
