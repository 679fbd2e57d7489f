import type { ClientView, IncidentLevel, IncidentStatus } from '@pairboard/board-schema';

/** Pure helpers that turn a `ClientView` into what the client screen draws. */

/** Whole percent, 0 when there is nothing to count (an empty checklist is not "100 % done"). */
export function percent(part: number, whole: number): number {
  if (!(whole > 0) || !(part > 0)) return 0;
  return Math.min(100, Math.round((part / whole) * 100));
}

export interface ArrivalSeries {
  /** ISO instants of the points, oldest first. */
  at: string[];
  /** Cumulative arrivals at each point. */
  arrived: number[];
  /** Top of the y axis: the expected total, or the highest point if more came than expected. */
  yMax: number;
}

/**
 * The arrival curve (cumulative arrivals per 15 minutes) as chart data, keeping the last
 * `maxPoints` so a long day still reads on a phone. The y axis runs to the expected total, so
 * the curve's height is how full the room is, not how fast it filled.
 */
export function arrivalSeries(
  attendance: Pick<NonNullable<ClientView['attendance']>, 'curve' | 'expected'>,
  maxPoints = 48,
): ArrivalSeries {
  const points = attendance.curve.slice(-maxPoints);
  const highest = Math.max(0, ...points.map((point) => point.arrived));
  return {
    at: points.map((point) => point.at),
    arrived: points.map((point) => point.arrived),
    yMax: Math.max(1, attendance.expected, highest),
  };
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
