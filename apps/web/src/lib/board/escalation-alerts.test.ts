import { describe, expect, it } from 'vitest';
import type { Incident, TimelineEntry } from '@pairboard/board-schema';
import { escalatedAlerts, escalatedAt } from './escalation-alerts.ts';

const BY = { id: 'u-1', name: '王芳' };
const SYSTEM = { id: 'pairboard', name: 'Pairboard' };

function entry(kind: TimelineEntry['kind'], at: string, by = BY): TimelineEntry {
  return { id: `${kind}-${at}`, at, by, kind, text: '', internal: kind === 'escalated' };
}

function incident(id: string, status: Incident['status'], timeline: TimelineEntry[]): Incident {
  return {
    id,
    title: id,
    level: 'yellow',
    category: '',
    zone: '',
    reporter: BY,
    owner: null,
    status,
    raisedAt: '2026-05-20T01:00:00.000Z',
    acknowledgedAt: null,
    resolvedAt: null,
    timeline,
  };
}

const raised = entry('raised', '2026-05-20T01:00:00.000Z');
const escalated = entry('escalated', '2026-05-20T02:00:00.000Z', SYSTEM);

describe('escalatedAlerts', () => {
  it('lists open incidents the server escalated, not the ones still within target', () => {
    const list = [incident('late', 'open', [raised, escalated]), incident('fresh', 'open', [raised])];
    expect(escalatedAlerts(list, new Set()).map((i) => i.id)).toEqual(['late']);
    expect(escalatedAt(list[0]!)).toBe('2026-05-20T02:00:00.000Z');
  });

  it('drops an escalated incident once acknowledged, and one dismissed on this device', () => {
    const acked = incident('acked', 'acknowledged', [
      raised,
      escalated,
      entry('acknowledged', '2026-05-20T02:05:00.000Z'),
    ]);
    const dismissed = incident('dismissed', 'open', [raised, escalated]);
    expect(escalatedAlerts([acked, dismissed], new Set(['dismissed']))).toEqual([]);
  });

  it('forgets an escalation from before a reopen', () => {
    const reopened = incident('again', 'open', [
      raised,
      escalated,
      entry('resolved', '2026-05-20T02:10:00.000Z'),
      entry('reopened', '2026-05-20T02:20:00.000Z'),
    ]);
    expect(escalatedAlerts([reopened], new Set())).toEqual([]);
  });
});
