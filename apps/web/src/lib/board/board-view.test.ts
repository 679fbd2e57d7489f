import { describe, expect, it } from 'vitest';
import type { Board, ChecklistItem, Incident } from '@pairboard/board-schema';
import { EMPTY_BOARD } from './empty-board.ts';
import { canVerify, firstSectionTarget, groupChecklists, redAlerts, sortIncidents } from './board-view.ts';

const ME = { id: 'me', name: 'Me' };
const PARTNER = { id: 'partner', name: 'Partner' };

function item(
  id: string,
  sectionId: string,
  done: typeof ME | null = null,
  verified: typeof ME | null = null,
): ChecklistItem {
  return {
    id,
    sectionId,
    title: `Item ${id}`,
    order: id,
    owner: null,
    dueAt: null,
    status: done ? 'done' : 'todo',
    doneBy: done,
    doneAt: done ? '2026-05-20T01:00:00.000Z' : null,
    verifiedBy: verified,
    verifiedAt: verified ? '2026-05-20T01:05:00.000Z' : null,
  };
}

function incident(
  id: string,
  level: Incident['level'],
  status: Incident['status'],
  reporter: typeof ME,
  raisedAt: string,
): Incident {
  return {
    id,
    title: `Incident ${id}`,
    level,
    category: '',
    zone: '',
    reporter,
    owner: null,
    status,
    raisedAt,
    acknowledgedAt: null,
    resolvedAt: null,
    timeline: [],
  };
}

const BOARD: Board = {
  ...EMPTY_BOARD,
  checklists: [
    { id: 'c1', title: 'Setup', order: 'a' },
    { id: 'c2', title: 'Empty', order: 'b' },
  ],
  sections: [
    { id: 's1', checklistId: 'c1', title: 'Hall', order: 'a' },
    { id: 's2', checklistId: 'c1', title: 'Stage', order: 'b' },
  ],
  items: [item('i1', 's1', ME), item('i2', 's1'), item('i3', 's2', PARTNER, ME)],
};

describe('groupChecklists', () => {
  it('nests sections and items under their checklist with done counts', () => {
    const [setup, empty] = groupChecklists(BOARD);
    expect(setup?.sections.map((view) => [view.section.id, view.items.map((i) => i.id)])).toEqual([
      ['s1', ['i1', 'i2']],
      ['s2', ['i3']],
    ]);
    expect([setup?.done, setup?.total]).toEqual([2, 3]);
    expect(empty).toMatchObject({ sections: [], done: 0, total: 0 });
  });
});

describe('firstSectionTarget', () => {
  it('points at the first section of the first checklist', () => {
    expect(firstSectionTarget(BOARD)).toEqual({ checklistId: 'c1', sectionId: 's1' });
  });

  it('has no section for a checklist without one, and no target without a checklist', () => {
    expect(firstSectionTarget({ ...BOARD, sections: [] })).toEqual({ checklistId: 'c1', sectionId: null });
    expect(firstSectionTarget(EMPTY_BOARD)).toBeNull();
  });
});

describe('canVerify', () => {
  const THIRD = { id: 'third', name: 'Third' };
  const team: Pick<Board, 'pairs' | 'people'> = {
    pairs: [{ id: 'pair1', name: 'Pair 1', onsiteId: ME.id, remoteId: PARTNER.id }],
    people: [
      { id: ME.id, name: ME.name, position: 'onsite' },
      { id: PARTNER.id, name: PARTNER.name, position: 'remote' },
      { id: THIRD.id, name: THIRD.name, position: 'remote' },
    ],
  };
  const pairItem = (done: typeof ME): ChecklistItem => ({
    ...item('x', 's1', done),
    owner: { kind: 'pair', id: 'pair1' },
  });

  it('lets the other partner verify a done item', () => {
    expect(canVerify(item('x', 's1', PARTNER), ME.id, team)).toBe(true);
    expect(canVerify(pairItem(PARTNER), ME.id, team)).toBe(true);
  });

  it('does not let the doer verify their own item, nor anyone verify twice or verify undone work', () => {
    expect(canVerify(item('x', 's1', ME), ME.id, team)).toBe(false);
    expect(canVerify(item('x', 's1', PARTNER, THIRD), ME.id, team)).toBe(false);
    expect(canVerify(item('x', 's1'), ME.id, team)).toBe(false);
  });

  it("offers a pair's item only to the pair's other member, not to someone from another pair", () => {
    expect(canVerify(pairItem(PARTNER), THIRD.id, team)).toBe(false);
    expect(canVerify(pairItem(PARTNER), THIRD.id, team, true)).toBe(false);
  });

  it('lets a board owner stand in when the pair has lost its second member', () => {
    const lost = { ...team, people: team.people.filter((person) => person.id !== ME.id) };
    expect(canVerify(pairItem(PARTNER), THIRD.id, lost)).toBe(false);
    expect(canVerify(pairItem(PARTNER), THIRD.id, lost, true)).toBe(true);
  });
});

describe('redAlerts', () => {
  const incidents = [
    incident('a', 'red', 'open', PARTNER, '2026-05-20T01:00:00Z'),
    incident('b', 'red', 'open', ME, '2026-05-20T01:01:00Z'),
    incident('c', 'red', 'acknowledged', PARTNER, '2026-05-20T01:02:00Z'),
    incident('d', 'yellow', 'open', PARTNER, '2026-05-20T01:03:00Z'),
    incident('e', 'red', 'open', PARTNER, '2026-05-20T01:04:00Z'),
  ];

  it('alerts on open red incidents raised by someone else, except dismissed ones', () => {
    expect(redAlerts(incidents, ME.id, new Set(['e'])).map((i) => i.id)).toEqual(['a']);
  });
});

describe('sortIncidents', () => {
  it('lists open, then acknowledged, then resolved, newest first within each', () => {
    const sorted = sortIncidents([
      incident('old-open', 'blue', 'open', ME, '2026-05-20T01:00:00Z'),
      incident('resolved', 'red', 'resolved', ME, '2026-05-20T03:00:00Z'),
      incident('ack', 'yellow', 'acknowledged', ME, '2026-05-20T02:00:00Z'),
      incident('new-open', 'blue', 'open', ME, '2026-05-20T02:30:00Z'),
    ]);
    expect(sorted.map((i) => i.id)).toEqual(['new-open', 'old-open', 'ack', 'resolved']);
  });
});
