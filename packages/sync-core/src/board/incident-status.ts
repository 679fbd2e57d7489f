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

/*
 * Acknowledge, resolve and reopen are one kind of step: check the derived status, then append
 * an entry dated no earlier than the entry it answers (see `notBefore`).
 */
export interface StatusStep {
  kind: 'acknowledged' | 'resolved' | 'reopened';
  /** Why the incident cannot take this step now, or null when it can. */
  refuse: (state: DerivedIncidentStatus) => string | null;
  /** The time the new entry must be later than, so it counts on a device whose clock is behind. */
  answers: (state: DerivedIncidentStatus) => string | null;
}

export const ACKNOWLEDGE: StatusStep = {
  kind: 'acknowledged',
  refuse: (state) => (state.status === 'open' ? null : `incident is already ${state.status}`),
  answers: (state) => state.cycleStartedAt,
};

export const RESOLVE: StatusStep = {
  kind: 'resolved',
  refuse: (state) => (state.status === 'resolved' ? 'incident is already resolved' : null),
  answers: (state) => state.cycleStartedAt,
};

export const REOPEN: StatusStep = {
  kind: 'reopened',
  refuse: (state) =>
    state.status === 'resolved' ? null : `only a resolved incident can be reopened; it is ${state.status}`,
  answers: (state) => state.resolvedAt,
};
