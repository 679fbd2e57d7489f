import type * as Y from 'yjs';
import { CheckIn } from '@pairboard/board-schema';
import type { Actor } from '@pairboard/board-schema';
import { checkInLogArray, getEntity, listEntities } from './layout.ts';
import { notBefore, readInteger, timeOf } from './fields.ts';
import { checkActorAndTime, fail, ok, type OpResult } from './result.ts';
import { runOp } from './transact.ts';
import {
  checkInGuest,
  deriveCheckIns,
  deriveOne,
  type CheckInLogEntry,
  type GuestCheckInState,
} from './check-in.ts';

/*
 * Plus-ones (a guest's `plusOnes`) arrive with the guest or on their own. Each companion is a
 * numbered slot 1..plusOnes with its own entries in `checkInLog`, of kinds that older clients
 * skip (`companion_check_in`, `companion_undo`), so the guest's own check-in means what it always
 * meant. A slot follows the guest rules: after its latest undo the earliest check-in stands and
 * later ones are conflicts. Two phones that each let "one companion" in while apart both pick
 * the lowest free slot: staff see a conflict on the row instead of a silently doubled count.
 */

/** A companion entry of `checkInLog` (additive to `CheckInLogEntry`, see docs/board-schema.md). */
export interface CompanionLogEntry {
  guestId: string;
  kind: 'companion_check_in' | 'companion_undo';
  companion: number;
  at: string;
  by: Actor;
}

/** What staff see on a guest's row beyond the standing check-in. */
export interface GuestArrival {
  /** Later check-ins of the guest that lost to the standing one, earliest first. */
  conflicts: CheckIn[];
  /** Companions checked in, at most the guest's current `plusOnes`. */
  companionsArrived: number;
  /** Later check-ins of a companion slot that lost to its standing one. */
  companionConflicts: Array<{ companion: number; checkIn: CheckIn }>;
}

function parseCompanionEntry(value: unknown): CompanionLogEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const { guestId, kind, companion } = value as Record<string, unknown>;
  if (typeof guestId !== 'string' || (kind !== 'companion_check_in' && kind !== 'companion_undo'))
    return null;
  if (typeof companion !== 'number' || !Number.isInteger(companion) || companion < 1) return null;
  const stamp = CheckIn.safeParse(value);
  if (!stamp.success || Number.isNaN(timeOf(stamp.data.at))) return null;
  return { guestId, kind, companion, at: stamp.data.at, by: stamp.data.by };
}

/** Each guest's companion slots (by number) and their derived state. */
function deriveCompanions(doc: Y.Doc): Map<string, Map<number, GuestCheckInState>> {
  const entries = new Map<string, Map<number, CheckInLogEntry[]>>();
  for (const value of checkInLogArray(doc).toArray()) {
    const entry = parseCompanionEntry(value);
    if (!entry) continue;
    const slots = entries.get(entry.guestId) ?? new Map<number, CheckInLogEntry[]>();
    entries.set(entry.guestId, slots);
    const kind = entry.kind === 'companion_check_in' ? 'check_in' : 'undo';
    const list = slots.get(entry.companion) ?? [];
    slots.set(entry.companion, list);
    list.push({ guestId: entry.guestId, kind, at: entry.at, by: entry.by });
  }
  const states = new Map<string, Map<number, GuestCheckInState>>();
  for (const [guestId, slots] of entries) {
    states.set(guestId, new Map([...slots].map(([slot, list]) => [slot, deriveOne(list)])));
  }
  return states;
}

/**
 * Every guest's conflicts and companions, in one pass over the log (a panel reads this once per
 * change rather than calling `guestCheckInConflicts` per row). Guests with nothing to show are absent.
 */
export function readGuestArrivals(doc: Y.Doc): Map<string, GuestArrival> {
  const plusOnes = new Map(
    listEntities(doc, 'guests').map(([id, map]) => [id, readInteger(map, 'plusOnes')]),
  );
  const out = new Map<string, GuestArrival>();
  const get = (guestId: string): GuestArrival => {
    const existing = out.get(guestId);
    if (existing) return existing;
    const fresh: GuestArrival = { conflicts: [], companionsArrived: 0, companionConflicts: [] };
    out.set(guestId, fresh);
    return fresh;
  };
  for (const [guestId, state] of deriveCheckIns(doc)) {
    if (state.conflicts.length > 0) get(guestId).conflicts = state.conflicts;
  }
  for (const [guestId, slots] of deriveCompanions(doc)) {
    const limit = plusOnes.get(guestId) ?? 0;
    for (const [slot, state] of [...slots].sort(([a], [b]) => a - b)) {
      if (slot > limit || !state.standing) continue;
      get(guestId).companionsArrived += 1;
      for (const checkIn of state.conflicts)
        get(guestId).companionConflicts.push({ companion: slot, checkIn });
    }
  }
  return out;
}

