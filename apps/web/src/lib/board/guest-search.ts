import {
  normalizeForSearch,
  type FieldKeys,
  type GuestSearchKeys,
  type SearchUnit,
} from './guest-search-keys.ts';

/**
 * How well a guest matches, best first. Results are listed by rank, then in list order, so
 * typing `zs` puts 张三 (exact initials) above 张森林 (prefix) above 李张三 (inside the name).
 */
export const MatchRank = {
  Exact: 0,
  NamePrefix: 1,
  NameInside: 2,
  Company: 3,
  /** Plain substring of name or company that is not at a unit start (`bot` in Robotics). */
  Substring: 4,
} as const;
export type MatchRank = (typeof MatchRank)[keyof typeof MatchRank];

export const RANK_COUNT = 5;

/** A parsed query: its words, and the words run together (`zhang san` -> `zhangsan`). */
export interface GuestQuery {
  /** The normalised query: one that starts with another matches a subset of its guests. */
  readonly text: string;
  readonly words: readonly string[];
  readonly compact: string;
}

export function parseGuestQuery(query: string): GuestQuery {
  const text = normalizeForSearch(query);
  const words = text.split(/[\s\p{P}]+/u).filter((word) => word.length > 0);
  return { text, words, compact: words.join('') };
}

/**
 * True when `query[q..]` can be read off `units` from `index` on: each unit consumes its
 * character or a non-empty prefix of one of its readings (so `zs`, `zhangs`, `张san` all read
 * 张三). Branches only where a prefix lines up with the query, so it stays cheap.
 */
function readsFrom(units: readonly SearchUnit[], index: number, query: string, q: number): boolean {
  const unit = units[index];
  if (unit === undefined) return false;
  for (const reading of unit.readings) {
    let common = 0;
    while (common < reading.length && q + common < query.length && reading[common] === query[q + common]) {
      common += 1;
    }
    for (let taken = common; taken >= 1; taken -= 1) {
      if (q + taken === query.length) return true;
      if (readsFrom(units, index + 1, query, q + taken)) return true;
    }
  }
  return false;
}

function startsWithChar(unit: SearchUnit, char: string): boolean {
  for (const reading of unit.readings) if (reading[0] === char) return true;
  return false;
}

function readsInside(field: FieldKeys, word: string, from: number): boolean {
  const first = word[0];
  if (first === undefined) return false;
  for (let index = from; index < field.units.length; index += 1) {
    const unit = field.units[index];
    if (unit && startsWithChar(unit, first) && readsFrom(field.units, index, word, 0)) return true;
  }
  return false;
}

/** The best rank of one word against one guest's keys, or null when it matches nowhere. */
export function rankWord(keys: GuestSearchKeys, word: string): MatchRank | null {
  if (keys.name.exact.includes(word)) return MatchRank.Exact;
  if (readsFrom(keys.name.units, 0, word, 0)) return MatchRank.NamePrefix;
  if (readsInside(keys.name, word, 1)) return MatchRank.NameInside;
  if (keys.company.exact.includes(word) || readsInside(keys.company, word, 0)) return MatchRank.Company;
  if (keys.text.includes(word)) return MatchRank.Substring;
  return null;
}

/**
 * How a guest matches the whole query: every word must match somewhere (name or company), and
 * the rank is that of the worst word; the words run together may do better (`zhang san` is an
 * exact pinyin hit for 张三). Null when the guest does not match.
 */
export function rankGuest(keys: GuestSearchKeys, query: GuestQuery): MatchRank | null {
  if (query.words.length === 0) return MatchRank.Exact;
  let worst: MatchRank | null = MatchRank.Exact;
  for (const word of query.words) {
    const rank = rankWord(keys, word);
    if (rank === null) {
      worst = null;
      break;
    }
    if (worst !== null && rank > worst) worst = rank;
  }
  if (query.words.length === 1) return worst;
  const together = rankWord(keys, query.compact);
  if (together === null) return worst;
  return worst === null ? together : (Math.min(worst, together) as MatchRank);
}

/** Reads a guest's precomputed keys (see GuestSearchIndex.keysOf). */
export type KeysOf<T> = (item: T) => GuestSearchKeys;

/** The guests matching `query`, in list order, before ranking: used to narrow the next search. */
export function matchingGuests<T>(items: readonly T[], keysOf: KeysOf<T>, query: GuestQuery): T[] {
  return items.filter((item) => rankGuest(keysOf(item), query) !== null);
}

/**
 * The items matching `query`, best rank first and in list order within a rank. An empty query
 * keeps everyone in list order. One pass and one bucket per rank: no sort over 10,000 guests.
 */
export function searchGuests<T>(items: readonly T[], keysOf: KeysOf<T>, query: string | GuestQuery): T[] {
  const parsed = typeof query === 'string' ? parseGuestQuery(query) : query;
  if (parsed.words.length === 0) return [...items];
  const buckets: T[][] = Array.from({ length: RANK_COUNT }, () => []);
  for (const item of items) {
    const rank = rankGuest(keysOf(item), parsed);
    if (rank !== null) buckets[rank]?.push(item);
  }
  return buckets.flat();
}
