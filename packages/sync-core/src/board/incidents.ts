import * as Y from 'yjs';
import { IncidentLevel, RaiseIncidentInput, TimelineEntry } from '@pairboard/board-schema';
import type { Actor, Incident } from '@pairboard/board-schema';
import { createEntity, getEntity, listEntities, newId, type EntityMap } from './layout.ts';
import { notBefore, readActor, readOwner, readString, timeOf } from './fields.ts';
import { checkActorAndTime, describeIssues, fail, ok, type OpResult } from './result.ts';
import { runOp } from './transact.ts';
import {
  ACKNOWLEDGE,
  REOPEN,
  RESOLVE,
  deriveIncidentStatus,
  readTimeline,
  type DerivedIncidentStatus,
  type StatusStep,
} from './incident-status.ts';

const NoteInput = TimelineEntry.pick({ text: true, internal: true })
  .partial({ internal: true })
  .extend({ text: TimelineEntry.shape.text.min(1) });

const UNKNOWN_ACTOR: Actor = { id: 'unknown', name: 'unknown' };

/**
 * Raises an incident (or a material/help request: a category like any other). Its timeline
 * starts with a `raised` entry carrying the note. Returns the incident id.
 */
export function raiseIncident(
  doc: Y.Doc,
  input: RaiseIncidentInput,
  actor: Actor,
  now: Date,
  origin: unknown = null,
): OpResult<string> {
  const parsed = RaiseIncidentInput.safeParse(input);
  if (!parsed.success) return fail('invalid_input', describeIssues('incident', parsed.error.issues));
  const invalid = checkActorAndTime(actor, now);
  if (invalid) return { ok: false, error: invalid };
  const { title, level, category, zone, owner, note } = parsed.data;
  return runOp(doc, origin, () => {
    if (owner && !getEntity(doc, owner.kind === 'pair' ? 'pairs' : 'people', owner.id)) {
      return fail('not_found', `owner ${owner.kind} ${owner.id} not found`);
    }
    const id = newId();
    const at = now.toISOString();
    const reporter = { id: actor.id, name: actor.name };
    const incident = createEntity(doc, 'incidents', id, {
      title,
      level,
      category,
      zone,
      reporter,
      owner,
      raisedAt: at,
    });
    const timeline = new Y.Array<TimelineEntry>();
    incident.set('timeline', timeline);
    timeline.push([entry('raised', note, false, reporter, at)]);
    return ok(id);
  });
}

const StepNote = TimelineEntry.shape.text.optional();

function takeStep(
  doc: Y.Doc,
  incidentId: string,
  step: StatusStep,
  actor: Actor,
  now: Date,
  note: string | undefined,
  origin: unknown,
): OpResult {
  const parsed = StepNote.safeParse(typeof note === 'string' ? note.trim() : note);
  if (!parsed.success) return fail('invalid_input', describeIssues('note', parsed.error.issues));
  const text = parsed.data ?? '';
  return withIncident(doc, incidentId, actor, now, origin, (timeline, state) => {
    const refusal = step.refuse(state);
    if (refusal) return fail('invalid_state', refusal);
    timeline.push([entry(step.kind, text, false, actor, notBefore(now, step.answers(state)))]);
    return ok();
  });
}

/** Marks an open incident acknowledged ("someone is on it"). */
export function acknowledgeIncident(
  doc: Y.Doc,
  incidentId: string,
  actor: Actor,
  now: Date,
  origin: unknown = null,
): OpResult {
  return takeStep(doc, incidentId, ACKNOWLEDGE, actor, now, undefined, origin);
}

/** A status step that may carry a note (`resolveIncident`, `reopenIncident`). */
export type IncidentNoteStep = (
  doc: Y.Doc,
  incidentId: string,
  actor: Actor,
  now: Date,
  note?: string,
  origin?: unknown,
) => OpResult;

function noteStep(step: StatusStep): IncidentNoteStep {
  return (doc, incidentId, actor, now, note, origin = null) =>
    takeStep(doc, incidentId, step, actor, now, note, origin);
}

/** Resolves an incident that is not resolved yet, with an optional closing note. */
export const resolveIncident: IncidentNoteStep = noteStep(RESOLVE);

/** Reopens a resolved incident: it is `open` again, and its earlier entries stay in the timeline. */
export const reopenIncident: IncidentNoteStep = noteStep(REOPEN);

/** Appends a note to an incident's timeline; `internal` notes are for staff only (default false). */
export function addTimelineEntry(
  doc: Y.Doc,
  incidentId: string,
  input: { text: string; internal?: boolean },
  actor: Actor,
  now: Date,
  origin: unknown = null,
): OpResult {
  const parsed = NoteInput.safeParse({
    ...input,
    text: typeof input?.text === 'string' ? input.text.trim() : input?.text,
  });
  if (!parsed.success) return fail('invalid_input', describeIssues('timeline entry', parsed.error.issues));
  const { text, internal = false } = parsed.data;
  return withIncident(doc, incidentId, actor, now, origin, (timeline) => {
    timeline.push([entry('note', text, internal, actor, now.toISOString())]);
    return ok();
  });
}

type IncidentOp = (timeline: Y.Array<unknown>, state: DerivedIncidentStatus) => OpResult;

function withIncident(
  doc: Y.Doc,
  incidentId: string,
  actor: Actor,
  now: Date,
  origin: unknown,
  op: IncidentOp,
): OpResult {
  const invalid = checkActorAndTime(actor, now);
  if (invalid) return { ok: false, error: invalid };
  return runOp(doc, origin, () => {
    const incident = getEntity(doc, 'incidents', incidentId);
    const timeline = incident?.get('timeline');
    if (!incident) return fail('not_found', `incident ${incidentId} not found`);
    if (!(timeline instanceof Y.Array))
      return fail('invalid_state', `incident ${incidentId} has no timeline`);
    return op(timeline as Y.Array<unknown>, deriveIncidentStatus(readTimeline(timeline)));
  });
}

function entry(
  kind: TimelineEntry['kind'],
  text: string,
  internal: boolean,
  by: Actor,
  at: string,
): TimelineEntry {
  return { id: newId(), at, by: { id: by.id, name: by.name }, kind, text, internal };
}

/** Incidents in the order they were raised (ties by id), with status derived from each timeline. */
export function readIncidents(doc: Y.Doc): Incident[] {
  return listEntities(doc, 'incidents')
    .map(([id, map]) => readIncident(id, map))
    .sort(
      (a, b) =>
        sortableTime(a.raisedAt) - sortableTime(b.raisedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

function readIncident(id: string, map: EntityMap): Incident {
  const timeline = readTimeline(map.get('timeline'));
  const { status, acknowledgedAt, resolvedAt } = deriveIncidentStatus(timeline);
  const level = IncidentLevel.safeParse(map.get('level'));
  return {
    id,
    title: readString(map, 'title'),
    level: level.success ? level.data : 'blue',
    category: readString(map, 'category'),
    zone: readString(map, 'zone'),
    reporter: readActor(map, 'reporter') ?? UNKNOWN_ACTOR,
    owner: readOwner(map, 'owner'),
    status,
    raisedAt: readString(map, 'raisedAt'),
    acknowledgedAt,
    resolvedAt,
    timeline,
  };
}

/** A malformed time sorts first instead of poisoning the comparator (which must be a total order). */
function sortableTime(iso: string): number {
  const time = timeOf(iso);
  return Number.isNaN(time) ? 0 : time;
}
