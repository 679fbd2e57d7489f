/*
 * Search keys for one guest, computed once and reused until the guest's name or company changes
 * (see guest-search-index.ts). Matching (guest-search.ts) walks these units instead of calling
 * the pinyin library on every keystroke, so search-as-you-type stays instant at 10,000 guests.
 */

/**
 * One step of a name: a Chinese character, whose readings are the character itself and its
 * pinyin (the surname reading first for a name's leading characters, e.g. 曾 `zeng`, then the
 * common one, `ceng`), or a run of other letters and digits (`alice`), read as itself.
 */
export interface SearchUnit {
  readonly readings: readonly string[];
}

/** The units of one field plus the compact forms that count as an exact match. */
export interface FieldKeys {
  readonly units: readonly SearchUnit[];
  /** `张三`, `zhangsan`, `zs`: typing one of these in full is an exact hit. */
  readonly exact: readonly string[];
}

export interface GuestSearchKeys {
  readonly name: FieldKeys;
  readonly company: FieldKeys;
  /** Name and company as normalised plain text, for substring matches inside words. */
  readonly text: string;
  /** False until pinyin has been added (it is computed in the background for big lists). */
  readonly pinyin: boolean;
}

/**
 * Reads a run of Chinese characters: for each character, its pinyin readings without tones,
 * lowercase, most likely first. `name` mode reads leading characters as a surname (单 `shan`).
 * Returns null when it cannot align one reading list per character.
 */
export type PinyinReader = (han: string, mode: 'name' | 'text') => string[][] | null;

/** Case- and width-insensitive form used for matching (全角 letters match half-width ones). */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase().trim();
}

// A Chinese character, or a run of letters/digits that are not Chinese. Anything else
// (spaces, `·`, `-`, brackets) only separates units.
const TOKEN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+/gu;
const HAN = /^\p{Script=Han}/u;

/** Splits normalised text into units, asking `reader` for the pinyin of each run of characters. */
export function buildFieldKeys(text: string, reader: PinyinReader | null, mode: 'name' | 'text'): FieldKeys {
  const normalized = normalizeForSearch(text);
  const units: SearchUnit[] = [];
  let isLeadingRun = true;
  for (const [token] of normalized.matchAll(TOKEN)) {
    if (HAN.test(token)) {
      // Only the first run of a name is its surname: 张三 李四 reads 李 as li either way.
      units.push(...hanUnits(token, reader, mode === 'name' && isLeadingRun ? 'name' : 'text'));
    } else {
      units.push({ readings: [token] });
    }
    isLeadingRun = false;
  }
  return { units, exact: exactForms(units) };
}

function hanUnits(run: string, reader: PinyinReader | null, mode: 'name' | 'text'): SearchUnit[] {
  const chars = Array.from(run);
  const readings = reader?.(run, mode) ?? null;
  const aligned = readings !== null && readings.length === chars.length;
  return chars.map((char, index) => {
    const pinyin = aligned ? (readings[index] ?? []) : [];
    return { readings: pinyin.includes(char) ? pinyin : [char, ...pinyin] };
  });
}

/** The characters as typed, the full pinyin and the initials, each without spaces. */
function exactForms(units: readonly SearchUnit[]): string[] {
  const self = units.map((unit) => unit.readings[0] ?? '').join('');
  const primary = units.map((unit) => unit.readings[1] ?? unit.readings[0] ?? '');
  const initials = primary.map((reading) => reading.charAt(0)).join('');
  return unique([self, primary.join(''), initials].filter((form) => form.length > 0));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * All keys of one guest. Without a reader, 汉字 and Latin search work and pinyin waits.
 * `companies` caches company keys by text: a 10,000-guest list has far fewer companies.
 */
export function buildGuestSearchKeys(
  guest: { name: string; company: string },
  reader: PinyinReader | null,
  companies?: Map<string, FieldKeys>,
): GuestSearchKeys {
  const companyKey = `${reader ? 'p' : '-'}${guest.company}`;
  let company = companies?.get(companyKey);
  if (!company) {
    company = buildFieldKeys(guest.company, reader, 'text');
    companies?.set(companyKey, company);
  }
  return {
    name: buildFieldKeys(guest.name, reader, 'name'),
    company,
    text: normalizeForSearch(`${guest.name} ${guest.company}`),
    pinyin: reader !== null,
  };
}
