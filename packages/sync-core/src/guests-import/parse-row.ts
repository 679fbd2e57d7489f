import type { GuestTag } from '@pairboard/board-schema';
import type { ColumnMapping, GuestImportField } from './columns.ts';
import { isPlausibleEmail, isPlausiblePhone } from './contact-keys.ts';
import { parseTags } from './tags.ts';

/** Why a row cannot be imported. `field` is the guest field, `value` the offending cell text. */
export interface RowProblem {
  code: 'name_missing' | 'too_long' | 'phone_invalid' | 'email_invalid' | 'plus_ones_invalid' | 'tag_unknown';
  field: GuestImportField;
  value: string;
  /** For `too_long`: the most characters the field holds. */
  max?: number;
}

/** One row as it would be written: the main-document guest and its contact data. */
export interface ImportedGuest {
  name: string;
  company: string;
  title: string;
  tags: GuestTag[];
  host: string;
  seat: string;
  plusOnes: number;
  phone: string;
  email: string;
  notes: string;
}

// The same limits as the board schema (Guest, GuestContact), so a row that passes here is one
// the board operations accept.
const MAX_LENGTH: Record<Exclude<GuestImportField, 'tags' | 'plusOnes'>, number> = {
  name: 200,
  company: 200,
  title: 200,
  host: 100,
  seat: 100,
  phone: 50,
  email: 200,
  notes: 2000,
};

export const MAX_PLUS_ONES = 20;

/** The trimmed text of each mapped field of one sheet row ('' when the row has no such cell). */
export function cellsByField(
  cells: readonly string[],
  mapping: ColumnMapping,
): Record<GuestImportField, string> {
  const out: Record<GuestImportField, string> = {
    name: '',
    company: '',
    title: '',
    phone: '',
    email: '',
    tags: '',
    host: '',
    seat: '',
    plusOnes: '',
    notes: '',
  };
  mapping.forEach((field, column) => {
    if (field !== null) out[field] = (cells[column] ?? '').trim();
  });
  return out;
}

/** "2", "2人", "2 位" → 2; blank → 0; anything else → null. */
function parsePlusOnes(text: string): number | null {
  if (text === '') return 0;
  const match = /^(\d{1,3})\s*[人位名]?$/.exec(text.normalize('NFKC'));
  if (!match?.[1]) return null;
  const count = Number(match[1]);
  return count <= MAX_PLUS_ONES ? count : null;
}

/**
 * Checks one row and builds the guest it describes. Every problem is reported, not just the
 * first, so a person can fix the row in one go.
 */
export function parseGuestRow(cells: Record<GuestImportField, string>): {
  guest: ImportedGuest;
  problems: RowProblem[];
} {
  const problems: RowProblem[] = [];
  if (cells.name === '') problems.push({ code: 'name_missing', field: 'name', value: '' });
  for (const [field, max] of Object.entries(MAX_LENGTH) as Array<[keyof typeof MAX_LENGTH, number]>) {
    if (cells[field].length > max) problems.push({ code: 'too_long', field, value: cells[field], max });
  }
  if (cells.phone !== '' && !isPlausiblePhone(cells.phone))
    problems.push({ code: 'phone_invalid', field: 'phone', value: cells.phone });
  if (cells.email !== '' && !isPlausibleEmail(cells.email))
    problems.push({ code: 'email_invalid', field: 'email', value: cells.email });
  const plusOnes = parsePlusOnes(cells.plusOnes);
  if (plusOnes === null)
    problems.push({ code: 'plus_ones_invalid', field: 'plusOnes', value: cells.plusOnes });
  const { tags, unknown } = parseTags(cells.tags);
  for (const word of unknown) problems.push({ code: 'tag_unknown', field: 'tags', value: word });
  const guest: ImportedGuest = {
    name: cells.name,
    company: cells.company,
    title: cells.title,
    tags,
    host: cells.host,
    seat: cells.seat,
    plusOnes: plusOnes ?? 0,
    phone: cells.phone,
    email: cells.email,
    notes: cells.notes,
  };
  return { guest, problems };
}

/** An English sentence for logs and tests; the UI words problems through its own messages. */
export function describeRowProblem(problem: RowProblem): string {
  switch (problem.code) {
    case 'name_missing':
      return 'name is missing';
    case 'too_long':
      return `${problem.field} is longer than ${problem.max ?? 0} characters`;
    case 'phone_invalid':
      return `phone '${problem.value}' is not a phone number (digits, with + - ( ) and spaces allowed)`;
    case 'email_invalid':
      return `email '${problem.value}' is not an e-mail address`;
    case 'plus_ones_invalid':
      return `plus-ones '${problem.value}' must be a whole number from 0 to ${MAX_PLUS_ONES}`;
    case 'tag_unknown':
      return `tag '${problem.value}' is not one of vip, speaker, media, staff`;
  }
}
