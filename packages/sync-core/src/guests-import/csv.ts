import Papa from 'papaparse';

/*
 * CSV in and out with papaparse. Excel on a Chinese Windows saves "CSV" in GB18030, not UTF-8,
 * so bytes that are not valid UTF-8 are decoded as GB18030 (every browser and Node 24 have it).
 */

/** Text of a CSV file: UTF-8 (a BOM is dropped) or, when that fails, GB18030. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * Rows of cells, header first. Empty lines stay in (as rows of empty cells), so a row's index
 * + 1 is the line a spreadsheet shows for it. The delimiter (comma, semicolon, tab) is detected.
 */
export function parseCsvTable(text: string): string[][] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const rows = result.data;
  // papaparse turns the newline at the end of a file into one last empty row: not a row of the sheet.
  const last = rows.at(-1);
  if (last && last.length === 1 && last[0] === '') rows.pop();
  return rows;
}

/**
 * A cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM(…)") gets a leading
 * apostrophe (CSV injection, OWASP). A phone number such as "+86 138…" is left alone.
 */
export function neutralizeFormula(cell: string): string {
  if (/^[=@\t\r]/.test(cell)) return `'${cell}`;
  if (/^[+-]/.test(cell) && !/^[+-][\d\s\-().]*$/.test(cell)) return `'${cell}`;
  return cell;
}

/** A CSV file (UTF-8 with a BOM, so Excel shows Chinese correctly) from rows of cells. */
export function tableToCsv(table: ReadonlyArray<readonly string[]>): string {
  const safe = table.map((row) => row.map(neutralizeFormula));
  return `\uFEFF${Papa.unparse(safe, { newline: '\r\n' })}`;
}
