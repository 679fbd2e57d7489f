import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@pairboard/board-schema';
import {
  acknowledgeIncident,
  addChecklist,
  addGuest,
  addItem,
  addPair,
  addPerson,
  addSection,
  checkInGuest,
  initBoard,
  raiseIncident,
  resolveIncident,
  setItemOwner,
  tickItem,
  undoCheckIn,
  untickItem,
  verifyItem,
} from '@pairboard/sync-core';
import { describeChanges } from './describe-changes.ts';
import { updateChanges } from './update-changes.ts';

const ANA: Actor = { id: 'u-ana', name: 'Ana' };
const BEN: Actor = { id: 'u-ben', name: 'Ben' };
const NOW = new Date('2026-05-20T02:00:00.000Z');

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/**
 * A browser doc and the server's copy. Each client change travels as its update to the server
 * doc (which, like the room's, never calls getMap) and is described there after applying.
 */
function world() {
  const client = new Y.Doc();
  const server = new Y.Doc();
  const describeNext = (change: () => void) => {
    const updates: Uint8Array[] = [];
    const capture = (update: Uint8Array) => updates.push(update);
    client.on('update', capture);
    change();
    client.off('update', capture);
    return updates.flatMap((update) => {
      Y.applyUpdate(server, update);
      return describeChanges(server, updateChanges(server, update));
    });
  };
  describeNext(() => {
    initBoard(client, {
      name: 'Launch',
      venue: 'Hall',
      timezone: 'Asia/Shanghai',
      startsAt: '2026-05-20T01:00:00.000Z',
      endsAt: '2026-05-20T10:00:00.000Z',
      language: 'en',
    });
    unwrap(addPerson(client, { id: ANA.id, name: ANA.name, position: 'onsite' }));
    unwrap(addPerson(client, { id: BEN.id, name: BEN.name, position: 'remote' }));
  });
  return { client, server, describeNext };
}

const brief = (lines: { action: string; list: string; label: string; detail: string }[]) =>
  lines.map(({ action, list, label, detail }) => ({ action, list, label, detail }));

describe('describeChanges(updateChanges(doc, update))', () => {
  it('names checklist changes: created, ticked, verified, unticked, assigned', () => {
    const { client, describeNext } = world();
    let itemId = '';
    const created = describeNext(() => {
      const checklistId = unwrap(addChecklist(client, { title: 'Setup' }));
      const sectionId = unwrap(addSection(client, { checklistId, title: 'Stage' }));
      itemId = unwrap(addItem(client, { sectionId, title: 'Test microphones' }));
    });
    expect(brief(created)).toEqual([
      { action: 'checklist.created', list: 'checklists', label: 'Setup', detail: '' },
      { action: 'section.created', list: 'checklists', label: 'Stage', detail: '' },
      { action: 'item.created', list: 'checklists', label: 'Test microphones', detail: '' },
    ]);
    expect(brief(describeNext(() => unwrap(tickItem(client, itemId, ANA, NOW))))).toEqual([
      { action: 'item.done', list: 'checklists', label: 'Test microphones', detail: '' },
    ]);
    expect(describeNext(() => unwrap(verifyItem(client, itemId, BEN, NOW))).map((l) => l.action)).toEqual([
      'item.verified',
    ]);
    expect(describeNext(() => unwrap(untickItem(client, itemId, ANA, NOW))).map((l) => l.action)).toEqual([
      'item.undone',
    ]);
    let pairId = '';
    const formed = describeNext(
      () => (pairId = unwrap(addPair(client, { name: 'A', onsiteId: ANA.id, remoteId: BEN.id }))),
    );
    expect(brief(formed)).toEqual([{ action: 'pair.created', list: 'people', label: 'A', detail: '' }]);
    const assigned = describeNext(() => unwrap(setItemOwner(client, itemId, { kind: 'pair', id: pairId })));
    expect(brief(assigned)).toEqual([
      { action: 'item.assigned', list: 'checklists', label: 'Test microphones', detail: `pair:${pairId}` },
    ]);
  });

  it('names guest changes: added as a walk-in, checked in, check-in undone', () => {
    const { client, describeNext } = world();
    let guestId = '';
    expect(
      brief(describeNext(() => (guestId = unwrap(addGuest(client, { name: '王芳', walkIn: true }))))),
    ).toEqual([{ action: 'guest.added', list: 'guests', label: '王芳', detail: 'walk_in' }]);
    expect(brief(describeNext(() => unwrap(checkInGuest(client, guestId, ANA, NOW))))).toEqual([
      { action: 'guest.checked_in', list: 'guests', label: '王芳', detail: NOW.toISOString() },
    ]);
    const undone = describeNext(() =>
      unwrap(undoCheckIn(client, guestId, ANA, new Date(NOW.getTime() + 60_000))),
    );
    expect(undone.map((l) => [l.action, l.entityId])).toEqual([['guest.check_in_undone', guestId]]);
  });

  it('names incident changes: raised with its level, acknowledged, resolved', () => {
    const { client, describeNext } = world();
    let incidentId = '';
    const raised = describeNext(() => {
      incidentId = unwrap(raiseIncident(client, { title: 'Projector down', level: 'red' }, ANA, NOW));
    });
    expect(brief(raised)).toEqual([
      { action: 'incident.raised', list: 'incidents', label: 'Projector down', detail: 'red' },
    ]);
    expect(
      describeNext(() => unwrap(acknowledgeIncident(client, incidentId, BEN, NOW))).map((l) => l.action),
    ).toEqual(['incident.acknowledged']);
    expect(
      describeNext(() => unwrap(resolveIncident(client, incidentId, BEN, NOW, 'fixed'))).map((l) => l.action),
    ).toEqual(['incident.resolved']);
  });

  it('names a deleted entity and a board meta edit', () => {
    const { client, describeNext } = world();
    let guestId = '';
    describeNext(() => (guestId = unwrap(addGuest(client, { name: 'Temp' }))));
    const deleted = describeNext(() => client.getMap('guests').delete(guestId));
    expect(deleted.map((l) => [l.action, l.entityId, l.label])).toEqual([['guest.deleted', guestId, '']]);
    const meta = describeNext(() => client.getMap('meta').set('venue', 'Hall B'));
    expect(brief(meta)).toEqual([{ action: 'board.edited', list: 'board', label: '', detail: 'venue' }]);
  });

  it('says only that contact data changed, never the values', () => {
    const contacts = new Y.Doc();
    const server = new Y.Doc();
    const updates: Uint8Array[] = [];
    contacts.on('update', (u: Uint8Array) => updates.push(u));
    contacts.transact(() => {
      const entry = new Y.Map<unknown>();
      contacts.getMap('guestContacts').set('g-1', entry);
      entry.set('phone', '13800000000');
    });
    const lines = updates.flatMap((u) => {
      Y.applyUpdate(server, u);
      return describeChanges(server, updateChanges(server, u));
    });
    expect(lines).toEqual([
      { list: 'guests', entityId: 'g-1', action: 'guest_contact.edited', label: '', detail: '' },
    ]);
  });
});
