import ExcelJS from 'exceljs';

/*
 * .xlsx in and out with exceljs. In the browser this module is loaded on demand (the web app
 * imports `@pairboard/sync-core/guest-files` dynamically): exceljs' browser build is ~900 kB.
 */

function cellText(cell: ExcelJS.Cell): string {
  // `text` is what Excel shows: rich text joined, a hyperlink's text, a formula's cached result.
  const text = cell.text;
  return typeof text === 'string' ? text : String(text ?? '');
}

/**
 * Rows of cells of the first worksheet, header first, as text. Empty rows stay in, so a row's
 * index + 1 is its row number in Excel.
 */
export async function readXlsxTable(bytes: ArrayBuffer | Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const buffer = bytes instanceof Uint8Array ? bytes.slice().buffer : bytes;
  await workbook.xlsx.load(buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  const columns = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= columns; c += 1) cells.push(cellText(row.getCell(c)));
    table.push(cells);
  }
  return table;
}

/** An .xlsx file with one worksheet: the header row in bold and frozen, every cell as text. */
export async function tableToXlsx(
  table: ReadonlyArray<readonly string[]>,
  sheetName = 'Guests',
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of table) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 16;
    // Text format, so Excel keeps "13812345678" and "0086…" as typed instead of as numbers.
    column.numFmt = '@';
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
