import * as Y from 'yjs';
import { ItemStatus, Owner, type Actor } from '@pairboard/board-schema';
import { BOARD_ROOTS, setItemDue, setItemOwner, setItemStatus, type OpResult } from '@pairboard/sync-core';

/**
 * Bulk edit of checklist items on the remote desk: one status, owner and/or due time for several
 * items, written in ONE transaction so the partner's screen changes once and an offline phone
 * merges all of it or nothing. `undefined` in a field means "leave as it is".
 */
export interface BulkEdit {
  status?: ItemStatus;
  /** null removes the owner. */
  owner?: Owner | null;
  /** ISO instant; null removes the due time. */
  dueAt?: string | null;
}

/** Every id from `anchor` to `target` inclusive, in list order: a shift-click range. */
export function rangeBetween(ids: readonly string[], anchor: string | null, target: string): string[] {
  const to = ids.indexOf(target);
  const from = anchor === null ? -1 : ids.indexOf(anchor);
  if (to === -1) return [];
  if (from === -1) return [target];
  return ids.slice(Math.min(from, to), Math.max(from, to) + 1);
}

/** The owner `<select>`'s values: `keep`, `none`, `pair:<id>`, `person:<id>`. */
export function parseOwnerChoice(value: string): Owner | null | undefined {
  if (value === 'keep' || value === '') return undefined;
  if (value === 'none') return null;
  const [kind, ...rest] = value.split(':');
  const parsed = Owner.safeParse({ kind, id: rest.join(':') });
  return parsed.success ? parsed.data : undefined;
}

export function ownerChoice(owner: Owner): string {
  return `${owner.kind}:${owner.id}`;
}

/** Offset of `timeZone` from UTC at `utcMs`, in milliseconds (Asia/Shanghai: +8 h). */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? NaN);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The instant a `datetime-local` value (`2026-05-20T14:30`) means in the event's timezone, as
 * ISO: a remote partner in another city sets the venue's clock time. Null when unparseable or
 * the zone is unknown.
 */
export function wallTimeToIso(wall: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  try {
    // Twice: the first guess may sit on the other side of a daylight-saving change.
    const first = asUtc - zoneOffsetMs(asUtc, timeZone);
    return new Date(asUtc - zoneOffsetMs(first, timeZone)).toISOString();
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** The `datetime-local` value of an instant in the event's timezone (the inverse of `wallTimeToIso`). */
export function isoToWallTime(iso: string, timeZone: string): string {
  const utcMs = Date.parse(iso);
  return new Date(utcMs + zoneOffsetMs(utcMs, timeZone)).toISOString().slice(0, 16);
}

function invalid(message: string): OpResult<number> {
  return { ok: false, error: { code: 'invalid_input', message } };
}

function checkEdit(doc: Y.Doc, items: Y.Map<unknown>, itemIds: readonly string[], edit: BulkEdit) {
  const missing = itemIds.find((id) => !(items.get(id) instanceof Y.Map));
  if (missing !== undefined)
    return { ok: false, error: { code: 'not_found', message: `item ${missing} not found` } } as const;
  if (edit.owner) {
    const root = doc.getMap(edit.owner.kind === 'pair' ? BOARD_ROOTS.pairs : BOARD_ROOTS.people);
    if (!(root.get(edit.owner.id) instanceof Y.Map)) {
      return {
        ok: false,
        error: { code: 'not_found', message: `owner ${edit.owner.kind} ${edit.owner.id} not found` },
      } as const;
    }
  }
  if (edit.dueAt && Number.isNaN(Date.parse(edit.dueAt)))
    return invalid(`due time must be an ISO time, got '${edit.dueAt}'`);
  if (edit.status !== undefined && !ItemStatus.safeParse(edit.status).success) {
    return invalid(`status must be one of ${ItemStatus.options.join(', ')}, got '${String(edit.status)}'`);
  }
  return null;
}

/**
 * Applies `edit` to every item in one transaction and returns how many items it touched.
 * Everything is checked before the first write, so a refused edit changes nothing. Status goes
 * through sync-core's `setItemStatus` (done means done by `actor`, and leaving done clears both
 * signatures).
 */
export function applyBulkEdit(
  doc: Y.Doc,
  itemIds: readonly string[],
  edit: BulkEdit,
  actor: Actor,
  now: Date,
): OpResult<number> {
  const items = doc.getMap<unknown>(BOARD_ROOTS.items);
  const refused = checkEdit(doc, items, itemIds, edit);
  if (refused) return refused;
  let result: OpResult<number> = { ok: true, value: itemIds.length };
  doc.transact(() => {
    for (const id of itemIds) {
      const steps = [
        edit.owner !== undefined ? setItemOwner(doc, id, edit.owner) : null,
        edit.dueAt !== undefined ? setItemDue(doc, id, edit.dueAt) : null,
        edit.status !== undefined ? setItemStatus(doc, id, edit.status, actor, now) : null,
      ];
      const failed = steps.find((step) => step !== null && !step.ok);
      if (failed && !failed.ok) result = failed;
    }
  });
  return result;
}
