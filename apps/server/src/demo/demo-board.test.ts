import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readBoard } from '@pairboard/sync-core';
import { DEMO_CHECKED_IN_COUNT, DEMO_GUEST_COUNT, buildDemoBoard } from './demo-board.ts';

const NOW = new Date('2026-05-20T03:17:00.000Z'); // 11:17 in Shanghai

function demo(now = NOW) {
  const doc = new Y.Doc();
  buildDemoBoard(doc, now);
  return { doc, board: readBoard(doc) };
}

/** The board without ids (random per build), to compare two builds. */
function withoutIds(board: ReturnType<typeof readBoard>) {
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

  it('has 300 guests with tags, valid phones and emails, and 40 checked in', () => {
    const { board } = demo();
    expect(board.guests).toHaveLength(DEMO_GUEST_COUNT);
    const count = (tag: string) => board.guests.filter((g) => g.tags.includes(tag as never)).length;
    expect([count('vip'), count('speaker'), count('media'), count('staff')]).toEqual([20, 8, 10, 12]);
    for (const guest of board.guests) {
      expect(guest.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(guest.email).toMatch(/^[a-z]+\.[a-z]+\d+@[a-z.-]+$/);
      expect(guest.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(guest.seat).not.toBe('');
    }
    const checkedIn = board.guests.filter((g) => g.checkIn);
    expect(checkedIn).toHaveLength(DEMO_CHECKED_IN_COUNT);
    expect(board.guests.filter((g) => g.walkIn).every((g) => g.checkIn)).toBe(true);
    for (const guest of checkedIn) expect(Date.parse(guest.checkIn?.at ?? '')).toBeLessThan(NOW.getTime());
    // One mistaken check-in was undone and redone: the log keeps all three entries.
    expect(doc().getArray('checkInLog').length).toBe(DEMO_CHECKED_IN_COUNT + 2);
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
    expect(withoutIds(demo().board)).toEqual(withoutIds(demo().board));
  });

  it('writes the whole board in one transaction', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => (updates += 1));
    buildDemoBoard(doc, NOW);
    expect(updates).toBe(1);
  });
});

function doc(): Y.Doc {
  const built = new Y.Doc();
  buildDemoBoard(built, NOW);
  return built;
}
