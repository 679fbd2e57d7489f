import * as Y from 'yjs';
import { expect } from 'vitest';
import type { Actor, Board } from '@pairboard/board-schema';
import { initBoard } from './meta.ts';
import { addPair, addPerson } from './people.ts';
import { addChecklist, addItem, addSection } from './checklists.ts';
import { addGuest } from './guests.ts';
import { raiseIncident } from './incidents.ts';
import { readBoard } from './read-board.ts';
import type { OpError, OpResult } from './result.ts';

/* Shared fixtures for this folder's tests. Not exported from the package. */

export const ALICE: Actor = { id: 'u-alice', name: '王芳' };
export const BOB: Actor = { id: 'u-bob', name: '李强' };
export const CAROL: Actor = { id: 'u-carol', name: '陈静' };

export const T0 = new Date('2026-05-20T01:00:00.000Z');

/** `T0` plus whole minutes. */
export function at(minutes: number): Date {
  return new Date(T0.getTime() + minutes * 60_000);
}

/** An initialised board with ALICE (on-site) and BOB (remote) forming one pair. */
export function newBoard(clientId?: number): { doc: Y.Doc; pairId: string } {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  initBoard(doc, {
    name: '测试活动',
    venue: '测试会场',
    timezone: 'Asia/Shanghai',
    startsAt: '2026-05-20T01:00:00.000Z',
    endsAt: '2026-05-20T10:00:00.000Z',
    language: 'zh-CN',
  });
  unwrap(addPerson(doc, { id: ALICE.id, name: ALICE.name, position: 'onsite' }));
  unwrap(addPerson(doc, { id: BOB.id, name: BOB.name, position: 'remote' }));
  const pairId = unwrap(addPair(doc, { name: '一组', onsiteId: ALICE.id, remoteId: BOB.id }));
  return { doc, pairId };
}

/** A second replica holding everything `doc` has. */
export function replicaOf(doc: Y.Doc, clientId?: number): Y.Doc {
  const copy = new Y.Doc();
  if (clientId !== undefined) copy.clientID = clientId;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Sends `from`'s missing updates to `to` (one direction). */
export function sendUpdates(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** Exchanges updates both ways. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  sendUpdates(a, b);
  sendUpdates(b, a);
}

/** A board with one item, in one section of one checklist. */
export function boardWithItem(): { doc: Y.Doc; itemId: string } {
  const { doc } = newBoard();
  const checklistId = unwrap(addChecklist(doc, { title: '现场执行' }));
  const sectionId = unwrap(addSection(doc, { checklistId, title: '签到' }));
  return { doc, itemId: unwrap(addItem(doc, { sectionId, title: '打印胸牌' })) };
}

/** A board with one VIP guest. */
export function boardWithGuest(): { doc: Y.Doc; guestId: string } {
  const { doc } = newBoard();
  return { doc, guestId: unwrap(addGuest(doc, { name: '周杰', tags: ['vip'] })) };
}

/** A board with one yellow incident owned by the pair, raised by ALICE at `at(0)` with a note. */
export function boardWithIncident(): { doc: Y.Doc; incidentId: string; pairId: string } {
  const { doc, pairId } = newBoard();
  const incidentId = unwrap(
    raiseIncident(
      doc,
      {
        title: 'B厅投影故障',
        level: 'yellow',
        category: '设备',
        zone: 'B厅',
        owner: { kind: 'pair', id: pairId },
        note: '投影无信号',
      },
      ALICE,
      at(0),
    ),
  );
  return { doc, incidentId, pairId };
}

type ListName = 'items' | 'guests' | 'incidents';

/** One entity as `readBoard` shows it; throws when it is not on the board. */
export function readOne<L extends ListName>(doc: Y.Doc, list: L, id: string): Board[L][number] {
  const found = (readBoard(doc)[list] as Array<Board[L][number]>).find((entry) => entry.id === id);
  if (!found) throw new Error(`${list} ${id} missing`);
  return found;
}

/** Asserts that an operation failed with `code`, and returns the error for further checks. */
export function expectFailure(result: OpResult<unknown>, code: OpError['code']): OpError {
  expect(result).toMatchObject({ ok: false, error: { code } });
  if (result.ok) throw new Error(`expected ${code}, got ok`);
  return result.error;
}

export function unwrap<T>(result: OpResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The doc's full state, to assert that a failed operation wrote nothing. */
export function snapshot(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}
