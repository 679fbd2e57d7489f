import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readBoard, readGuestContacts } from '@pairboard/sync-core';
import { DEMO_CHECKED_IN_COUNT, DEMO_GUEST_COUNT, buildDemoBoard } from './demo-board.ts';

const NOW = new Date('2026-05-20T03:17:00.000Z'); // 11:17 in Shanghai

function demo(now = NOW) {
  const doc = new Y.Doc();
  const contactsDoc = new Y.Doc();
  buildDemoBoard(doc, contactsDoc, now);
  return { doc, contactsDoc, board: readBoard(doc), contacts: readGuestContacts(contactsDoc) };
}

/** The board without ids (random per build), to compare two builds. */
function withoutIds(board: unknown) {
  return JSON.parse(
    JSON.stringify(board, (key, value: unknown) =>
      key === 'id' || key.endsWith('Id') || key === 'order' ? undefined : value,
    ),
  ) as unknown;
}

describe('buildDemoBoard', () => {
  it('builds a live Shanghai summit with three on-site/remote pairs', () => {
    const { board } = demo();
    expect(board.meta).toMatchObject({
      name: '2026 智慧城市峰会 · 上海',
      timezone: 'Asia/Shanghai',
      language: 'zh-CN',
    });
    expect(Date.parse(board.meta?.startsAt ?? '')).toBeLessThan(NOW.getTime());
    expect(Date.parse(board.meta?.endsAt ?? '')).toBeGreaterThan(NOW.getTime());
    expect(board.people).toHaveLength(6);
    expect(board.pairs).toHaveLength(3);
    for (const pair of board.pairs) {
      expect(board.people.find((p) => p.id === pair.onsiteId)?.position).toBe('onsite');
      expect(board.people.find((p) => p.id === pair.remoteId)?.position).toBe('remote');
    }
  });

  it('follows the five-step rollout with done and verified items', () => {
    const { board } = demo();
    expect(board.sections.slice(0, 5).map((s) => s.title)).toEqual([
      '需求诊断与目标',
      '团队组建与培训',
      'SOP与模板落地',
      '现场执行与实时记录',
      '复盘与改进',
    ]);
    expect(board.items).toHaveLength(28);
    const done = board.items.filter((item) => item.status === 'done');
    const verified = done.filter((item) => item.verifiedBy);
    expect(done).toHaveLength(18);
    expect(verified).toHaveLength(13);
    for (const item of verified) expect(item.verifiedBy?.id).not.toBe(item.doneBy?.id);
    for (const item of done) expect(Date.parse(item.doneAt ?? '')).toBeLessThan(NOW.getTime());
  });

  it('has 300 guests with tags and seats, and 40 checked in', () => {
    const { doc, board } = demo();
    expect(board.guests).toHaveLength(DEMO_GUEST_COUNT);
    const count = (tag: string) => board.guests.filter((g) => g.tags.includes(tag as never)).length;
    expect([count('vip'), count('speaker'), count('media'), count('staff')]).toEqual([20, 8, 10, 12]);
    for (const guest of board.guests) {
      expect(guest.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(guest.seat).not.toBe('');
    }
    const checkedIn = board.guests.filter((g) => g.checkIn);
    expect(checkedIn).toHaveLength(DEMO_CHECKED_IN_COUNT);
    expect(board.guests.filter((g) => g.walkIn).every((g) => g.checkIn)).toBe(true);
    for (const guest of checkedIn) expect(Date.parse(guest.checkIn?.at ?? '')).toBeLessThan(NOW.getTime());
    // One mistaken check-in was undone and redone: the log keeps all three entries.
    expect(doc.getArray('checkInLog').length).toBe(DEMO_CHECKED_IN_COUNT + 2);
  });

  it('puts a valid phone and email for every guest, and some notes, in the contacts doc', () => {
    const { board, contacts } = demo();
    expect([...contacts.keys()].sort()).toEqual(board.guests.map((guest) => guest.id).sort());
    for (const contact of contacts.values()) {
      expect(contact.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(contact.email).toMatch(/^[a-z]+\.[a-z]+\d+@[a-z.-]+$/);
    }
    expect([...contacts.values()].filter((contact) => contact.notes !== '')).toHaveLength(13);
  });

  // The split is what keeps personal data off door-staff and client devices (issue 3).
  it('keeps every phone, email and note out of the main doc', () => {
    const { doc, contacts } = demo();
    const mainState = new TextDecoder().decode(Y.encodeStateAsUpdate(doc));
    for (const { phone, email, notes } of contacts.values()) {
      for (const text of [phone, email, notes].filter((value) => value !== '')) {
        expect(mainState.includes(text), text).toBe(false);
      }
    }
    expect(doc.share.has('guestContacts')).toBe(false);
  });

  it('has incidents of every level, including a material request, in each status', () => {
    const { board } = demo();
    expect(board.incidents.map((i) => [i.title, i.level, i.status])).toEqual([
      ['暴雨预警：户外签到区转移至室内', 'red', 'resolved'],
      ['签到处打印机卡纸', 'blue', 'resolved'],
      ['B厅投影故障', 'yellow', 'acknowledged'],
      ['50份宣传册送至B厅', 'blue', 'open'],
    ]);
    const projector = board.incidents[2];
    expect(projector?.timeline.some((entry) => entry.internal)).toBe(true);
    expect(board.incidents[3]?.category).toBe('物料与协助');
  });

  it('is deterministic: two builds differ only in ids', () => {
    const [first, second] = [demo(), demo()];
    expect(withoutIds(first.board)).toEqual(withoutIds(second.board));
    // Contacts in guest list order: the map is keyed by the random guest ids.
    const contactsInOrder = (build: ReturnType<typeof demo>) =>
      withoutIds(build.board.guests.map((guest) => build.contacts.get(guest.id)));
    expect(contactsInOrder(first)).toEqual(contactsInOrder(second));
  });

  it('writes each doc in one transaction', () => {
    const doc = new Y.Doc();
    const contactsDoc = new Y.Doc();
    const updates = { main: 0, contacts: 0 };
    doc.on('update', () => (updates.main += 1));
    contactsDoc.on('update', () => (updates.contacts += 1));
    buildDemoBoard(doc, contactsDoc, NOW);
    expect(updates).toEqual({ main: 1, contacts: 1 });
  });
});
