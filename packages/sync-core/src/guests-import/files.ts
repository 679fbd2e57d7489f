/*
 * Entry of `@pairboard/sync-core/guest-files`: reading and writing guest spreadsheets (CSV with
 * papaparse, .xlsx with exceljs). A subpath of its own so the web app loads these libraries only
 * when someone imports or exports (`await import('@pairboard/sync-core/guest-files')`).
 */
import { decodeCsvBytes, parseCsvTable, tableToCsv } from './csv.ts';
import { readXlsxTable, tableToXlsx } from './xlsx.ts';

export { decodeCsvBytes, parseCsvTable, tableToCsv, neutralizeFormula } from './csv.ts';
export { readXlsxTable, tableToXlsx } from './xlsx.ts';

/** Thrown for a file that is neither CSV nor .xlsx (by its name), or an .xlsx that does not open. */
export class GuestFileError extends Error {
  override name = 'GuestFileError';
}

/**
 * The rows of a guest file, header first, chosen by the file name's extension: `.csv`/`.txt`
 * (UTF-8 or GB18030) or `.xlsx` (the first worksheet).
 */
export async function readGuestFile(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return parseCsvTable(decodeCsvBytes(bytes));
  if (lower.endsWith('.xlsx')) {
    try {
      return await readXlsxTable(bytes);
    } catch (error) {
      throw new GuestFileError(`${fileName} could not be read as an .xlsx workbook`, { cause: error });
    }
  }
  throw new GuestFileError(`${fileName}: only .csv and .xlsx files can be imported`);
}

/** Bytes and MIME type of an export in the given format. */
export async function writeGuestFile(
  table: ReadonlyArray<readonly string[]>,
  format: 'csv' | 'xlsx',
): Promise<{ bytes: Uint8Array; mimeType: string }> {
  if (format === 'csv')
    return { bytes: new TextEncoder().encode(tableToCsv(table)), mimeType: 'text/csv;charset=utf-8' };
  return {
    bytes: await tableToXlsx(table),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
