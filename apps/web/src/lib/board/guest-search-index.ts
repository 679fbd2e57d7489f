import {
  buildGuestSearchKeys,
  type FieldKeys,
  type GuestSearchKeys,
  type PinyinReader,
} from './guest-search-keys.ts';
import {
  LetterPass,
  letterRanks,
  type LetterIndex,
  type LetterPassResult,
  type LetterRanks,
} from './guest-letter-index.ts';
import { parseGuestQuery, searchGuests } from './guest-search.ts';

interface Cached {
  name: string;
  company: string;
  keys: GuestSearchKeys;
  /** Filled when the letter index first needs it. */
  letters?: LetterRanks;
}

/** Stands for a hole in the list (never in a board's list, but arrays may have them). */
const lettersOfCached = (cached: Cached): LetterRanks => (cached.letters ??= letterRanks(cached.keys));

const NO_GUEST: Cached = {
  name: '',
  company: '',
  keys: { name: { units: [], exact: [] }, company: { units: [], exact: [] }, text: '', pinyin: false },
  letters: new Map(),
};

interface LastSearch<G> {
  guests: readonly G[];
  version: number;
  text: string;
  /** Everyone who matched, in list order: a longer query only ever matches a subset. */
  matched: G[];
}

type IndexedGuest = { id: string; name: string; company: string };

export interface GuestSearchIndexOptions {
  /** Called when background work changed keys (pinyin arrived), so results may change. */
  onKeysChanged: () => void;
  /** Called at the end of each background pass, with whether every key now has pinyin. */
  onWarmed?: (withPinyin: boolean) => void;
  /** Runs `task` later; the browser default yields to input and rendering between slices. */
  schedule?: (task: () => void) => void;
  /** Clock for slicing the background work. */
  now?: () => number;
  /** How long one background slice may run before yielding. */
  sliceMs?: number;
}

/**
 * Search keys per guest id, reused while a guest's name and company stay the same: the board is
 * re-read on every document change, but only new or renamed guests get new keys. The keys of a
 * big list (10,000 guests) are built in slices after the page has rendered (`warm`), with
 * pinyin once the library has loaded; a search before that builds what it needs on the spot,
 * and finds by 汉字 and Latin letters until pinyin arrives. Along with the keys, the same
 * background work lists what each single character finds (guest-letter-index.ts), so the first
 * keystroke of a search reads its results instead of ranking every guest.
 */
export class GuestSearchIndex<G extends IndexedGuest> {
  #cache = new Map<string, Cached>();
  #companies = new Map<string, FieldKeys>();
  #reader: PinyinReader | null = null;
  #queue: readonly G[] = [];
  #queuePos = 0;
  #scheduled = false;
  #addedPinyin = false;
  #version = 0;
  #last: LastSearch<G> | null = null;
  /** Filled along with the keys, in list order; `#letters` once it covers the whole queue. */
  #lettersPass: LetterPass<Cached> | null = null;
  #lettersDone: LetterPassResult<Cached> | null = null;
  #letters: LetterIndex<G> | null = null;
  readonly #onKeysChanged: () => void;
  readonly #onWarmed: (withPinyin: boolean) => void;
  readonly #schedule: (task: () => void) => void;
  readonly #now: () => number;
  readonly #sliceMs: number;

  constructor(options: GuestSearchIndexOptions) {
    this.#onKeysChanged = options.onKeysChanged;
    this.#onWarmed = options.onWarmed ?? (() => undefined);
    this.#schedule = options.schedule ?? ((task) => setTimeout(task, 0));
    this.#now = options.now ?? (() => performance.now());
    this.#sliceMs = options.sliceMs ?? 8;
  }

  /** Bumped whenever background work changed keys; part of a search's cache key. */
  get version(): number {
    return this.#version;
  }

  /** True while guests given to `warm` still wait for their keys (or their pinyin). */
  get warming(): boolean {
    return this.#queuePos < this.#queue.length;
  }

