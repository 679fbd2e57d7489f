import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addChecklist,
  addGuest,
  addItem,
  addSection,
  checkInGuest,
  initBoard,
  raiseIncident,
  tickItem,
  type OpResult,
} from '@pairboard/sync-core';
import type { TrackedKind } from './recent-changes.ts';
import { watchRemoteChanges } from './recent-changes-watch.ts';

const PARTNER = { id: 'partner', name: 'Partner' };
const NOW = new Date('2026-05-20T02:00:00.000Z');

function unwrap<T>(result: OpResult<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Two replicas of one board, each update from `theirs` applied to `mine` as the network would. */
function twoReplicas() {
  const theirs = new Y.Doc();
  initBoard(theirs, {
    name: 'Launch',
    venue: 'Hall',
    timezone: 'Asia/Shanghai',
    startsAt: '2026-05-20T01:00:00.000Z',
    endsAt: '2026-05-20T10:00:00.000Z',
    language: 'en',
  });
  const checklist = unwrap(addChecklist(theirs, { title: 'Setup' }));
  const sectionId = unwrap(addSection(theirs, { checklistId: checklist, title: 'Stage' }));
  const mine = new Y.Doc();
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
  theirs.on('update', (update: Uint8Array) => Y.applyUpdate(mine, update, 'network'));
  mine.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'network') Y.applyUpdate(theirs, update, 'network');
  });
  return { theirs, mine, sectionId };
}

describe('watchRemoteChanges', () => {
  const seen: Array<[TrackedKind, string[]]> = [];
  let stop = () => {};
  afterEach(() => {
    stop();
    seen.length = 0;
  });

  it('reports the items, incidents and guests another replica changed', () => {
    const { theirs, mine, sectionId } = twoReplicas();
    stop = watchRemoteChanges(mine, (kind, ids) => seen.push([kind, ids]));
    const itemId = unwrap(addItem(theirs, { sectionId, title: 'Mics' }));
    unwrap(tickItem(theirs, itemId, PARTNER, NOW));
    const incidentId = unwrap(
      raiseIncident(theirs, { title: 'Fire exit blocked', level: 'red' }, PARTNER, NOW),
    );
    const guestId = unwrap(addGuest(theirs, { name: '张三' }));
    unwrap(checkInGuest(theirs, guestId, PARTNER, NOW));
    expect(seen).toEqual([
      ['items', [itemId]],
      ['items', [itemId]],
      ['incidents', [incidentId]],
      ['guests', [guestId]],
    ]);
  });

  it('ignores my own edits', () => {
    const { mine, sectionId } = twoReplicas();
    stop = watchRemoteChanges(mine, (kind, ids) => seen.push([kind, ids]));
    const itemId = unwrap(addItem(mine, { sectionId, title: 'Mics' }));
    unwrap(tickItem(mine, itemId, PARTNER, NOW));
    expect(seen).toEqual([]);
  });

  it('ignores remote changes while the caller is not live yet (the first load)', () => {
    const { theirs, mine, sectionId } = twoReplicas();
    let live = false;
    stop = watchRemoteChanges(
      mine,
      (kind, ids) => seen.push([kind, ids]),
      () => live,
    );
    unwrap(addItem(theirs, { sectionId, title: 'Before' }));
    live = true;
    const after = unwrap(addItem(theirs, { sectionId, title: 'After' }));
    expect(seen).toEqual([['items', [after]]]);
  });

  it('stops reporting once unsubscribed', () => {
    const { theirs, mine, sectionId } = twoReplicas();
    stop = watchRemoteChanges(mine, (kind, ids) => seen.push([kind, ids]));
    stop();
    unwrap(addItem(theirs, { sectionId, title: 'Mics' }));
    expect(seen).toEqual([]);
  });
});
