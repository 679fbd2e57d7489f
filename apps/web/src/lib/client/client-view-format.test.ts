import { describe, expect, it } from 'vitest';
import type { ClientView } from '@pairboard/board-schema';
import {
  arrivalSeries,
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

describe('arrivalSeries', () => {
  it('keeps the points in order and runs the axis to the expected total', () => {
    const series = arrivalSeries({
      expected: 120,
      curve: [
        { at: '2026-05-20T01:00:00Z', arrived: 0 },
        { at: '2026-05-20T01:15:00Z', arrived: 14 },
        { at: '2026-05-20T01:30:00Z', arrived: 60 },
      ],
    });
    expect(series).toEqual({
      at: ['2026-05-20T01:00:00Z', '2026-05-20T01:15:00Z', '2026-05-20T01:30:00Z'],
      arrived: [0, 14, 60],
      yMax: 120,
    });
  });

  it('raises the axis when more guests came than expected (walk-ins)', () => {
    expect(arrivalSeries({ expected: 10, curve: [{ at: 't0', arrived: 13 }] }).yMax).toBe(13);
  });

  it('keeps only the latest points', () => {
    const curve = Array.from({ length: 60 }, (_, i) => ({ at: `t${i}`, arrived: i }));
    const series = arrivalSeries({ expected: 100, curve }, 10);
    expect(series.at).toHaveLength(10);
    expect(series.at[0]).toBe('t50');
  });

  it('never has an empty axis', () => {
    expect(arrivalSeries({ expected: 0, curve: [] })).toEqual({ at: [], arrived: [], yMax: 1 });
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
