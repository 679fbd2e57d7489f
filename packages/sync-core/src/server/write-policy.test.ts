import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGuest, addPair, checkInGuest, raiseIncident, tickItem, undoCheckIn } from '../index.ts';
import { craftUpdate } from './craft-update.ts';
import { DOOR, EDITOR, NOW, entity, newBoard, unwrap, updateFrom, type Board } from './footprint-fixtures.ts';
import { inspectUpdate } from './inspect-update.ts';
import { updateFootprint } from './update-footprint.ts';
import { checkWritePolicy, type WritePolicy } from './write-policy.ts';

const DOOR_POLICY: WritePolicy = { kind: 'door' };
const EDITOR_POLICY: WritePolicy = {
  kind: 'roots',
  roots: ['checklists', 'sections', 'items', 'guests', 'checkInLog', 'incidents'],
};
const OBSERVER_POLICY: WritePolicy = { kind: 'none' };
const DOOR_ONLY = 'door staff may only check guests in and add walk-ins';

type Edit = (doc: Y.Doc, board: Board) => void;

/** Policy verdict for the update `edit` makes on a client replica of a fresh board's server doc. */
function verdict(policy: WritePolicy, edit: Edit) {
  return verdictOn(newBoard(), policy, edit);
}

function verdictOn(board: Board, policy: WritePolicy, edit: Edit) {
  const update = updateFrom(board.server, (doc) => edit(doc, board));
  expect(inspectUpdate(board.server, update).kind).toBe('ok');
  return checkWritePolicy(updateFootprint(board.server, update), policy);
}

const checkIn: Edit = (doc, { guestId }) => unwrap(checkInGuest(doc, guestId, DOOR, NOW));
const walkIn: Edit = (doc) => unwrap(addGuest(doc, { name: '临时来宾', walkIn: true }));
const undo: Edit = (doc, { checkedInGuestId }) => unwrap(undoCheckIn(doc, checkedInGuestId, DOOR, NOW));
const tick: Edit = (doc, { itemId }) => unwrap(tickItem(doc, itemId, EDITOR, NOW));
const renameGuest: Edit = (doc, { guestId }) => entity(doc, 'guests', guestId).set('name', '张三丰');
const addVipFlag: Edit = (doc, { guestId }) => entity(doc, 'guests', guestId).set('vip', true);
const deleteGuest: Edit = (doc, { guestId }) => doc.getMap('guests').delete(guestId);
const raise: Edit = (doc) => unwrap(raiseIncident(doc, { title: '入口拥堵', level: 'red' }, EDITOR, NOW));
const renameBoard: Edit = (doc) => doc.getMap('meta').set('name', '改名的活动');
const addNewPair: Edit = (doc) =>
  unwrap(addPair(doc, { name: '二组', onsiteId: EDITOR.id, remoteId: 'u-bob' }));
const deletePair: Edit = (doc, { pairId }) => doc.getMap('pairs').delete(pairId);

describe("checkWritePolicy: 'door' (WP7)", () => {
  it.each<[string, Edit]>([
    ['checking a guest in', checkIn],
    ['adding a walk-in guest', walkIn],
    ['undoing a check-in (it appends to the log)', undo],
  ])('allows %s', (_name, edit) => {
    expect(verdict(DOOR_POLICY, edit)).toEqual({ ok: true });
  });

  it.each<[string, Edit, (board: Board) => string]>([
    ['renaming an existing guest', renameGuest, (b) => `this update changes existing guest '${b.guestId}'`],
    [
      'adding a field to an existing guest',
      addVipFlag,
      (b) => `this update changes existing guest '${b.guestId}'`,
    ],
    ['deleting a guest', deleteGuest, (b) => `this update changes existing guest '${b.guestId}'`],
    ['ticking an item', tick, () => "this update changes 'items'"],
    ['raising an incident', raise, () => "this update changes 'incidents'"],
  ])('refuses %s', (_name, edit, why) => {
    const board = newBoard();
    expect(verdictOn(board, DOOR_POLICY, edit)).toEqual({ ok: false, reason: `${DOOR_ONLY}; ${why(board)}` });
  });

  it('refuses an update mixing a check-in and an item tick as a whole', () => {
    const mixed: Edit = (doc, board) =>
      doc.transact(() => {
        checkIn(doc, board);
        tick(doc, board);
      });
    expect(verdict(DOOR_POLICY, mixed)).toEqual({
      ok: false,
      reason: `${DOOR_ONLY}; this update changes 'items'`,
    });
  });

  it('refuses a change inside an entry the check-in log already has', () => {
    const board = newBoard();
    Y.applyUpdate(
      board.server,
      updateFrom(board.server, (doc) => doc.getArray('checkInLog').push([new Y.Map()]), 9),
    );
    const edit: Edit = (doc) =>
      (doc.getArray('checkInLog').get(1) as Y.Map<unknown>).set('guestId', 'forged');
    const element = board.server.getArray('checkInLog').get(1) as Y.Map<unknown>;
    const id = element._item?.id;
    expect(verdictOn(board, DOOR_POLICY, edit)).toEqual({
      ok: false,
      reason: `${DOOR_ONLY}; this update changes existing entry '${id?.client}:${id?.clock}' of 'checkInLog'`,
    });
  });

  it('refuses map keys on the check-in log', () => {
    const keyed = craftUpdate({
      clients: [
        {
          client: 60,
          clock: 0,
          structs: [{ parent: { key: 'checkInLog' }, parentSub: 'x', content: { any: [1] } }],
        },
      ],
    });
    const board = newBoard();
    expect(checkWritePolicy(updateFootprint(board.server, keyed), DOOR_POLICY)).toEqual({
      ok: false,
      reason: `${DOOR_ONLY}; this update sets keys on 'checkInLog', which only takes appends`,
    });
  });

  it('refuses any delete, even alongside allowed changes', () => {
    const checkInLog = { existingKeys: new Set<string>(), newKeys: new Set<string>(), arrayInserts: 1 };
    expect(
      checkWritePolicy({ roots: new Map([['checkInLog', checkInLog]]), deletes: true }, DOOR_POLICY),
    ).toEqual({
      ok: false,
      reason: `${DOOR_ONLY}; this update deletes or overwrites existing data`,
    });
  });

  it('refuses list inserts into guests', () => {
    const listInsert = craftUpdate({
      clients: [{ client: 61, clock: 0, structs: [{ parent: { key: 'guests' }, content: { any: ['x'] } }] }],
    });
    const board = newBoard();
    expect(checkWritePolicy(updateFootprint(board.server, listInsert), DOOR_POLICY)).toEqual({
      ok: false,
      reason: `${DOOR_ONLY}; this update inserts list elements into 'guests'`,
    });
  });

  it('refuses an edit it cannot attribute (inside a guest deleted meanwhile) (WP5)', () => {
    const board = newBoard();
    const late = updateFrom(board.server, (doc) => entity(doc, 'guests', board.guestId).set('vip', true), 8);
    Y.applyUpdate(
      board.server,
      updateFrom(board.server, (doc) => doc.getMap('guests').delete(board.guestId), 9),
    );
    expect(checkWritePolicy(updateFootprint(board.server, late), DOOR_POLICY)).toEqual({
      ok: false,
      reason: `${DOOR_ONLY}; this update changes a part of the board whose root cannot be determined`,
    });
  });
});

