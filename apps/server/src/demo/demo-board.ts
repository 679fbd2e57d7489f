import type * as Y from 'yjs';
import type { GuestContact } from '@pairboard/board-schema';
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
  createSeededRandom,
  initBoard,
  pickRandom,
  raiseIncident,
  resolveIncident,
  setGuestContact,
  tickItem,
  undoCheckIn,
  verifyItem,
  type OpResult,
} from '@pairboard/sync-core';
import {
  CHECKLIST,
  COMPANIES,
  GIVEN_NAMES,
  INCIDENTS,
  INSPECTION,
  MEDIA_TITLES,
  NOTES,
  PAIRS,
  PEOPLE,
  SURNAMES,
  TITLES,
  type DemoIncidentStep,
  type DemoPerson,
} from './demo-data.ts';

/*
 * The demo event: a one-day summit in Shanghai that is under way at `now`. Everything is
 * generated from a fixed seed, so every build has the same people, items, 300 guests (40
 * checked in) and 4 incidents; only the ids and the absolute times differ. Guests' phones,
 * emails and notes go to the board's contacts document, never to the main one.
 */

export const DEMO_GUEST_COUNT = 300;
export const DEMO_CHECKED_IN_COUNT = 40;

const MINUTE_MS = 60_000;
const DEMO_SEED = 20260520;

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
 * Fills an empty main doc and an empty contacts doc with the demo event "2026 智慧城市峰会 ·
 * 上海", under way at `now`: one transaction per doc (one update each to store).
 */
export function buildDemoBoard(doc: Y.Doc, contactsDoc: Y.Doc, now: Date): void {
  const startsAt = new Date(Math.floor(now.getTime() / (60 * MINUTE_MS)) * 60 * MINUTE_MS - 60 * MINUTE_MS);
  const minutesFromStart = (minutes: number): Date => new Date(startsAt.getTime() + minutes * MINUTE_MS);
  const minutesAgo = (minutes: number): Date => new Date(now.getTime() - minutes * MINUTE_MS);
  const random = createSeededRandom(DEMO_SEED);
  let contacts: GuestContact[] = [];
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
    contacts = addGuests(doc, random, minutesFromStart, now);
    addIncidents(doc, pairIds, minutesAgo);
  }, 'demo');
  contactsDoc.transact(() => {
    for (const { guestId, ...fields } of contacts) must(setGuestContact(contactsDoc, guestId, fields));
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

/** Adds the guests to `doc` and returns their contact data, for the contacts doc. */
function addGuests(
  doc: Y.Doc,
  random: () => number,
  minutesFromStart: (minutes: number) => Date,
  now: Date,
): GuestContact[] {
  const contacts: GuestContact[] = [];
  const walkInFrom = DEMO_GUEST_COUNT - 5;
  for (let n = 0; n < DEMO_GUEST_COUNT; n += 1) {
    const [surname, surnamePinyin] = pickRandom(random, SURNAMES);
    const [given, givenPinyin] = pickRandom(random, GIVEN_NAMES);
    const tag = n < 20 ? 'vip' : n < 28 ? 'speaker' : n < 38 ? 'media' : n < 50 ? 'staff' : null;
    const [company, domain] = pickRandom(random, tag === 'media' ? COMPANIES.slice(12, 15) : COMPANIES);
    const phone = `1${pickRandom(random, ['38', '39', '35', '36', '50', '58', '86', '88', '89'])}${String(
      Math.floor(random() * 1e8),
    ).padStart(8, '0')}`;
    const guestId = must(
      addGuest(doc, {
        name: surname + given,
        company: tag === 'staff' ? '智城会务服务有限公司' : company,
        title:
          tag === 'media'
            ? pickRandom(random, MEDIA_TITLES)
            : tag === 'staff'
              ? '会务志愿者'
              : pickRandom(random, TITLES),
        tags: tag ? [tag] : [],
        host: tag === 'vip' ? pickRandom(random, PEOPLE).name : '',
        seat: seatFor(tag, n),
        plusOnes: tag === 'vip' && n % 4 === 0 ? 1 : 0,
        walkIn: n >= walkInFrom,
      }),
    );
    contacts.push({
      guestId,
      phone,
      email: `${givenPinyin}.${surnamePinyin}${n}@${tag === 'staff' ? 'zhicheng-events.cn' : domain}`,
      notes: n % 23 === 5 ? pickRandom(random, NOTES) : '',
    });
  }
  const guestIds = contacts.map((contact) => contact.guestId);
  checkInSome(doc, guestIds, walkInFrom, random, minutesFromStart, now);
  return contacts;
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
  for (const { pair, reporter, minutesAgo: raisedAgo, steps, ...fields } of INCIDENTS) {
    const owner = { kind: 'pair' as const, id: pairIds[pair] ?? '' };
    const incidentId = must(
      raiseIncident(doc, { ...fields, owner }, person(reporter), minutesAgo(raisedAgo)),
    );
    for (const step of steps) takeStep(doc, incidentId, step, minutesAgo(step.minutesAgo));
  }
}

function takeStep(doc: Y.Doc, incidentId: string, step: DemoIncidentStep, at: Date): void {
  const by = person(step.by);
  if (step.kind === 'acknowledge') must(acknowledgeIncident(doc, incidentId, by, at));
  if (step.kind === 'resolve') must(resolveIncident(doc, incidentId, by, at, step.text));
  if (step.kind === 'note') {
    must(
      addTimelineEntry(doc, incidentId, { text: step.text ?? '', internal: step.internal ?? false }, by, at),
    );
  }
}
