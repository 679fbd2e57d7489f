import type { ClientView, IncidentLevel, IncidentStatus } from '@pairboard/board-schema';

/** Pure helpers that turn a `ClientView` into what the client screen draws. */

/** Whole percent, 0 when there is nothing to count (an empty checklist is not "100 % done"). */
export function percent(part: number, whole: number): number {
  if (!(whole > 0) || !(part > 0)) return 0;
  return Math.min(100, Math.round((part / whole) * 100));
}

export interface CurveBar {
  at: string;
  arrived: number;
  /** Bar height relative to the highest point, 0 to 100. */
  heightPercent: number;
}

/**
 * The arrival curve (cumulative arrivals per 15 minutes) as bars, keeping the last `maxBars`
 * points so a long day still fits a phone. The first bar with arrivals is never lower than 2 %,
 * so a small early count stays visible next to a large total.
 */
export function curveBars(curve: NonNullable<ClientView['attendance']>['curve'], maxBars = 32): CurveBar[] {
  const points = curve.slice(-maxBars);
  const highest = Math.max(0, ...points.map((point) => point.arrived));
  return points.map((point) => ({
    at: point.at,
    arrived: point.arrived,
    heightPercent: highest === 0 || point.arrived === 0 ? 0 : Math.max(2, percent(point.arrived, highest)),
  }));
}

export interface IncidentTotals {
  open: number;
  acknowledged: number;
  resolved: number;
}

/** Counts across all levels. */
export function incidentTotals(byLevel: NonNullable<ClientView['incidents']>['byLevel']): IncidentTotals {
  const totals = { open: 0, acknowledged: 0, resolved: 0 };
  for (const level of byLevel) {
    totals.open += level.open;
    totals.acknowledged += level.acknowledged;
    totals.resolved += level.resolved;
  }
  return totals;
}

const LEVEL_RANK: Record<IncidentLevel, number> = { red: 0, yellow: 1, blue: 2 };
const STATUS_RANK: Record<IncidentStatus, number> = { open: 0, acknowledged: 1, resolved: 2 };

type ClientIncident = NonNullable<ClientView['incidents']>['list'][number];

/** What a control room needs first: unresolved before resolved, red before yellow before blue, newest first. */
export function sortClientIncidents(list: readonly ClientIncident[]): ClientIncident[] {
  return [...list].sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
      b.raisedAt.localeCompare(a.raisedAt),
  );
}

/** True when the organizer shares nothing, so the screen can say so instead of showing a blank page. */
export function sharesNothing(view: ClientView): boolean {
  const { progress, attendance, incidents, updates } = view.sections;
  return !progress && !attendance && !incidents && !updates;
}