  /** Starts using pinyin: keys built without it get it in the background. */
  setReader(reader: PinyinReader): void {
    this.#reader = reader;
    if (this.#queue.length > 0) this.warm(this.#queue);
  }

  /**
   * The guest's keys, built now if the guest is new or was renamed. While a big list is still
   * warming they are built without pinyin (cheap), which the background adds shortly after.
   */
  keysOf = (guest: G): GuestSearchKeys => {
    const cached = this.#cache.get(guest.id);
    if (cached && cached.name === guest.name && cached.company === guest.company) return cached.keys;
    return this.#build(guest, this.warming ? null : this.#reader);
  };

  #build(guest: G, reader: PinyinReader | null): GuestSearchKeys {
    const keys = buildGuestSearchKeys(guest, reader, this.#companies);
    this.#cache.set(guest.id, { name: guest.name, company: guest.company, keys });
    return keys;
  }

  /**
   * Builds keys for `guests` in the background, slice by slice, and forgets guests no longer
   * listed. Call it with the current list whenever the board changes; it restarts cheaply.
   */
  warm(guests: readonly G[]): void {
    this.#queue = guests;
    this.#queuePos = 0;
    this.#lettersPass = null;
    this.#letters = null;
    if (!this.#scheduled) {
      this.#scheduled = true;
      this.#schedule(() => this.#slice());
    }
  }

  /** Ranked matches for `query`; typing on narrows the previous matches instead of rescanning. */
  search(guests: readonly G[], query: string): G[] {
    const parsed = parseGuestQuery(query);
    if (parsed.words.length === 0) return [...guests];
    const letter = parsed.words.length === 1 && parsed.words[0]?.length === 1 ? parsed.words[0] : null;
    if (letter !== null && this.#letters?.guests === guests) {
      const { ranked, matched } = this.#letters.find(letter);
      this.#last = { guests, version: this.#version, text: parsed.text, matched };
      return ranked;
    }
    const last = this.#last;
    const narrowing =
      last !== null &&
      last.guests === guests &&
      last.version === this.#version &&
      parsed.text.startsWith(last.text);
    const candidates = narrowing ? last.matched : guests;
    const ranked = searchGuests(candidates, this.keysOf, parsed);
    const rankedSet = new Set(ranked);
    this.#last = {
      guests,
      version: this.#version,
      text: parsed.text,
      matched: candidates.filter((guest) => rankedSet.has(guest)),
    };
    return ranked;
  }

  #needsWork(guest: G): boolean {
    const cached = this.#cache.get(guest.id);
    if (!cached || cached.name !== guest.name || cached.company !== guest.company) return true;
    return this.#reader !== null && !cached.keys.pinyin;
  }

  #slice(): void {
    this.#scheduled = false;
    const started = this.#now();
    const letters = (this.#lettersPass ??= new LetterPass(this.#lettersDone, lettersOfCached));
    while (this.#queuePos < this.#queue.length && this.#now() - started < this.#sliceMs) {
      const guest = this.#queue[this.#queuePos];
      this.#queuePos += 1;
      if (guest && this.#needsWork(guest)) {
        if (this.#cache.has(guest.id)) this.#addedPinyin = true;
        this.#build(guest, this.#reader);
      }
      letters.add((guest && this.#cache.get(guest.id)) ?? NO_GUEST);
    }
    if (this.warming) {
      this.#scheduled = true;
      this.#schedule(() => this.#slice());
      return;
    }
    this.#lettersDone = letters.finish();
    this.#letters = this.#lettersDone.builder.build(this.#queue);
    this.#lettersPass = null;
    // Every listed guest has keys now, so any extra entry belongs to a removed guest.
    if (this.#cache.size > this.#queue.length) this.#forgetAllBut(this.#queue);
    this.#onWarmed(this.#reader !== null);
    if (this.#addedPinyin) {
      // One notice at the end: re-running a search over 10,000 guests after every slice would
      // cost more than the slices themselves.
      this.#addedPinyin = false;
      this.#version += 1;
      this.#onKeysChanged();
    }
  }

  #forgetAllBut(guests: readonly G[]): void {
    const ids = new Set(guests.map((guest) => guest.id));
    for (const id of this.#cache.keys()) if (!ids.has(id)) this.#cache.delete(id);
  }
}
