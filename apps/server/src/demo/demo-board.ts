import type * as Y from 'yjs';
import {
  acknowledgeIncident,
  addChecklist,
  addGuest,
  addItem,
  addPair,
  addPerson,
  addSection,
  addTimelineEntry,
  checkInGuest,
  initBoard,
  raiseIncident,
  resolveIncident,
  tickItem,
  undoCheckIn,
  verifyItem,
  type OpResult,
} from '@pairboard/sync-core';
import {
  CHECKLIST,
  COMPANIES,
  GIVEN_NAMES,
  INSPECTION,
  MEDIA_TITLES,
  NOTES,
  PAIRS,
  PEOPLE,
  SURNAMES,
  TITLES,
  type DemoPerson,
} from './demo-data.ts';

/*
 * The demo event: a one-day summit in Shanghai that is under way at `now`. Everything is
 * generated from a fixed seed, so every build has the same people, items, 300 guests (40
 * checked in) and 4 incidents; only the ids and the absolute times differ.
 */

export const DEMO_GUEST_COUNT = 300;
export const DEMO_CHECKED_IN_COUNT = 40;

const MINUTE_MS = 60_000;
const DEMO_SEED = 20260520;

/** mulberry32: small, fast and the same on every platform. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function must<T>(result: OpResult<T>): T {
  if (!result.ok) throw new Error(`demo board: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function person(index: number): DemoPerson {
  const found = PEOPLE[index];
  if (!found) throw new Error(`demo board: no person ${index}`);
  return found;
}

/**
 * Fills an empty doc with the demo event "2026 智慧城市峰会 · 上海", under way at `now`, in one
 * transaction (one update to store).
 */
export function buildDemoBoard(doc: Y.Doc, now: Date): void {
  const startsAt = new Date(Math.floor(now.getTime() / (60 * MINUTE_MS)) * 60 * MINUTE_MS - 60 * MINUTE_MS);
  const minutesFromStart = (minutes: number): Date => new Date(startsAt.getTime() + minutes * MINUTE_MS);
  const minutesAgo = (minutes: number): Date => new Date(now.getTime() - minutes * MINUTE_MS);
  const random = seededRandom(DEMO_SEED);
  doc.transact(() => {
    initBoard(doc, {
      name: '2026 智慧城市峰会 · 上海',
      venue: '上海国际会议中心（浦东滨江大道2727号）',
      timezone: 'Asia/Shanghai',
      startsAt: startsAt.toISOString(),
      endsAt: minutesFromStart(9 * 60).toISOString(),
      language: 'zh-CN',
    });
    const pairIds = addPeopleAndPairs(doc);
    addChecklists(doc, pairIds, minutesFromStart, minutesAgo);
    addGuests(doc, random, minutesFromStart, now);
    addIncidents(doc, pairIds, minutesAgo);
  }, 'demo');
}

function addPeopleAndPairs(doc: Y.Doc): string[] {
  for (const entry of PEOPLE)
    must(addPerson(doc, { id: entry.id, name: entry.name, position: entry.position }));
  return PAIRS.map((pair) =>
    must(
      addPair(doc, { name: pair.name, onsiteId: person(pair.onsite).id, remoteId: person(pair.remote).id }),
    ),
  );
}

