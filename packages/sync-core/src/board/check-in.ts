import type * as Y from 'yjs';
import { CheckIn } from '@pairboard/board-schema';
import type { Actor } from '@pairboard/board-schema';
import { checkInLogArray, getEntity } from './layout.ts';
import { notBefore, timeOf } from './fields.ts';
import { checkActorAndTime, fail, ok, type OpResult } from './result.ts';
import { runOp } from './transact.ts';

/*
 * Check-ins are an append-only log (`checkInLog`), never a field: two phones checking the same
 * guest in while apart must converge on the EARLIEST check-in, and a last-writer-wins field
 * would keep an arbitrary one. Undo is appended too, so the log is the full record.
 */

/** One entry of the top-level `checkInLog` array. */
export interface CheckInLogEntry {
  guestId: string;
  kind: 'check_in' | 'undo';
  at: string;
  by: Actor;
}

/** A guest's derived state: the check-in that stands and the later ones that lost to it. */
export interface GuestCheckInState {
  standing: CheckIn | null;
  conflicts: CheckIn[];
  lastUndoAt: string | null;
}

function parseEntry(value: unknown): CheckInLogEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const { guestId, kind } = value as Record<string, unknown>;
  if (typeof guestId !== 'string' || (kind !== 'check_in' && kind !== 'undo')) return null;
  const stamp = CheckIn.safeParse(value);
  if (!stamp.success || Number.isNaN(timeOf(stamp.data.at))) return null;
  return { guestId, kind, at: stamp.data.at, by: stamp.data.by };
}

/** Earlier first; equal times by actor id, so every replica picks the same winner. */
function compareStamps(a: CheckIn, b: CheckIn): number {
  const byTime = timeOf(a.at) - timeOf(b.at);
  if (byTime !== 0) return byTime;
  return a.by.id < b.by.id ? -1 : a.by.id > b.by.id ? 1 : 0;
}

/**
 * Derives every guest's check-in from the log: after the latest undo (by time), the earliest
 * check-in stands and the others are conflicts. Malformed entries are ignored.
 */
export function deriveCheckIns(doc: Y.Doc): Map<string, GuestCheckInState> {
  const byGuest = new Map<string, CheckInLogEntry[]>();
  for (const value of checkInLogArray(doc).toArray()) {
    const entry = parseEntry(value);
    if (!entry) continue;
    const list = byGuest.get(entry.guestId);
    if (list) list.push(entry);
    else byGuest.set(entry.guestId, [entry]);
  }
  const states = new Map<string, GuestCheckInState>();
  for (const [guestId, entries] of byGuest) states.set(guestId, deriveOne(entries));
  return states;
}

/** One subject's state from its entries (a guest's, or one companion's in guest-arrivals.ts). */
export function deriveOne(entries: CheckInLogEntry[]): GuestCheckInState {
  let lastUndo: number | null = null;
  let lastUndoAt: string | null = null;
  for (const entry of entries) {
    if (entry.kind !== 'undo') continue;
    if (lastUndo === null || timeOf(entry.at) > lastUndo) {
      lastUndo = timeOf(entry.at);
      lastUndoAt = entry.at;
    }
  }
  const live = entries
    .filter((entry) => entry.kind === 'check_in' && (lastUndo === null || timeOf(entry.at) > lastUndo))
    .map(({ at, by }) => ({ at, by }))
    .sort(compareStamps);
  return { standing: live[0] ?? null, conflicts: live.slice(1), lastUndoAt };
}

function guestState(doc: Y.Doc, guestId: string): GuestCheckInState {
  return deriveCheckIns(doc).get(guestId) ?? { standing: null, conflicts: [], lastUndoAt: null };
}

/**
 * Checks a guest in. If the guest already is checked in (here, or by a replica this doc has
 * heard from), nothing is written and `already: true` comes back with the standing check-in,
 * so the UI can say "already checked in by X at 10:42".
 */
export function checkInGuest(
  doc: Y.Doc,
  guestId: string,
  actor: Actor,
  now: Date,
  origin: unknown = null,
): OpResult<{ checkIn: CheckIn; already: boolean }> {
  const invalid = checkActorAndTime(actor, now);
  if (invalid) return { ok: false, error: invalid };
  return runOp<{ checkIn: CheckIn; already: boolean }>(doc, origin, () => {
    if (!getEntity(doc, 'guests', guestId)) return fail('not_found', `guest ${guestId} not found`);
    const state = guestState(doc, guestId);
    if (state.standing) return ok({ checkIn: state.standing, already: true });
    const checkIn: CheckIn = { at: notBefore(now, state.lastUndoAt), by: { id: actor.id, name: actor.name } };
    appendEntry(doc, { guestId, kind: 'check_in', ...checkIn });
    return ok({ checkIn, already: false });
  });
}

/** Undoes a guest's check-in by appending an `undo` entry; the check-in stays in the log. */
export function undoCheckIn(
  doc: Y.Doc,
  guestId: string,
  actor: Actor,
  now: Date,
  origin: unknown = null,
): OpResult {
  const invalid = checkActorAndTime(actor, now);
  if (invalid) return { ok: false, error: invalid };
  return runOp(doc, origin, () => {
    if (!getEntity(doc, 'guests', guestId)) return fail('not_found', `guest ${guestId} not found`);
    const state = guestState(doc, guestId);
    if (!state.standing) return fail('invalid_state', 'guest is not checked in');
    const latest = state.conflicts.at(-1) ?? state.standing;
    appendEntry(doc, {
      guestId,
      kind: 'undo',
      at: notBefore(now, latest.at),
      by: { id: actor.id, name: actor.name },
    });
    return ok();
  });
}

/** The check-ins of a guest that lost to the standing one (later, concurrent ones), earliest first. */
export function guestCheckInConflicts(doc: Y.Doc, guestId: string): CheckIn[] {
  return guestState(doc, guestId).conflicts;
}

function appendEntry(doc: Y.Doc, entry: CheckInLogEntry): void {
  checkInLogArray(doc).push([entry]);
}
