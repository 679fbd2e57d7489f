import type { Incident, IncidentLevel } from '@pairboard/board-schema';

export const LEVELS: readonly IncidentLevel[] = ['red', 'yellow', 'blue'];

/** One level's incidents against its target to acknowledge. */
export interface LevelSummary {
  level: IncidentLevel;
  targetMinutes: number;
  total: number;
  acknowledged: number;
  /** Acknowledged within the target. */
  withinTarget: number;
  /** Acknowledged late, or still not acknowledged past the target. */
  overTarget: number;
  resolved: number;
  /** Median minutes from raised to acknowledged (null: none acknowledged). */
  medianAckMinutes: number | null;
  /** Median minutes from raised to resolved (null: none resolved). */
  medianResolveMinutes: number | null;
}

export interface IncidentLine {
  title: string;
  level: IncidentLevel;
  raisedAt: string;
  ackMinutes: number | null;
  resolveMinutes: number | null;
  targetMinutes: number;
  /** true: acknowledged within target; false: late or overdue now; null: still within target. */
  metTarget: boolean | null;
}

export interface IncidentReport {
  levels: LevelSummary[];
  list: IncidentLine[];
}

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round((value ?? 0) * 10) / 10;
}

function line(incident: Incident, targetMinutes: number, now: Date): IncidentLine {
  const ackMinutes = incident.acknowledgedAt
    ? minutesBetween(incident.raisedAt, incident.acknowledgedAt)
    : null;
  const resolveMinutes = incident.resolvedAt ? minutesBetween(incident.raisedAt, incident.resolvedAt) : null;
  const waited = minutesBetween(incident.raisedAt, now.toISOString());
  const metTarget = ackMinutes !== null ? ackMinutes <= targetMinutes : waited > targetMinutes ? false : null;
  return {
    title: incident.title,
    level: incident.level,
    raisedAt: incident.raisedAt,
    ackMinutes,
    resolveMinutes,
    targetMinutes,
    metTarget,
  };
}

/** Incidents by level (red first) with times to acknowledge and resolve against the targets. */
export function incidentReport(
  incidents: readonly Incident[],
  targets: Record<IncidentLevel, number>,
  now: Date,
): IncidentReport {
  const list = incidents.map((incident) => line(incident, targets[incident.level], now));
  const levels = LEVELS.map((level): LevelSummary => {
    const mine = list.filter((entry) => entry.level === level);
    const acks = mine.flatMap((entry) => (entry.ackMinutes === null ? [] : [entry.ackMinutes]));
    const resolves = mine.flatMap((entry) => (entry.resolveMinutes === null ? [] : [entry.resolveMinutes]));
    return {
      level,
      targetMinutes: targets[level],
      total: mine.length,
      acknowledged: acks.length,
      withinTarget: mine.filter((entry) => entry.metTarget === true).length,
      overTarget: mine.filter((entry) => entry.metTarget === false).length,
      resolved: resolves.length,
      medianAckMinutes: median(acks),
      medianResolveMinutes: median(resolves),
    };
  });
  return { levels, list };
}