function addChecklists(
  doc: Y.Doc,
  pairIds: string[],
  minutesFromStart: (minutes: number) => Date,
  minutesAgo: (minutes: number) => Date,
): void {
  const checklistId = must(addChecklist(doc, { title: '活动与接待执行清单' }));
  let doneCount = 0;
  for (const step of CHECKLIST) {
    const sectionId = must(addSection(doc, { checklistId, title: step.step }));
    for (const [title, pairIndex, state] of step.items) {
      const pair = PAIRS[pairIndex];
      if (!pair) throw new Error(`demo board: no pair ${pairIndex}`);
      const owner = { kind: 'pair' as const, id: pairIds[pairIndex] ?? '' };
      const dueAt = minutesFromStart(step.dueMin).toISOString();
      const itemId = must(addItem(doc, { sectionId, title, owner, dueAt }));
      if (state === 'todo') continue;
      // Older steps were done days ago, the live ones this morning.
      const doneAt = step.dueMin < 0 ? minutesFromStart(step.dueMin - 60) : minutesAgo(90 - doneCount * 5);
      doneCount += 1;
      must(tickItem(doc, itemId, person(pair.onsite), doneAt));
      if (state === 'verified') {
        must(verifyItem(doc, itemId, person(pair.remote), new Date(doneAt.getTime() + 20 * MINUTE_MS)));
      }
    }
  }
  const inspectionId = must(addChecklist(doc, { title: '现场巡检清单' }));
  const roundId = must(addSection(doc, { checklistId: inspectionId, title: '每小时巡检' }));
  for (const title of INSPECTION) {
    must(
      addItem(doc, { sectionId: roundId, title, owner: { kind: 'person', id: person(4).id }, dueAt: null }),
    );
  }
}

function pickFrom<T>(list: readonly T[], random: () => number): T {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new Error('demo board: empty list');
  return value;
}

function addGuests(
  doc: Y.Doc,
  random: () => number,
  minutesFromStart: (minutes: number) => Date,
  now: Date,
): void {
  const guestIds: string[] = [];
  const walkInFrom = DEMO_GUEST_COUNT - 5;
  for (let n = 0; n < DEMO_GUEST_COUNT; n += 1) {
    const [surname, surnamePinyin] = pickFrom(SURNAMES, random);
    const [given, givenPinyin] = pickFrom(GIVEN_NAMES, random);
    const tag = n < 20 ? 'vip' : n < 28 ? 'speaker' : n < 38 ? 'media' : n < 50 ? 'staff' : null;
    const [company, domain] =
      tag === 'media' ? pickFrom(COMPANIES.slice(12, 15), random) : pickFrom(COMPANIES, random);
    const phone = `1${pickFrom(['38', '39', '35', '36', '50', '58', '86', '88', '89'], random)}${String(
      Math.floor(random() * 1e8),
    ).padStart(8, '0')}`;
    guestIds.push(
      must(
        addGuest(doc, {
          name: surname + given,
          company: tag === 'staff' ? '智城会务服务有限公司' : company,
          title:
            tag === 'media'
              ? pickFrom(MEDIA_TITLES, random)
              : tag === 'staff'
                ? '会务志愿者'
                : pickFrom(TITLES, random),
          phone,
          email: `${givenPinyin}.${surnamePinyin}${n}@${tag === 'staff' ? 'zhicheng-events.cn' : domain}`,
          tags: tag ? [tag] : [],
          host: tag === 'vip' ? pickFrom(PEOPLE, random).name : '',
          seat: seatFor(tag, n),
          plusOnes: tag === 'vip' && n % 4 === 0 ? 1 : 0,
          notes: n % 23 === 5 ? pickFrom(NOTES, random) : '',
          walkIn: n >= walkInFrom,
        }),
      ),
    );
  }
  checkInSome(doc, guestIds, walkInFrom, random, minutesFromStart, now);
}

function seatFor(tag: string | null, n: number): string {
  if (tag === 'vip') return `A区 主桌${Math.floor(n / 10) + 1}-${(n % 10) + 1}`;
  if (tag === 'speaker') return `A区 1排${n - 19}座`;
  if (tag === 'media') return `媒体区 M${n - 27}`;
  if (tag === 'staff') return '工作区';
  const zone = n < 180 ? 'B区' : 'C区';
  return `${zone} ${Math.floor(n / 20) + 1}排${(n % 20) + 1}座`;
}

