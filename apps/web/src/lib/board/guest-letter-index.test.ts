import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import type { Guest } from '@pairboard/board-schema';
import { createSeededRandom } from '@pairboard/sync-core';
import { createPinyinReader } from './guest-pinyin.ts';
import { LetterPass, letterRanks, type LetterRanks } from './guest-letter-index.ts';
import { GuestSearchIndex } from './guest-search-index.ts';
import { buildGuestSearchKeys } from './guest-search-keys.ts';
import { parseGuestQuery, rankWord, searchGuests } from './guest-search.ts';
import { makeGuest } from './guest-test-data.ts';

const reader = createPinyinReader(pinyin);

/**
 * The comparisons with the full search run every character of a generated list: well under a
 * second alone, several times that while CI runs the other suites on the same two cores.
 */
const PROPERTY_TEST_MS = 30_000;

// Surnames with a surname reading (曾 zeng, 单 shan, 解 xie, 吕 lv/lu), compound ones, Latin
// names, full-width letters, digits, punctuation and rare characters.
const SURNAMES = ['张', '王', '李', '曾', '单', '解', '吕', '欧阳', '尉迟', '周', '赵', '钱'];
const GIVEN = ['伟', '芳', '三', '思远', '小贤', '一鸣', '子涵', '婷', '𠀋', '国'];
const LATIN = ['Alice Zhang', 'Bob', 'ＡＢＣ Lee', 'Zoë', 'o’Neil', 'Li Wei 2', 'X'];
const COMPANIES = [
  '',
  'ACME Robotics',
  '上海智慧城市研究院',
  '长三角物联网产业联盟',
  'Pudong Media',
  '第一财经',
  'Z',
];

function generateGuests(seed: number, count: number): Guest[] {
  const random = createSeededRandom(seed); // the same guests on every run: a failing seed replays
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const roll = random();
    const name =
      roll < 0.15
        ? pick(LATIN)
        : roll < 0.2
          ? pick(SURNAMES)
          : pick(SURNAMES) + pick(GIVEN) + (random() < 0.5 ? pick(GIVEN) : '');
    return makeGuest(`g${i}`, name, pick(COMPANIES));
  });
}

/** Everything a one-keystroke search could be: each character of the data, and a few absent ones. */
function singleCharacters(guests: readonly Guest[]): string[] {
  const chars = new Set<string>('abcdefghijklmnopqrstuvwxyz0123456789龘'.split(''));
  for (const guest of guests) {
    const keys = buildGuestSearchKeys(guest, reader);
    for (const char of keys.text) chars.add(char);
    for (const unit of [...keys.name.units, ...keys.company.units])
      for (const reading of unit.readings) for (const char of reading) chars.add(char);
  }
  return [...chars];
}

/** The search before the index: every guest ranked with keys built on the spot. */
const scan = (guests: readonly Guest[], query: string) =>
  searchGuests(guests, (guest) => buildGuestSearchKeys(guest, reader), query);

function warmIndex(guests: readonly Guest[]) {
  const tasks: Array<() => void> = [];
  const index = new GuestSearchIndex<Guest>({
    onKeysChanged: () => undefined,
    schedule: (task) => tasks.push(task),
    sliceMs: 1,
  });
  index.setReader(reader);
  index.warm(guests);
  const runAll = () => {
    while (tasks.length > 0) tasks.shift()?.();
  };
  runAll();
  return { index, tasks, runAll };
}

const ids = (guests: readonly Guest[]) => guests.map((guest) => guest.id);

describe('letterRanks', () => {
  it(
    'gives every single character the rank rankWord gives it',
    () => {
      const guests = generateGuests(7, 150);
      const chars = singleCharacters(guests);
      for (const guest of guests) {
        const keys = buildGuestSearchKeys(guest, reader);
        const ranks = letterRanks(keys);
        for (const char of chars) {
          if (char.length !== 1) continue;
          expect({ guest: guest.name, char, rank: ranks.get(char) ?? null }).toEqual({
            guest: guest.name,
            char,
            rank: rankWord(keys, char),
          });
        }
      }
    },
    PROPERTY_TEST_MS,
  );
});

