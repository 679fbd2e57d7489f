// Test-only helpers for the write-policy tests (not exported): a real board and real updates.
import * as Y from 'yjs';
import type { Actor } from '@pairboard/board-schema';
import {
  addChecklist,
  addGuest,
  addItem,
  addPair,
  addPerson,
  addSection,
  checkInGuest,
  initBoard,
  raiseIncident,
} from '../index.ts';
import type { OpResult } from '../board/result.ts';
import { captureUpdate, newDoc, syncDocs } from './update-fixtures.ts';

export const DOOR: Actor = { id: 'u-door', name: '门口小张' };
export const EDITOR: Actor = { id: 'u-alice', name: '王芳' };
export const NOW = new Date('2026-05-20T02:00:00.000Z');

export interface Board {
  /** The server's doc. */
  server: Y.Doc;
  guestId: string;
  checkedInGuestId: string;
  itemId: string;
  pairId: string;
  incidentId: string;
}

export function unwrap<T>(result: OpResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A server doc holding a small board: people, a pair, a checklist item, two guests (one checked in), an incident. */
export function newBoard(): Board {
  const author = newDoc(100);
  initBoard(author, {
    name: '发布会',
    venue: '国际会议中心',
    timezone: 'Asia/Shanghai',
    startsAt: '2026-05-20T01:00:00.000Z',
    endsAt: '2026-05-20T10:00:00.000Z',
    language: 'zh-CN',
  });
  unwrap(addPerson(author, { id: EDITOR.id, name: EDITOR.name, position: 'onsite' }));
  unwrap(addPerson(author, { id: 'u-bob', name: '李强', position: 'remote' }));
  const pairId = unwrap(addPair(author, { name: '一组', onsiteId: EDITOR.id, remoteId: 'u-bob' }));
  const checklistId = unwrap(addChecklist(author, { title: '开场前' }));
  const sectionId = unwrap(addSection(author, { checklistId, title: '签到台' }));
  const itemId = unwrap(addItem(author, { sectionId, title: '摆放签到表' }));
  const guestId = unwrap(addGuest(author, { name: '张三' }));
  const checkedInGuestId = unwrap(addGuest(author, { name: '李四' }));
  unwrap(checkInGuest(author, checkedInGuestId, EDITOR, NOW));
  const incidentId = unwrap(raiseIncident(author, { title: 'B厅投影故障', level: 'yellow' }, EDITOR, NOW));
  const server = newDoc(1);
  syncDocs(author, server);
  return { server, guestId, checkedInGuestId, itemId, pairId, incidentId };
}

/** A client replica of the server's doc with its own client id. */
export function clientOf(server: Y.Doc, clientID: number): Y.Doc {
  const client = newDoc(clientID);
  syncDocs(server, client);
  return client;
}

/** The update one transaction of `change` on a fresh replica of `server` produces (what y-websocket sends). */
export function updateFrom(server: Y.Doc, change: (doc: Y.Doc) => void, clientID = 7): Uint8Array {
  return captureUpdate(clientOf(server, clientID), change);
}

/** The field map of an entity, for edits no board operation makes (renames, deletes). */
export function entity(doc: Y.Doc, root: string, id: string): Y.Map<unknown> {
  const value = doc.getMap(root).get(id);
  if (!(value instanceof Y.Map)) throw new Error(`${root} has no entity ${id}`);
  return value as Y.Map<unknown>;
}
