/*
 * The first keystroke of a search is the costly one: one letter (`z`, `张`) matches a third of a
 * 10,000-guest list, and nothing narrows it yet. So the guests each single character finds are
 * listed in advance, by rank, in the background after the search keys (guest-search-index.ts).
 */
import type { GuestSearchKeys } from './guest-search-keys.ts';
import { MatchRank, RANK_COUNT } from './guest-search.ts';

/** Every one-character word a guest matches, with the rank `rankWord` gives it. */
export type LetterRanks = ReadonlyMap<string, MatchRank>;

/**
 * `rankWord`'s rules for a word of one UTF-16 unit, for every such word at once: an exact form of
 * that one character, a reading of the name's first unit or of a later one that starts with it,
 * the company's likewise, or the character anywhere in the plain text.
 */
export function letterRanks(keys: GuestSearchKeys): LetterRanks {
  const ranks = new Map<string, MatchRank>();
  const offer = (char: string | undefined, rank: MatchRank): void => {
    if (char === undefined || char === '') return;
    const known = ranks.get(char);
    if (known === undefined || rank < known) ranks.set(char, rank);
  };
  for (const form of keys.name.exact) if (form.length === 1) offer(form, MatchRank.Exact);
  keys.name.units.forEach((unit, index) => {
    const rank = index === 0 ? MatchRank.NamePrefix : MatchRank.NameInside;
    for (const reading of unit.readings) offer(reading[0], rank);
  });
  for (const form of keys.company.exact) if (form.length === 1) offer(form, MatchRank.Company);
  for (const unit of keys.company.units) {
    for (const reading of unit.readings) offer(reading[0], MatchRank.Company);
  }
  for (let i = 0; i < keys.text.length; i += 1) offer(keys.text[i], MatchRank.Substring);
  return ranks;
}

/** Positions in the list, in list order, in total and per rank. */
interface Postings {
  readonly all: number[];
  readonly byRank: number[][];
}

/** What one letter finds: ranked as `searchGuests` ranks, and in list order (to narrow from). */
export interface LetterMatches<G> {
  readonly ranked: G[];
  readonly matched: G[];
}

/** The guests each single character finds, for one list; built by `LetterIndexBuilder`. */
export class LetterIndex<G> {
  readonly guests: readonly G[];
  readonly #postings: ReadonlyMap<string, Postings>;

  constructor(guests: readonly G[], postings: ReadonlyMap<string, Postings>) {
    this.guests = guests;
    this.#postings = postings;
  }

  /** The matches of a one-unit word (`letter.length === 1`). */
  find(letter: string): LetterMatches<G> {
    const postings = this.#postings.get(letter);
    if (!postings) return { ranked: [], matched: [] };
    const at = (position: number): G => this.guests[position] as G;
    return { ranked: postings.byRank.flat().map(at), matched: postings.all.map(at) };
  }
}

/** Collects guests one at a time, in list order, so the work can be sliced. */
export class LetterIndexBuilder<G> {
  readonly #postings = new Map<string, Postings>();
  #count = 0;

  /** Adds the next guest of the list. */
  add(ranks: LetterRanks): void {
    const position = this.#count;
    this.#count += 1;
    for (const [letter, rank] of ranks) {
      let postings = this.#postings.get(letter);
      if (!postings) {
        postings = { all: [], byRank: Array.from({ length: RANK_COUNT }, () => []) };
        this.#postings.set(letter, postings);
      }
      postings.all.push(position);
      postings.byRank[rank]?.push(position);
    }
  }

  /** How many guests were added. */
  get count(): number {
    return this.#count;
  }

  /** The index for `guests`, which must be the list the guests were added from. */
  build(guests: readonly G[]): LetterIndex<G> {
    return new LetterIndex(guests, this.#postings);
  }
}
