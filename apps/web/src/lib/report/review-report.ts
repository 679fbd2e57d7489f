import type { Board, ChecklistItem, IncidentLevel, Owner } from '@pairboard/board-schema';
import { incidentReport, type IncidentReport } from './report-incidents.ts';

/**
 * The review report (复盘) as plain data, computed from the board alone: the page draws it, the
 * CSV and Markdown exports write it. Pure: the caller passes the clock and the targets.
 */
export interface ReviewReport {
  name: string;
  generatedAt: string;
  arrivals: ArrivalReport;
  incidents: IncidentReport;
  sections: CompletionRow[];
  pairs: CompletionRow[];
  overdue: OverdueItem[];
  timeline: TimelineRow[];
}

export interface ArrivalReport {
  expected: number;
  arrived: number;
  /** Cumulative check-ins at the end of each 15-minute step, from the first check-in's step. */
  curve: { at: string; arrived: number }[];
}

/** Items of one section (`label`: "Checklist › Section") or one pair, done and verified. */
export interface CompletionRow {
  label: string;
  total: number;
  done: number;
  verified: number;
}

export interface OverdueItem {
  title: string;
  section: string;
  owner: string;
  dueAt: string;
  minutesLate: number;
}

export interface TimelineRow {
  at: string;
  /** `incident.raised`, `incident.acknowledged`, … `item.done`, `item.verified`. */
  kind: string;
  subject: string;
  by: string;
  text: string;
}

export interface ReviewReportOptions {
  now: Date;
  /** Minutes to acknowledge per level (the board's, or the defaults). */
  targets: Record<IncidentLevel, number>;
  /** Step of the arrival curve; 15 minutes unless told. */
  stepMinutes?: number;
}

export function buildReviewReport(board: Board, options: ReviewReportOptions): ReviewReport {
  return {
    name: board.meta?.name ?? '',
    generatedAt: options.now.toISOString(),
    arrivals: arrivalReport(board, (options.stepMinutes ?? 15) * 60_000),
    incidents: incidentReport(board.incidents, options.targets, options.now),
    sections: sectionRows(board),
    pairs: pairRows(board),
    overdue: overdueItems(board, options.now),
    timeline: timeline(board),
  };
}

function arrivalReport(board: Board, stepMs: number): ArrivalReport {
  const times = board.guests
    .flatMap((guest) => (guest.checkIn ? [Date.parse(guest.checkIn.at)] : []))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const curve: ArrivalReport['curve'] = [];
  const first = times[0];
  const last = times.at(-1);
  if (first !== undefined && last !== undefined) {
    let index = 0;
    for (let end = Math.floor(first / stepMs) * stepMs + stepMs; ; end += stepMs) {
      while (index < times.length && (times[index] ?? Infinity) < end) index += 1;
      curve.push({ at: new Date(end).toISOString(), arrived: index });
      if (end > last) break;
    }
  }
  return { expected: board.guests.length, arrived: times.length, curve };
}

function count(items: readonly ChecklistItem[]): Omit<CompletionRow, 'label'> {
  return {
    total: items.length,
    done: items.filter((item) => item.status === 'done').length,
    verified: items.filter((item) => item.verifiedAt !== null).length,
  };
}

function sectionRows(board: Board): CompletionRow[] {
  const checklists = new Map(board.checklists.map((c) => [c.id, c.title]));
  return board.sections.map((section) => ({
    label: `${checklists.get(section.checklistId) ?? '?'} › ${section.title}`,
    ...count(board.items.filter((item) => item.sectionId === section.id)),
  }));
}

/** Items owned by a pair, or by one of its two people, count for the pair. */
function pairRows(board: Board): CompletionRow[] {
  return board.pairs.map((pair) => {
    const mine = (owner: Owner | null) =>
      owner !== null &&
      ((owner.kind === 'pair' && owner.id === pair.id) ||
        (owner.kind === 'person' && (owner.id === pair.onsiteId || owner.id === pair.remoteId)));
    return { label: pair.name, ...count(board.items.filter((item) => mine(item.owner))) };
  });
}

function ownerName(board: Board, owner: Owner | null): string {
  if (owner === null) return '';
  const list = owner.kind === 'pair' ? board.pairs : board.people;
  return list.find((entry) => entry.id === owner.id)?.name ?? '';
}

function overdueItems(board: Board, now: Date): OverdueItem[] {
  const sections = new Map(board.sections.map((s) => [s.id, s.title]));
  return board.items
    .filter((item) => item.status !== 'done' && item.dueAt !== null && Date.parse(item.dueAt) < now.getTime())
    .map((item) => ({
      title: item.title,
      section: sections.get(item.sectionId) ?? '',
      owner: ownerName(board, item.owner),
      dueAt: item.dueAt ?? '',
      minutesLate: Math.floor((now.getTime() - Date.parse(item.dueAt ?? '')) / 60_000),
    }))
    .sort((a, b) => b.minutesLate - a.minutesLate);
}

/** Incident steps and checklist sign-offs, oldest first. Staff-only notes stay out of the report. */
function timeline(board: Board): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const incident of board.incidents) {
    for (const entry of incident.timeline) {
      if (entry.internal) continue;
      rows.push({
        at: entry.at,
        kind: `incident.${entry.kind}`,
        subject: incident.title,
        by: entry.by.name,
        text: entry.text,
      });
    }
  }
  for (const item of board.items) {
    if (item.doneAt)
      rows.push({
        at: item.doneAt,
        kind: 'item.done',
        subject: item.title,
        by: item.doneBy?.name ?? '',
        text: '',
      });
    if (item.verifiedAt) {
      rows.push({
        at: item.verifiedAt,
        kind: 'item.verified',
        subject: item.title,
        by: item.verifiedBy?.name ?? '',
        text: '',
      });
    }
  }
  return rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.kind.localeCompare(b.kind));
}
