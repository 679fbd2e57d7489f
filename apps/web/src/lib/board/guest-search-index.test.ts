import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import type { Guest } from '@pairboard/board-schema';
import { createPinyinReader } from './guest-pinyin.ts';
import { GuestSearchIndex } from './guest-search-index.ts';
import { makeGuest } from './guest-test-data.ts';

const reader = createPinyinReader(pinyin);
const names = (guests: Guest[]) => guests.map((guest) => guest.name);

/** A hand-run scheduler: tasks wait until the test runs them, so slicing is observable. */
function manualScheduler() {
  const tasks: Array<() => void> = [];
  return {
    schedule: (task: () => void) => tasks.push(task),
    runAll() {
      let slices = 0;
      while (tasks.length > 0) {
        tasks.shift()?.();
        slices += 1;
      }
      return slices;
    },
  };
}

function createIndex(options: { sliceMs?: number; clock?: () => number } = {}) {
  const scheduler = manualScheduler();
  let notices = 0;
  const index = new GuestSearchIndex<Guest>({
    onKeysChanged: () => (notices += 1),
    schedule: scheduler.schedule,
    now: options.clock,
    sliceMs: options.sliceMs,
  });
  return { index, scheduler, notices: () => notices };
}

const EIGHT = ['张三', '李四', '王五', '赵六', '钱七', '孙八', '周九', '吴十'].map((name, i) =>
  makeGuest(String(i), name),
);

describe('GuestSearchIndex', () => {
  it('reuses the keys of guests whose name and company did not change', () => {
    const { index } = createIndex();
    index.setReader(reader);
    const before = index.keysOf(makeGuest('1', '张三', 'ACME'));
    // The board is re-read on every change: a new object, same data (here one check-in).
    expect(index.keysOf(makeGuest('1', '张三', 'ACME', true))).toBe(before);
  });

  it('rebuilds the keys of a renamed guest', () => {
    const { index } = createIndex();
    index.setReader(reader);
    const before = index.keysOf(makeGuest('2', '李四'));
    const renamed = makeGuest('2', '王五');
    expect(index.keysOf(renamed)).not.toBe(before);
    expect(names(index.search([renamed], 'ww'))).toEqual(['王五']);
  });

  it('finds a walk-in by initials at once when nothing is warming', () => {
    const { index } = createIndex();
    index.setReader(reader);
    expect(names(index.search([makeGuest('1', '张三')], 'zs'))).toEqual(['张三']);
  });

  it('builds keys for a big list in slices after the page rendered, then tells once', () => {
    let time = 0;
    // Each clock read advances 1 ms: a 3 ms slice covers about two guests.
    const { index, scheduler, notices } = createIndex({ sliceMs: 3, clock: () => time++ });
    index.setReader(reader);
    index.warm(EIGHT);
    // A search before the keys are built still finds 汉字; pinyin comes with the background.
    expect(names(index.search(EIGHT, '张三'))).toEqual(['张三']);
    expect(index.search(EIGHT, 'zs')).toEqual([]);
    expect(scheduler.runAll()).toBeGreaterThan(1);
    expect(index.warming).toBe(false);
    expect(notices()).toBe(1);
    expect(names(index.search(EIGHT, 'zs'))).toEqual(['张三']);
    expect(names(index.search(EIGHT, 'wushi'))).toEqual(['吴十']);
  });

  it('adds pinyin to guests indexed before the library loaded', () => {
    const { index, scheduler, notices } = createIndex();
    index.warm(EIGHT);
    scheduler.runAll();
    expect(index.search(EIGHT, 'zs')).toEqual([]);
    index.setReader(reader);
    scheduler.runAll();
    expect(notices()).toBe(1);
    expect(names(index.search(EIGHT, 'zs'))).toEqual(['张三']);
  });

  it('narrows the previous matches while typing on, with the same results as a fresh search', () => {
    const { index } = createIndex();
    index.setReader(reader);
    const guests = [makeGuest('a', '张三', 'Bob'), makeGuest('b', '张森林'), makeGuest('c', 'Alice', 'Bob')];
    const fresh = (query: string) => {
      const other = createIndex().index;
      other.setReader(reader);
      return names(other.search(guests, query));
    };
    for (const query of ['z', 'zs', 'zsa', 'zhang s', 'a', 'a b', 'a bo']) {
      expect(names(index.search(guests, query)), query).toEqual(fresh(query));
    }
    // `ab` matches no one, but `a b` (Alice, company Bob) does: not a narrowing of `ab`.
    expect(index.search(guests, 'ab')).toEqual([]);
    expect(names(index.search(guests, 'a b'))).toEqual(['Alice']);
  });

  it('reports the end of each background pass, and whether pinyin is in', () => {
    const scheduler = manualScheduler();
    const passes: boolean[] = [];
    const index = new GuestSearchIndex<Guest>({
      onKeysChanged: () => undefined,
      onWarmed: (withPinyin) => passes.push(withPinyin),
      schedule: scheduler.schedule,
    });
    index.warm(EIGHT);
    scheduler.runAll();
    index.setReader(reader);
    scheduler.runAll();
    expect(passes).toEqual([false, true]);
  });

  it('forgets removed guests', () => {
    const { index, scheduler } = createIndex();
    const first = index.keysOf(makeGuest('1', '张三'));
    index.warm([makeGuest('2', '李四')]);
    scheduler.runAll();
    expect(index.keysOf(makeGuest('1', '张三'))).not.toBe(first);
  });
});
