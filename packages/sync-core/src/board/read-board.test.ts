import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BOARD_SCHEMA_VERSION } from '@pairboard/board-schema';
import { initBoard } from './meta.ts';
import { observeBoard, readBoard } from './read-board.ts';
import { addChecklist } from './checklists.ts';
import { addGuest } from './guests.ts';
import { BoardInitError } from './result.ts';
import { ALICE, at, newBoard, replicaOf, sendUpdates, unwrap } from './test-support.ts';
import { raiseIncident } from './incidents.ts';

const META = {
  name: '2026 智慧城市峰会 · 上海',
  venue: '上海国际会议中心',
  timezone: 'Asia/Shanghai',
  startsAt: '2026-05-20T01:00:00.000Z',
  endsAt: '2026-05-20T10:00:00.000Z',
  language: 'zh-CN' as const,
};

describe('initBoard', () => {
  it('writes the meta and stamps the current schema version', () => {
    const doc = new Y.Doc();
    initBoard(doc, META);
    expect(readBoard(doc).meta).toEqual({ ...META, schemaVersion: BOARD_SCHEMA_VERSION });
  });

  it('reads an uninitialised doc as an empty board with no meta', () => {
    expect(readBoard(new Y.Doc())).toEqual({
      meta: null,
      people: [],
      pairs: [],
      checklists: [],
      sections: [],
      items: [],
      guests: [],
      incidents: [],
    });
  });

  it('refuses invalid meta, an end before the start, and a second init, changing nothing', () => {
    const doc = new Y.Doc();
    expect(() => initBoard(doc, { ...META, language: 'fr' as 'en' })).toThrow(/language/);
    expect(() => initBoard(doc, { ...META, endsAt: '2026-05-19T10:00:00.000Z' })).toThrow(BoardInitError);
    expect(readBoard(doc).meta).toBeNull();
    initBoard(doc, META);
    expect(() => initBoard(doc, { ...META, name: '别的活动' })).toThrow(/already a board/);
    expect(readBoard(doc).meta?.name).toBe(META.name);
  });

  it('passes the origin to the transaction', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    observeBoard(doc, (origin) => origins.push(origin));
    initBoard(doc, META, 'server-setup');
    expect(origins).toEqual(['server-setup']);
  });
});

describe('observeBoard', () => {
  it('reports each local operation once with its origin', () => {
    const { doc } = newBoard();
    const origins: unknown[] = [];
    observeBoard(doc, (origin) => origins.push(origin));
    unwrap(addChecklist(doc, { title: '现场执行' }, 'ui'));
    unwrap(raiseIncident(doc, { title: '打印机卡纸', level: 'blue' }, ALICE, at(1)));
    expect(origins).toEqual(['ui', null]);
  });

  it('reports remote updates and stops after unsubscribe', () => {
    const { doc } = newBoard();
    const remote = replicaOf(doc);
    let calls = 0;
    const stop = observeBoard(doc, () => (calls += 1));
    unwrap(addGuest(remote, { name: '张伟' }));
    sendUpdates(remote, doc);
    expect(calls).toBe(1);
    stop();
    unwrap(addGuest(remote, { name: '李娜' }));
    sendUpdates(remote, doc);
    expect(calls).toBe(1);
    expect(readBoard(doc).guests.map((guest) => guest.name)).toEqual(['张伟', '李娜']);
  });
});

describe('readBoard', () => {
  it('ignores values a foreign client wrote with the wrong shape', () => {
    const { doc } = newBoard();
    doc.getMap('guests').set('junk', 'not a map');
    doc.getArray('checkInLog').push([{ guestId: 'x', kind: 'teleport' }, 42]);
    const guest = new Y.Map<unknown>();
    doc.getMap('guests').set('g-odd', guest);
    guest.set('name', 7);
    guest.set('tags', ['vip', 'alien']);
    const board = readBoard(doc);
    expect(board.guests).toHaveLength(1);
    expect(board.guests[0]).toMatchObject({
      id: 'g-odd',
      name: '',
      tags: ['vip'],
      plusOnes: 0,
      checkIn: null,
    });
  });
});
