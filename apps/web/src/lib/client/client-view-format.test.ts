import { describe, expect, it } from 'vitest';
import type { ClientView } from '@pairboard/board-schema';
import {
  curveBars,
  incidentTotals,
  percent,
  sharesNothing,
  sortClientIncidents,
} from './client-view-format.ts';

describe('percent', () => {
  it('rounds to a whole percent and is 0 for an empty whole', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(5, 0)).toBe(0);
    expect(percent(0, 10)).toBe(0);
    expect(percent(12, 10)).toBe(100);
  });
});

describe('curveBars', () => {
  it('scales bars to the highest point and keeps a small first count visible', () => {
    const bars = curveBars([
      { at: '2026-05-20T01:00:00Z', arrived: 0 },
      { at: '2026-05-20T01:15:00Z', arrived: 1 },
      { at: '2026-05-20T01:30:00Z', arrived: 200 },
    ]);
    expect(bars.map((bar) => bar.heightPercent)).toEqual([0, 2, 100]);
    expect(bars[2]).toMatchObject({ at: '2026-05-20T01:30:00Z', arrived: 200 });
  });

  it('keeps only the latest points', () => {
    const curve = Array.from({ length: 40 }, (_, i) => ({ at: `t${i}`, arrived: i }));
    const bars = curveBars(curve, 10);
    expect(bars).toHaveLength(10);
    expect(bars[0]?.at).toBe('t30');
  });

  it('draws nothing high when nobody has arrived', () => {
    expect(curveBars([{ at: 't0', arrived: 0 }]).map((bar) => bar.heightPercent)).toEqual([0]);
  });
});

describe('incidentTotals', () => {
  it('adds up every level', () => {
    expect(
      incidentTotals([
        { level: 'blue', open: 1, acknowledged: 2, resolved: 3 },
        { level: 'red', open: 1, acknowledged: 0, resolved: 1 },
      ]),
    ).toEqual({ open: 2, acknowledged: 2, resolved: 4 });
  });
});

describe('sortClientIncidents', () => {
  it('puts unresolved first, then red before yellow before blue, then newest first', () => {
    const incident = (
      id: string,
      level: 'blue' | 'yellow' | 'red',
      status: 'open' | 'acknowledged' | 'resolved',
      raisedAt: string,
    ) => ({
      id,
      title: id,
      level,
      status,
      raisedAt,
    });
    const sorted = sortClientIncidents([
      incident('resolved-red', 'red', 'resolved', '2026-05-20T03:00:00Z'),
      incident('open-blue', 'blue', 'open', '2026-05-20T03:00:00Z'),
      incident('open-red-old', 'red', 'open', '2026-05-20T01:00:00Z'),
      incident('open-red-new', 'red', 'open', '2026-05-20T02:00:00Z'),
      incident('ack-yellow', 'yellow', 'acknowledged', '2026-05-20T02:00:00Z'),
    ]);
    expect(sorted.map((i) => i.id)).toEqual([
      'open-red-new',
      'open-red-old',
      'open-blue',
      'ack-yellow',
      'resolved-red',
    ]);
  });
});

describe('sharesNothing', () => {
  const view = (sections: ClientView['sections']): ClientView => ({
    boardName: 'Expo',
    timezone: 'Asia/Shanghai',
    generatedAt: '2026-05-20T02:00:00Z',
    sections,
  });

  it('is true only when every part is switched off', () => {
    expect(
      sharesNothing(view({ progress: false, attendance: false, incidents: false, updates: false })),
    ).toBe(true);
    expect(sharesNothing(view({ progress: false, attendance: true, incidents: false, updates: false }))).toBe(
      false,
    );
  });
});