describe("checkWritePolicy: 'roots' (WP7)", () => {
  const list = "'checklists', 'sections', 'items', 'guests', 'checkInLog', 'incidents'";

  it.each<[string, Edit]>([
    ['ticking an item', tick],
    ['checking a guest in', checkIn],
    ['renaming a guest', renameGuest],
    ['deleting a guest', deleteGuest],
    ['raising an incident', raise],
  ])('allows an editor %s', (_name, edit) => {
    expect(verdict(EDITOR_POLICY, edit)).toEqual({ ok: true });
  });

  it.each<[string, Edit, string]>([
    ['renaming the board', renameBoard, 'meta'],
    ['adding a pair', addNewPair, 'pairs'],
    ['deleting a pair (deletes count for their root)', deletePair, 'pairs'],
  ])('refuses an editor %s', (_name, edit, root) => {
    expect(verdict(EDITOR_POLICY, edit)).toEqual({
      ok: false,
      reason: `this role may change only ${list}; this update changes '${root}'`,
    });
  });

  it('refuses an update it cannot attribute even when the policy lists the unknown root (WP5)', () => {
    const board = newBoard();
    const gc = craftUpdate({ clients: [{ client: 50, clock: 0, structs: [{ gc: 2 }] }] });
    const verdictFor = checkWritePolicy(updateFootprint(board.server, gc), {
      kind: 'roots',
      roots: ['guests', ''],
    });
    expect(verdictFor).toEqual({
      ok: false,
      reason:
        "this role may change only 'guests'; this update changes a part of the board whose root cannot be determined",
    });
  });

  it('lets a contacts-doc policy write guestContacts', () => {
    const contacts = new Y.Doc();
    const update = updateFrom(contacts, (doc) =>
      doc.getMap('guestContacts').set('g1', new Y.Map([['phone', '138']])),
    );
    const footprint = updateFootprint(contacts, update);
    expect(checkWritePolicy(footprint, { kind: 'roots', roots: ['guestContacts'] })).toEqual({ ok: true });
    expect(checkWritePolicy(footprint, DOOR_POLICY).ok).toBe(false);
  });
});

describe("checkWritePolicy: 'none' and 'all' (WP7)", () => {
  it.each<[string, Edit]>([
    ['checking a guest in', checkIn],
    ['adding a walk-in guest', walkIn],
    ['renaming the board', renameBoard],
    ['deleting a guest', deleteGuest],
  ])("'none' refuses %s", (_name, edit) => {
    const result = verdict(OBSERVER_POLICY, edit);
    expect(result.ok ? 'allowed' : result.reason).toMatch(
      /^this role may not change the board; this update changes '/,
    );
  });

  it("'none' allows an update that touches nothing (a resent update)", () => {
    const board = newBoard();
    const update = updateFrom(board.server, (doc) => tick(doc, board));
    Y.applyUpdate(board.server, update);
    expect(checkWritePolicy(updateFootprint(board.server, update), OBSERVER_POLICY)).toEqual({ ok: true });
  });

  it("'none' refuses a footprint that only deletes", () => {
    expect(checkWritePolicy({ roots: new Map(), deletes: true }, OBSERVER_POLICY)).toEqual({
      ok: false,
      reason: 'this role may not change the board; this update deletes',
    });
  });

  it.each<[string, Edit]>([
    ['renaming the board', renameBoard],
    ['deleting a pair', deletePair],
    ['ticking an item', tick],
  ])("'all' allows %s", (_name, edit) => {
    expect(verdict({ kind: 'all' }, edit)).toEqual({ ok: true });
  });
});