function companionSlots(doc: Y.Doc, guestId: string): Map<number, GuestCheckInState> {
  return deriveCompanions(doc).get(guestId) ?? new Map<number, GuestCheckInState>();
}

/** Slots 1..plusOnes that have no standing check-in, lowest first. */
function freeSlots(
  doc: Y.Doc,
  guestId: string,
  plusOnes: number,
): Array<{ slot: number; lastUndoAt: string | null }> {
  const slots = companionSlots(doc, guestId);
  const free: Array<{ slot: number; lastUndoAt: string | null }> = [];
  for (let slot = 1; slot <= plusOnes; slot += 1) {
    const state = slots.get(slot);
    if (!state?.standing) free.push({ slot, lastUndoAt: state?.lastUndoAt ?? null });
  }
  return free;
}

function appendCompanion(doc: Y.Doc, entry: CompanionLogEntry): void {
  checkInLogArray(doc).push([entry]);
}

function checkCount(count: number): string | null {
  return Number.isInteger(count) && count >= 0 && count <= 20
    ? null
    : 'count must be a whole number from 0 to 20';
}

/**
 * Checks in `count` of a guest's companions (the lowest free slots), with or without the guest.
 * `invalid_state` when fewer than `count` are still expected.
 */
export function checkInCompanions(
  doc: Y.Doc,
  guestId: string,
  count: number,
  actor: Actor,
  now: Date,
  origin: unknown = null,
): OpResult<number[]> {
  const invalid = checkActorAndTime(actor, now);
  if (invalid) return { ok: false, error: invalid };
  const badCount = checkCount(count);
  if (badCount) return fail('invalid_input', badCount);
  return runOp(doc, origin, () => {
    const guest = getEntity(doc, 'guests', guestId);
    if (!guest) return fail('not_found', `guest ${guestId} not found`);
    const free = freeSlots(doc, guestId, readInteger(guest, 'plusOnes'));
    if (count > free.length)
      return fail('invalid_state', `only ${free.length} companions are still expected, got ${count}`);
    const by = { id: actor.id, name: actor.name };
    const taken = free.slice(0, count);
    for (const { slot, lastUndoAt } of taken) {
      appendCompanion(doc, {
        guestId,
        kind: 'companion_check_in',
        companion: slot,
        at: notBefore(now, lastUndoAt),
        by,
      });
    }
    return ok(taken.map(({ slot }) => slot));
  });
}

/**
 * Checks a guest in together with `companions` of their plus-ones, in one transaction. When the
 * guest already stands checked in, nothing is written (`already: true`), as for `checkInGuest`.
 */
export function checkInGuestWithCompanions(
  doc: Y.Doc,
  guestId: string,
  companions: number,
  actor: Actor,
  now: Date,
  origin: unknown = null,
): OpResult<{ already: boolean; companions: number[] }> {
  return runOp<{ already: boolean; companions: number[] }>(doc, origin, () => {
    const guest = getEntity(doc, 'guests', guestId);
    if (!guest) return fail('not_found', `guest ${guestId} not found`);
    // Check the companions before the guest's entry is written: a failed op leaves the doc unchanged.
    const free = freeSlots(doc, guestId, readInteger(guest, 'plusOnes')).length;
    if (checkCount(companions) !== null || companions > free)
      return fail('invalid_input', `companions must be 0 to ${free}, got ${companions}`);
    const invalid = checkActorAndTime(actor, now);
    if (invalid) return { ok: false, error: invalid };
    const main = checkInGuest(doc, guestId, actor, now, origin);
    if (!main.ok) return main;
    if (main.value.already) return ok({ already: true, companions: [] });
    const slots =
      companions > 0 ? checkInCompanions(doc, guestId, companions, actor, now, origin) : ok<number[]>([]);
    if (!slots.ok) return slots;
    return ok({ already: false, companions: slots.value });
  });
}

/** Undoes the check-in of the highest-numbered companion that stands checked in (appends an undo). */
export function undoCompanionCheckIn(
  doc: Y.Doc,
  guestId: string,
  actor: Actor,
  now: Date,
  origin: unknown = null,
): OpResult<number> {
  const invalid = checkActorAndTime(actor, now);
  if (invalid) return { ok: false, error: invalid };
  return runOp(doc, origin, () => {
    if (!getEntity(doc, 'guests', guestId)) return fail('not_found', `guest ${guestId} not found`);
    const standing = [...companionSlots(doc, guestId)]
      .filter(([, state]) => state.standing)
      .sort(([a], [b]) => b - a);
    const top = standing[0];
    if (!top) return fail('invalid_state', 'no companion of this guest is checked in');
    const [slot, state] = top;
    const latest = state.conflicts.at(-1) ?? state.standing;
    appendCompanion(doc, {
      guestId,
      kind: 'companion_undo',
      companion: slot,
      at: notBefore(now, latest?.at ?? null),
      by: { id: actor.id, name: actor.name },
    });
    return ok(slot);
  });
}