describe('the letter index of GuestSearchIndex', () => {
  for (const seed of [1, 2, 3]) {
    it(
      `returns what the full search returns for every one-character query (seed ${seed})`,
      () => {
        const guests = generateGuests(seed, 150);
        const { index } = warmIndex(guests);
        for (const char of singleCharacters(guests)) {
          expect({ char, found: ids(index.search(guests, char)) }).toEqual({
            char,
            found: ids(scan(guests, char)),
          });
        }
      },
      PROPERTY_TEST_MS,
    );
  }

  it(
    'returns what the full search returns while typing on from an indexed letter',
    () => {
      const guests = generateGuests(11, 200);
      const { index } = warmIndex(guests);
      const queries = [
        'zhang',
        'zs',
        'zsy',
        '张伟',
        'ceng',
        'zeng',
        'shan',
        'lv',
        'lu',
        'ouyang',
        'acme',
        'ａｂｃ',
        'a b',
        'z 张',
        'qqqq',
        'x',
        ' ',
        '',
      ];
      for (const query of queries) {
        for (let length = 0; length <= query.length; length += 1) {
          const typed = query.slice(0, length);
          expect({ typed, found: ids(index.search(guests, typed)) }).toEqual({
            typed,
            found: ids(scan(guests, typed)),
          });
        }
      }
    },
    PROPERTY_TEST_MS,
  );

  it('is used only for the list it was built from: a changed board is searched in full until rebuilt', () => {
    const guests = generateGuests(5, 200);
    const { index, tasks, runAll } = warmIndex(guests);
    // A check-in re-reads the board: new objects, and one guest renamed.
    const changed = guests.map((guest, i) => (i === 3 ? { ...guest, name: '曾小贤' } : { ...guest }));
    // The panel searches the new list before its effect calls warm.
    const before = index.search(changed, 'z');
    expect(ids(before)).toEqual(ids(scan(changed, 'z')));
    expect(before.every((guest) => changed.includes(guest))).toBe(true);
    index.warm(changed);
    expect(tasks.length).toBeGreaterThan(0);
    // Until its keys are warm a renamed guest is found by 汉字 and Latin letters (not yet pinyin).
    const meanwhile = index.search(changed, '曾');
    expect(ids(meanwhile)).toEqual(ids(scan(changed, '曾')));
    expect(meanwhile.every((guest) => changed.includes(guest))).toBe(true);
    runAll();
    const found = index.search(changed, 'z');
    expect(ids(found)).toEqual(ids(scan(changed, 'z')));
    expect(found.every((guest) => changed.includes(guest))).toBe(true);
  });

  it('only uses one-character words: parseGuestQuery keeps the rest for the full search', () => {
    expect(parseGuestQuery(' z ').words).toEqual(['z']);
    const guests = generateGuests(9, 100);
    const { index } = warmIndex(guests);
    for (const query of [' z ', 'z.', 'Z', 'ｚ', 'z z']) {
      expect(ids(index.search(guests, query))).toEqual(ids(scan(guests, query)));
    }
  });
});

describe('LetterPass', () => {
  const guests = generateGuests(21, 60);
  const keysOf = new Map(guests.map((guest) => [guest, buildGuestSearchKeys(guest, reader)]));
  /** Counts the guests whose letters the pass had to read. */
  function counted() {
    let reads = 0;
    const lettersOf = (guest: Guest): LetterRanks => {
      reads += 1;
      const keys = keysOf.get(guest) ?? buildGuestSearchKeys(guest, reader);
      return letterRanks(keys);
    };
    return { lettersOf, reads: () => reads };
  }
  function run(
    list: readonly Guest[],
    previous: ReturnType<LetterPass<Guest>['finish']> | null,
    lettersOf: (guest: Guest) => LetterRanks,
  ) {
    const pass = new LetterPass<Guest>(previous, lettersOf);
    for (const guest of list) pass.add(guest);
    return pass.finish();
  }
  /** What a fresh index of `list` finds for every character, for comparison. */
  function findsAll(result: ReturnType<LetterPass<Guest>['finish']>, list: readonly Guest[]) {
    const index = result.builder.build(list);
    return singleCharacters(list).map((char) => ids(index.find(char).ranked));
  }
  const fresh = (list: readonly Guest[]) => findsAll(run(list, null, counted().lettersOf), list);

  it('reuses the previous postings when every position holds the same guest', () => {
    const first = run(guests, null, counted().lettersOf);
    const second = counted();
    const again = run(guests, first, second.lettersOf);
    expect(second.reads()).toBe(0);
    expect(findsAll(again, guests)).toEqual(fresh(guests));
  });

  it('appends guests added at the end, reading only them', () => {
    const first = run(guests.slice(0, 50), null, counted().lettersOf);
    const second = counted();
    const grown = run(guests, first, second.lettersOf);
    expect(second.reads()).toBe(10);
    expect(findsAll(grown, guests)).toEqual(fresh(guests));
  });

  it('builds afresh after a change inside the list or a removal at its end', () => {
    const first = run(guests, null, counted().lettersOf);
    const renamed = guests.map((guest, i) =>
      i === 30 ? makeGuest(guest.id, '曾小贤', guest.company) : guest,
    );
    const second = counted();
    expect(findsAll(run(renamed, first, second.lettersOf), renamed)).toEqual(fresh(renamed));
    expect(second.reads()).toBe(60);
    const shorter = guests.slice(0, 40);
    expect(findsAll(run(shorter, first, counted().lettersOf), shorter)).toEqual(fresh(shorter));
  });

  it('does not append to postings an abandoned pass already appended to', () => {
    const first = run(guests.slice(0, 50), null, counted().lettersOf);
    const abandoned = new LetterPass<Guest>(first, counted().lettersOf);
    for (const guest of guests.slice(0, 55)) abandoned.add(guest);
    const list = [...guests.slice(0, 50), ...guests.slice(52)];
    expect(findsAll(run(list, first, counted().lettersOf), list)).toEqual(fresh(list));
  });
});

describe('GuestSearchIndex after board changes', () => {
  it(
    'finds what the full search finds after a check-in, a walk-in, a rename and a removal',
    () => {
      const guests = generateGuests(31, 120);
      const { index, runAll } = warmIndex(guests);
      const checkedIn = guests.map((guest, i) =>
        i === 5 ? makeGuest(guest.id, guest.name, guest.company, true) : { ...guest },
      );
      const walkIn = [...checkedIn, makeGuest('walk-in', '曾小贤')];
      const renamed = walkIn.map((guest, i) =>
        i === 100 ? makeGuest(guest.id, 'Zoë Lü', guest.company) : guest,
      );
      const removed = renamed.filter((_, i) => i !== 7);
      for (const list of [checkedIn, walkIn, renamed, removed]) {
        index.warm(list);
        runAll();
        for (const char of singleCharacters(list)) {
          expect({ char, found: ids(index.search(list, char)) }).toEqual({
            char,
            found: ids(scan(list, char)),
          });
        }
      }
    },
    PROPERTY_TEST_MS,
  );
});
