import * as Y from 'yjs';
import { IncidentLevel } from '@pairboard/board-schema';
import type { Actor, Incident, TimelineEntry } from '@pairboard/board-schema';
import { entityRoot, getEntity, metaMap, newId } from './layout.ts';
import { notBefore, readString, timeOf } from './fields.ts';
import { deriveIncidentStatus, readTimeline } from './incident-status.ts';
import { readResponseTargets, type ResponseTargets } from './response-targets.ts';
import { fail, ok, type OpResult } from './result.ts';
import { runOp } from './transact.ts';

/*
 * An incident not acknowledged within its level's target is escalated. The record is an
 * `escalated` timeline entry written by the server; its presence in the current cycle (after the
 * latest reopen) is what makes escalation happen once. Everything is derived from stored times
 * (raisedAt or the reopen, plus the board's target), so a restarted server finds the same answer.
 */

/**
 * Whether `transaction` changed anything escalation is derived from: the incidents, or the meta
 * map that holds the response targets. A watcher re-reads a board only then, not on every
 * check-in. Call it from 'afterTransaction', when Yjs has filled `changedParentTypes`.
 */
export function changesEscalation(transaction: Y.Transaction): boolean {
  const incidents: unknown = entityRoot(transaction.doc, 'incidents');
  const meta: unknown = metaMap(transaction.doc);
  for (const type of transaction.changedParentTypes.keys())
    if (type === incidents || type === meta) return true;
  return false;
}

/** The author of server-written timeline entries. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'pairboard', name: 'Pairboard' });

/** Where an incident stands against its response target. */
export interface EscalationState {
  /** When the current cycle's target to acknowledge runs out; null once acknowledged or resolved. */
  dueAt: string | null;
  /** The `escalated` entry of the current cycle, if the server wrote one. */
  escalatedAt: string | null;
  /** Open and past its target (whether or not the server has written the entry yet). */
  overdue: boolean;
}

function cycleEntries(timeline: readonly TimelineEntry[], cycleStartedAt: string | null): TimelineEntry[] {
  if (cycleStartedAt === null) return [...timeline];
  const start = timeOf(cycleStartedAt);
  return timeline.filter((entry) => timeOf(entry.at) > start);
}

/**
 * The escalation state of an incident from its level, raise time and timeline, against the
 * board's targets, at `now`. Pure: the UI's overdue mark and the server's timers both use it.
 */
export function escalationState(
  incident: Pick<Incident, 'level' | 'raisedAt' | 'timeline'>,
  targets: ResponseTargets,
  now: Date,
): EscalationState {
  const { status, cycleStartedAt } = deriveIncidentStatus(incident.timeline);
  const escalated = cycleEntries(incident.timeline, cycleStartedAt).find(
    (entry) => entry.kind === 'escalated',
  );
  const escalatedAt = escalated?.at ?? null;
  const start = timeOf(cycleStartedAt ?? incident.raisedAt);
  if (status !== 'open' || Number.isNaN(start)) return { dueAt: null, escalatedAt, overdue: false };
  const dueMs = start + targets[incident.level] * 60_000;
  return { dueAt: new Date(dueMs).toISOString(), escalatedAt, overdue: now.getTime() >= dueMs };
}

/**
 * Writes the `escalated` entry when the incident is open, past its target and not escalated in
 * this cycle yet; otherwise changes nothing. Answers whether it wrote the entry, so two timers
 * racing through the room pipeline escalate once and only the winner sends the alert.
 */
export function escalateIncident(
  doc: Y.Doc,
  incidentId: string,
  now: Date,
  origin: unknown = null,
): OpResult<boolean> {
  if (Number.isNaN(now.getTime())) return fail('invalid_input', 'now must be a valid date');
  return runOp(doc, origin, () => {
    const incident = getEntity(doc, 'incidents', incidentId);
    const timeline = incident?.get('timeline');
    if (!incident) return fail('not_found', `incident ${incidentId} not found`);
    if (!(timeline instanceof Y.Array))
      return fail('invalid_state', `incident ${incidentId} has no timeline`);
    const level = IncidentLevel.safeParse(incident.get('level'));
    const entries = readTimeline(timeline);
    const targets = readResponseTargets(doc);
    const view = {
      level: level.success ? level.data : 'blue',
      raisedAt: readString(incident, 'raisedAt'),
      timeline: entries,
    };
    const state = escalationState(view, targets, now);
    if (!state.overdue || state.escalatedAt !== null) return ok(false);
    const { cycleStartedAt } = deriveIncidentStatus(entries);
    const minutes = targets[view.level];
    const entry: TimelineEntry = {
      id: newId(),
      at: notBefore(now, cycleStartedAt),
      by: { ...SYSTEM_ACTOR },
      kind: 'escalated',
      text: `not acknowledged within ${minutes} min (${view.level})`,
      internal: true,
    };
    (timeline as Y.Array<TimelineEntry>).push([entry]);
    return ok(true);
  });
}
