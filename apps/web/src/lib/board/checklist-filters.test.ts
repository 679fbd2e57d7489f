import { describe, expect, it } from 'vitest';
import type { ChecklistItem, Incident, Pair } from '@pairboard/board-schema';
import {
  filterIncidents,
  filterItems,
  isMine,
  isOverdue,
  isUnverified,
  myPairIds,
  toggled,
  type ItemFilter,
} from './checklist-filters.ts';

const NOW_MS = Date.parse('2026-05-20T06:00:00.000Z');
const ME = { id: 'me', name: 'Me' };
const PARTNER = { id: 'partner', name: 'Partner' };
const PAIRS: Pair[] = [
  { id: 'pair-mine', name: 'A', onsiteId: 'partner', remoteId: 'me' },
  { id: 'pair-other', name: 'B', onsiteId: 'x', remoteId: 'y' },
];
const CONTEXT = { actorId: 'me', pairs: PAIRS, nowMs: NOW_MS };

function item(id: string, fields: Partial<ChecklistItem> = {}): ChecklistItem {
  return {
    id,
    sectionId: 's',
    title: `Item ${id}`,
    order: id,
    owner: null,
    dueAt: null,
    status: 'todo',
    doneBy: null,
    doneAt: null,
    verifiedBy: null,
    verifiedAt: null,
    ...fields,
  };
}

const done = (by = PARTNER) => ({ status: 'done' as const, doneBy: by, doneAt: '2026-05-20T05:00:00.000Z' });

const ITEMS = [
  item('mine-overdue', { owner: { kind: 'pair', id: 'pair-mine' }, dueAt: '2026-05-20T05:00:00.000Z' }),
  item('mine-person-unverified', { owner: { kind: 'person', id: 'me' }, ...done() }),
  item('other-overdue', { owner: { kind: 'pair', id: 'pair-other' }, dueAt: '2026-05-20T05:59:00.000Z' }),
  item('other-verified', { ...done(), verifiedBy: ME, verifiedAt: '2026-05-20T05:30:00.000Z' }),
  item('later', { dueAt: '2026-05-20T07:00:00.000Z' }),
];

const ids = (items: readonly { id: string }[]) => items.map((entry) => entry.id);

describe('item filters', () => {
  it('finds the pairs I am in, on either side', () => {
    expect(myPairIds(PAIRS, 'me')).toEqual(new Set(['pair-mine']));
    expect(myPairIds(PAIRS, 'x')).toEqual(new Set(['pair-other']));
  });

  it('counts an item as mine when my pair or I own it', () => {
    const pairs = myPairIds(PAIRS, 'me');
    expect(ITEMS.filter((entry) => isMine(entry, 'me', pairs)).map((entry) => entry.id)).toEqual([
      'mine-overdue',
      'mine-person-unverified',
    ]);
  });

  it('calls an item overdue only when its due time has passed and it is not done', () => {
    expect(isOverdue(item('a', { dueAt: '2026-05-20T05:00:00.000Z' }), NOW_MS)).toBe(true);
    expect(isOverdue(item('b', { dueAt: '2026-05-20T05:00:00.000Z', ...done() }), NOW_MS)).toBe(false);
    expect(isOverdue(item('c', { dueAt: '2026-05-20T06:00:00.000Z' }), NOW_MS)).toBe(false);
    expect(isOverdue(item('d', { dueAt: 'soon' }), NOW_MS)).toBe(false);
    expect(isOverdue(item('e'), NOW_MS)).toBe(false);
  });

  it('calls a done item without a second signature unverified', () => {
    expect(isUnverified(item('a', done()))).toBe(true);
    expect(isUnverified(item('b', { ...done(), verifiedBy: ME }))).toBe(false);
    expect(isUnverified(item('c'))).toBe(false);
  });

  it('shows every item and counts each filter alone when no filter is active', () => {
    const result = filterItems(ITEMS, new Set(), CONTEXT);
    expect(ids(result.items)).toEqual(ids(ITEMS));
    expect(result.counts).toEqual({ mine: 2, overdue: 2, unverified: 1 });
  });

  it('combines active filters with AND and keeps board order', () => {
    expect(ids(filterItems(ITEMS, new Set<ItemFilter>(['overdue']), CONTEXT).items)).toEqual([
      'mine-overdue',
      'other-overdue',
    ]);
    expect(ids(filterItems(ITEMS, new Set<ItemFilter>(['mine', 'overdue']), CONTEXT).items)).toEqual([
      'mine-overdue',
    ]);
    expect(filterItems(ITEMS, new Set<ItemFilter>(['overdue', 'unverified']), CONTEXT).items).toEqual([]);
  });

  it('keeps the per-filter counts independent of the active filters', () => {
    const result = filterItems(ITEMS, new Set<ItemFilter>(['mine']), CONTEXT);
    expect(result.counts).toEqual({ mine: 2, overdue: 2, unverified: 1 });
  });
});

function incident(id: string, level: Incident['level'], status: Incident['status']): Incident {
  return {
    id,
    title: id,
    level,
    category: '',
    zone: '',
    reporter: PARTNER,
    owner: null,
    status,
    raisedAt: '2026-05-20T05:00:00.000Z',
    acknowledgedAt: null,
    resolvedAt: null,
    timeline: [],
  };
}

describe('incident filters', () => {
  const INCIDENTS = [
    incident('red-open', 'red', 'open'),
    incident('red-resolved', 'red', 'resolved'),
    incident('yellow-ack', 'yellow', 'acknowledged'),
    incident('blue-open', 'blue', 'open'),
  ];

  it('shows the whole log, resolved included, when no level is chosen', () => {
    expect(ids(filterIncidents(INCIDENTS, new Set()).incidents)).toEqual(ids(INCIDENTS));
  });

  it('shows unresolved incidents of any chosen level', () => {
    expect(ids(filterIncidents(INCIDENTS, new Set(['red'] as const)).incidents)).toEqual(['red-open']);
    expect(ids(filterIncidents(INCIDENTS, new Set(['red', 'yellow'] as const)).incidents)).toEqual([
      'red-open',
      'yellow-ack',
    ]);
  });

  it('counts open and acknowledged incidents per level', () => {
    expect(filterIncidents(INCIDENTS, new Set()).openCounts).toEqual({ blue: 1, yellow: 1, red: 1 });
  });
});

describe('toggled', () => {
  it('adds a missing value and removes a present one without touching the original', () => {
    const original = new Set(['a']);
    expect(toggled(original, 'b')).toEqual(new Set(['a', 'b']));
    expect(toggled(original, 'a')).toEqual(new Set());
    expect(original).toEqual(new Set(['a']));
  });
});
