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

/** Positions in the list, in list order, per rank. */
type Postings = number[][];

/** What one letter finds: ranked as `searchGuests` ranks, and in list order (to narrow from). */
export interface LetterMatches<G> {
  readonly ranked: G[];
  readonly matched: G[];
}

/** Merges position lists that are each in list order into one list in list order. */
function inListOrder(lists: readonly number[][]): number[] {
  const merged: number[] = [];
  const next = lists.map(() => 0);
  for (;;) {
    let pick = -1;
    let lowest = Infinity;
    lists.forEach((list, i) => {
      const position = list[next[i] ?? 0];
      if (position !== undefined && position < lowest) {
        lowest = position;
        pick = i;
      }
    });
    if (pick < 0) return merged;
    merged.push(lowest);
    next[pick] = (next[pick] ?? 0) + 1;
  }
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
    const byRank = this.#postings.get(letter);
    if (!byRank) return { ranked: [], matched: [] };
    const at = (position: number): G => this.guests[position] as G;
    return { ranked: byRank.flat().map(at), matched: inListOrder(byRank).map(at) };
  }
}

/** Collects guests one at a time, in list order, so the work can be sliced. */
export class LetterIndexBuilder {
  readonly #postings = new Map<string, Postings>();
  #count = 0;

  /** Adds the next guest of the list. */
  add(ranks: LetterRanks): void {
    const position = this.#count;
    this.#count += 1;
    for (const [letter, rank] of ranks) {
      let byRank = this.#postings.get(letter);
      if (!byRank) {
        byRank = Array.from({ length: RANK_COUNT }, () => []);
        this.#postings.set(letter, byRank);
      }
      byRank[rank]?.push(position);
    }
  }

  /** How many guests were added. */
  get count(): number {
    return this.#count;
  }

  /** The index for `guests`, which must be the list the guests were added from. */
  build<G>(guests: readonly G[]): LetterIndex<G> {
    return new LetterIndex(guests, this.#postings);
  }
}

/** A finished pass: what was at each position, and the postings built from it. */
export interface LetterPassResult<S> {
  readonly sources: readonly S[];
  readonly builder: LetterIndexBuilder;
}

/**
 * One background pass over the list, fed each guest's keys (`source`, compared by identity) in
 * list order. The board is re-read on every change, a check-in included, but the guests and
 * their keys mostly stay where they were: while every position holds the same source as in the
 * previous pass, nothing is added and that pass's postings are reused; when only guests at the
 * end are new (a walk-in), they are appended to them; anything else builds afresh.
 */
export class LetterPass<S> {
  readonly #sources: S[] = [];
  readonly #previous: LetterPassResult<S> | null;
  readonly #lettersOf: (source: S) => LetterRanks;
  #builder: LetterIndexBuilder | null = null;

  constructor(previous: LetterPassResult<S> | null, lettersOf: (source: S) => LetterRanks) {
    this.#previous = previous;
    this.#lettersOf = lettersOf;
  }

  /** The guest at the next position. */
  add(source: S): void {
    const position = this.#sources.length;
    this.#sources.push(source);
    if (this.#builder) {
      this.#builder.add(this.#lettersOf(source));
      return;
    }
    const previous = this.#previous;
    if (previous && position < previous.sources.length && previous.sources[position] === source) return;
    // Appending needs the previous postings untouched: an abandoned pass may have appended to them.
    if (previous && position === previous.sources.length && previous.builder.count === position) {
      this.#builder = previous.builder;
      this.#builder.add(this.#lettersOf(source));
      return;
    }
    this.#rebuild();
  }

  /** The postings for every source added. */
  finish(): LetterPassResult<S> {
    const previous = this.#previous;
    // Every source matched (else there would be a builder); the count also rules out postings an
    // abandoned pass appended to.
    const unchanged = previous !== null && previous.builder.count === this.#sources.length;
    if (!this.#builder && !unchanged) this.#rebuild();
    return { sources: this.#sources, builder: this.#builder ?? (previous as LetterPassResult<S>).builder };
  }

  #rebuild(): void {
    const builder = new LetterIndexBuilder();
    for (const source of this.#sources) builder.add(this.#lettersOf(source));
    this.#builder = builder;
  }
}
