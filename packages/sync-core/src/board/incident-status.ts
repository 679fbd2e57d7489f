import * as Y from 'yjs';
import { TimelineEntry } from '@pairboard/board-schema';
import type { IncidentStatus } from '@pairboard/board-schema';
import { timeOf } from './fields.ts';

/*
 * An incident's status is never stored: it is derived from its append-only timeline, so a
 * concurrent acknowledge and resolve from two phones merge into the same answer everywhere.
 * A `reopened` entry starts a new cycle; only entries after the latest reopen count.
 */

export interface DerivedIncidentStatus {
  status: IncidentStatus;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  /** Time of the latest `reopened` entry: later entries must not be earlier than this to count. */
  cycleStartedAt: string | null;
}

/** The timeline's well-formed entries in time order (ties by id, the same on every replica). */
export function readTimeline(timeline: unknown): TimelineEntry[] {
  if (!(timeline instanceof Y.Array)) return [];
  const entries: TimelineEntry[] = [];
  for (const value of timeline.toArray()) {
    const parsed = TimelineEntry.safeParse(value);
    if (parsed.success && !Number.isNaN(timeOf(parsed.data.at))) entries.push(parsed.data);
  }
  return entries.sort((a, b) => timeOf(a.at) - timeOf(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** resolved > acknowledged > open, each at the earliest entry of its kind in the current cycle. */
export function deriveIncidentStatus(timeline: readonly TimelineEntry[]): DerivedIncidentStatus {
  let cycleStartedAt: string | null = null;
  for (const entry of timeline) {
    if (entry.kind === 'reopened') cycleStartedAt = entry.at;
  }
  const cycleStart = cycleStartedAt === null ? null : timeOf(cycleStartedAt);
  const inCycle = timeline.filter((entry) => cycleStart === null || timeOf(entry.at) > cycleStart);
  const acknowledgedAt = inCycle.find((entry) => entry.kind === 'acknowledged')?.at ?? null;
  const resolvedAt = inCycle.find((entry) => entry.kind === 'resolved')?.at ?? null;
  const status: IncidentStatus = resolvedAt ? 'resolved' : acknowledgedAt ? 'acknowledged' : 'open';
  return { status, acknowledgedAt, resolvedAt, cycleStartedAt };
}
