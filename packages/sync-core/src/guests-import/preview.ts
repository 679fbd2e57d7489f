import type { GuestContact } from '@pairboard/board-schema';
import { checkColumnMapping, type ColumnMapping } from './columns.ts';
import { emailKey, phoneKey } from './contact-keys.ts';
import { cellsByField, parseGuestRow, type ImportedGuest, type RowProblem } from './parse-row.ts';

/** Another guest with the same phone or e-mail: an earlier row of the file, or one already on the board. */
export type GuestDuplicate =
  | { source: 'file'; line: number; by: 'phone' | 'email' }
  | { source: 'board'; guestId: string; name: string; by: 'phone' | 'email' };

/** One data row of the sheet, checked. `line` is the row number a spreadsheet shows (header = 1). */
export interface ImportPreviewRow {
  line: number;
  guest: ImportedGuest;
  problems: RowProblem[];
  duplicates: GuestDuplicate[];
}

export interface ImportPreview {
  /** Problems with the mapping itself; while there are any, nothing can be imported. */
  mappingProblems: string[];
  /** Non-blank data rows in sheet order (blank rows are skipped silently). */
  rows: ImportPreviewRow[];
}

/** The guests already on the board, for duplicate checks: names from the main doc, contacts from the contacts doc. */
export interface ExistingGuests {
  guests: ReadonlyArray<{ id: string; name: string }>;
  contacts: ReadonlyMap<string, GuestContact>;
}

interface KeyOwner {
  phone: Map<string, GuestDuplicate>;
  email: Map<string, GuestDuplicate>;
}

function boardKeys(existing: ExistingGuests): KeyOwner {
  const owners: KeyOwner = { phone: new Map(), email: new Map() };
  const names = new Map(existing.guests.map((guest) => [guest.id, guest.name]));
  for (const contact of existing.contacts.values()) {
    const name = names.get(contact.guestId);
    // Contacts of guests the main doc does not list are ignored (see docs/board-schema.md).
    if (name === undefined) continue;
    const phone = phoneKey(contact.phone);
    const email = emailKey(contact.email);
    if (phone !== '')
      owners.phone.set(phone, { source: 'board', guestId: contact.guestId, name, by: 'phone' });
    if (email !== '')
      owners.email.set(email, { source: 'board', guestId: contact.guestId, name, by: 'email' });
  }
  return owners;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * Checks a sheet (header row first) under a column mapping: every row's problems, and for rows
 * without problems the duplicates by phone or e-mail against the board and earlier rows.
 *
 * @example
 * const preview = buildImportPreview(table, guessColumnMapping(table[0] ?? []), { guests, contacts });
 */
export function buildImportPreview(
  table: ReadonlyArray<readonly string[]>,
  mapping: ColumnMapping,
  existing: ExistingGuests,
): ImportPreview {
  const mappingProblems = checkColumnMapping(mapping);
  const onBoard = boardKeys(existing);
  const inFile: KeyOwner = { phone: new Map(), email: new Map() };
  const rows: ImportPreviewRow[] = [];
  table.forEach((cells, index) => {
    if (index === 0 || isBlank(cells)) return;
    const line = index + 1;
    const { guest, problems } = parseGuestRow(cellsByField(cells, mapping));
    const duplicates: GuestDuplicate[] = [];
    if (problems.length === 0) {
      const keys = { phone: phoneKey(guest.phone), email: emailKey(guest.email) };
      for (const by of ['phone', 'email'] as const) {
        const key = keys[by];
        if (key === '') continue;
        const board = onBoard[by].get(key);
        if (board) duplicates.push(board);
        const earlier = inFile[by].get(key);
        if (earlier) duplicates.push(earlier);
        else inFile[by].set(key, { source: 'file', line, by });
      }
    }
    rows.push({ line, guest, problems, duplicates });
  });
  return { mappingProblems, rows };
}

/**
 * The rows an import writes: those without problems, and duplicates only when asked for.
 * Empty while the mapping has problems.
 */
export function rowsToImport(
  preview: ImportPreview,
  options: { includeDuplicates: boolean },
): ImportPreviewRow[] {
  if (preview.mappingProblems.length > 0) return [];
  return preview.rows.filter(
    (row) => row.problems.length === 0 && (options.includeDuplicates || row.duplicates.length === 0),
  );
}

/** Counts for the preview summary. */
export function summarizePreview(preview: ImportPreview): { ready: number; bad: number; duplicates: number } {
  let ready = 0;
  let bad = 0;
  let duplicates = 0;
  for (const row of preview.rows) {
    if (row.problems.length > 0) bad += 1;
    else if (row.duplicates.length > 0) duplicates += 1;
    else ready += 1;
  }
  return { ready, bad, duplicates };
}