/** Checks in the 5 walk-ins and 35 others, with one mistaken check-in undone and redone. */
function checkInSome(
  doc: Y.Doc,
  guestIds: string[],
  walkInFrom: number,
  random: () => number,
  minutesFromStart: (minutes: number) => Date,
  now: Date,
): void {
  const order = guestIds.slice(0, walkInFrom);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] ?? '', order[i] ?? ''];
  }
  const chosen = [...order.slice(0, DEMO_CHECKED_IN_COUNT - 5), ...guestIds.slice(walkInFrom)];
  const opensAt = minutesFromStart(-45).getTime();
  const span = Math.max(now.getTime() - MINUTE_MS - opensAt, MINUTE_MS);
  const times = chosen
    .map(() => new Date(opensAt + Math.floor(random() * span)))
    .sort((a, b) => a.getTime() - b.getTime());
  chosen.forEach((guestId, index) => {
    const doorStaff = person(index % 3 === 0 ? 2 : 0);
    must(checkInGuest(doc, guestId, doorStaff, times[index] ?? now));
  });
  const mistaken = chosen[0];
  if (mistaken) {
    const firstAt = times[0] ?? now;
    must(undoCheckIn(doc, mistaken, person(1), new Date(firstAt.getTime() + 2 * MINUTE_MS)));
    must(checkInGuest(doc, mistaken, person(0), new Date(firstAt.getTime() + 6 * MINUTE_MS)));
  }
}

function addIncidents(doc: Y.Doc, pairIds: string[], minutesAgo: (minutes: number) => Date): void {
  const [wangfang, liqiang, chenjing, liuyang, zhanglei] = [
    person(0),
    person(1),
    person(2),
    person(3),
    person(4),
  ];
  const pair = (index: number) => ({ kind: 'pair' as const, id: pairIds[index] ?? '' });

  const rain = must(
    raiseIncident(
      doc,
      {
        title: '暴雨预警：户外签到区转移至室内',
        level: 'red',
        category: '天气与安全',
        zone: '主入口',
        owner: pair(0),
        note: '气象台发布暴雨黄色预警，户外签到帐篷有进水风险',
      },
      zhanglei,
      minutesAgo(110),
    ),
  );
  must(acknowledgeIncident(doc, rain, liqiang, minutesAgo(107)));
  must(addTimelineEntry(doc, rain, { text: '已通知客户，签到台移至一楼大堂东侧' }, liqiang, minutesAgo(100)));
  must(resolveIncident(doc, rain, wangfang, minutesAgo(88), '室内签到区启用，引导牌已更换'));

  const printer = must(
    raiseIncident(
      doc,
      {
        title: '签到处打印机卡纸',
        level: 'blue',
        category: '设备',
        zone: '签到处',
        owner: pair(0),
        note: '2号打印机卡纸，胸牌打印暂停',
      },
      wangfang,
      minutesAgo(52),
    ),
  );
  must(acknowledgeIncident(doc, printer, liqiang, minutesAgo(50)));
  must(addTimelineEntry(doc, printer, { text: '远程已将打印任务切换到1号打印机' }, liqiang, minutesAgo(48)));
  must(resolveIncident(doc, printer, wangfang, minutesAgo(35), '已清理卡纸，两台打印机恢复'));

  const projector = must(
    raiseIncident(
      doc,
      {
        title: 'B厅投影故障',
        level: 'yellow',
        category: '设备',
        zone: 'B厅',
        owner: pair(1),
        note: '分论坛开场前投影无信号',
      },
      chenjing,
      minutesAgo(20),
    ),
  );
  must(acknowledgeIncident(doc, projector, liuyang, minutesAgo(17)));
  must(
    addTimelineEntry(
      doc,
      projector,
      { text: '场馆工程部：备用投影仪15分钟内送到', internal: true },
      liuyang,
      minutesAgo(12),
    ),
  );

  must(
    raiseIncident(
      doc,
      {
        title: '50份宣传册送至B厅',
        level: 'blue',
        category: '物料与协助',
        zone: 'B厅',
        owner: pair(2),
        note: 'B厅分论坛宣传册不足，需从物料间补50份',
      },
      zhanglei,
      minutesAgo(6),
    ),
  );
}
