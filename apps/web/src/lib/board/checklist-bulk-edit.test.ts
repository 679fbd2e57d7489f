import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addChecklist,
  addItem,
  addPair,
  addPerson,
  addSection,
  initBoard,
  readBoard,
  tickItem,
  verifyItem,
  type OpResult,
} from '@pairboard/sync-core';
import {
  applyBulkEdit,
  isoToWallTime,
  ownerChoice,
  parseOwnerChoice,
  rangeBetween,
  wallTimeToIso,
} from './checklist-bulk-edit.ts';

const ME = { id: 'me', name: 'Ravi' };
const PARTNER = { id: 'partner', name: 'Olivia' };
const NOW = new Date('2026-05-20T02:00:00.000Z');

function unwrap<T>(result: OpResult<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function board() {
  const doc = new Y.Doc();
  initBoard(doc, {
    name: 'Launch',
    venue: 'Hall',
    timezone: 'Asia/Shanghai',
    startsAt: '2026-05-20T01:00:00.000Z',
    endsAt: '2026-05-20T10:00:00.000Z',
    language: 'en',
  });
  unwrap(addPerson(doc, { id: PARTNER.id, name: PARTNER.name, position: 'onsite' }));
  unwrap(addPerson(doc, { id: ME.id, name: ME.name, position: 'remote' }));
  const pairId = unwrap(addPair(doc, { name: 'A', onsiteId: PARTNER.id, remoteId: ME.id }));
  const checklistId = unwrap(addChecklist(doc, { title: 'Setup' }));
  const sectionId = unwrap(addSection(doc, { checklistId, title: 'Stage' }));
  const ids = ['Mics', 'Lights', 'Chairs'].map((title) => unwrap(addItem(doc, { sectionId, title })));
  return { doc, pairId, ids };
}

describe('applyBulkEdit', () => {
  it('sets status, owner and due time of every chosen item in one transaction', () => {
    const { doc, pairId, ids } = board();
    let updates = 0;
    doc.on('update', () => (updates += 1));
    const dueAt = '2026-05-20T06:30:00.000Z';
    const chosen = ids.slice(0, 2);
    const result = applyBulkEdit(
      doc,
      chosen,
      { status: 'doing', owner: { kind: 'pair', id: pairId }, dueAt },
      ME,
      NOW,
    );
    expect(result).toEqual({ ok: true, value: 2 });
    expect(updates).toBe(1);
    const items = readBoard(doc).items;
    for (const item of items.filter((entry) => chosen.includes(entry.id))) {
      expect(item).toMatchObject({ status: 'doing', owner: { kind: 'pair', id: pairId }, dueAt });
    }
    expect(items.find((entry) => entry.id === ids[2])).toMatchObject({
      status: 'todo',
      owner: null,
      dueAt: null,
    });
  });

  it('leaves fields it is not given alone and can clear owner and due time', () => {
    const { doc, ids } = board();
    unwrap(
      applyBulkEdit(doc, ids, { owner: { kind: 'person', id: ME.id }, dueAt: NOW.toISOString() }, ME, NOW),
    );
    unwrap(applyBulkEdit(doc, ids, { status: 'blocked' }, ME, NOW));
    expect(readBoard(doc).items[0]).toMatchObject({
      status: 'blocked',
      owner: { kind: 'person', id: ME.id },
    });
    unwrap(applyBulkEdit(doc, ids, { owner: null, dueAt: null }, ME, NOW));
    expect(readBoard(doc).items[0]).toMatchObject({ status: 'blocked', owner: null, dueAt: null });
  });

  it('marks items done as the person editing, keeping the two-person sign-off', () => {
    const { doc, ids } = board();
    unwrap(applyBulkEdit(doc, ids, { status: 'done' }, ME, NOW));
    expect(readBoard(doc).items.every((item) => item.doneBy?.id === ME.id)).toBe(true);
    expect(verifyItem(doc, ids[0] ?? '', ME, NOW).ok).toBe(false);
  });

  it('clears both signatures when done items move to another status', () => {
    const { doc, ids } = board();
    const id = ids[0] ?? '';
    unwrap(tickItem(doc, id, PARTNER, NOW));
    unwrap(verifyItem(doc, id, ME, NOW));
    unwrap(applyBulkEdit(doc, [id], { status: 'todo' }, ME, NOW));
    expect(readBoard(doc).items[0]).toMatchObject({ status: 'todo', doneBy: null, verifiedBy: null });
  });

  it('changes nothing when an item or the owner does not exist', () => {
    const { doc, ids } = board();
    const before = Y.encodeStateVector(doc);
    expect(applyBulkEdit(doc, [...ids, 'gone'], { status: 'doing' }, ME, NOW)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(applyBulkEdit(doc, ids, { owner: { kind: 'pair', id: 'nope' } }, ME, NOW).ok).toBe(false);
    expect(applyBulkEdit(doc, ids, { dueAt: 'tomorrow' }, ME, NOW).ok).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('rangeBetween', () => {
  const IDS = ['a', 'b', 'c', 'd'];
  it('returns the inclusive range in list order, whichever end was clicked first', () => {
    expect(rangeBetween(IDS, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(IDS, 'd', 'b')).toEqual(['b', 'c', 'd']);
  });
  it('falls back to the clicked item without a usable anchor', () => {
    expect(rangeBetween(IDS, null, 'c')).toEqual(['c']);
    expect(rangeBetween(IDS, 'gone', 'c')).toEqual(['c']);
    expect(rangeBetween(IDS, 'a', 'gone')).toEqual([]);
  });
});

describe('owner choices', () => {
  it('round-trips pairs and people and reads keep and none', () => {
    expect(parseOwnerChoice(ownerChoice({ kind: 'pair', id: 'p1' }))).toEqual({ kind: 'pair', id: 'p1' });
    expect(parseOwnerChoice('person:u:1')).toEqual({ kind: 'person', id: 'u:1' });
    expect(parseOwnerChoice('keep')).toBeUndefined();
    expect(parseOwnerChoice('none')).toBeNull();
    expect(parseOwnerChoice('robot:x')).toBeUndefined();
  });
});

describe('event-time conversion', () => {
  it('reads a wall time in the event timezone', () => {
    expect(wallTimeToIso('2026-05-20T14:30', 'Asia/Shanghai')).toBe('2026-05-20T06:30:00.000Z');
    expect(wallTimeToIso('2026-05-20T14:30', 'UTC')).toBe('2026-05-20T14:30:00.000Z');
  });
  it('handles a daylight-saving zone on both sides of the change', () => {
    expect(wallTimeToIso('2026-03-28T12:00', 'Europe/Berlin')).toBe('2026-03-28T11:00:00.000Z');
    expect(wallTimeToIso('2026-03-30T12:00', 'Europe/Berlin')).toBe('2026-03-30T10:00:00.000Z');
  });
  it('refuses malformed values and unknown zones', () => {
    expect(wallTimeToIso('14:30', 'Asia/Shanghai')).toBeNull();
    expect(wallTimeToIso('2026-05-20T14:30', 'Mars/Olympus')).toBeNull();
  });
  it('turns an instant back into the wall time of the zone', () => {
    expect(isoToWallTime('2026-05-20T06:30:00.000Z', 'Asia/Shanghai')).toBe('2026-05-20T14:30');
  });
});
