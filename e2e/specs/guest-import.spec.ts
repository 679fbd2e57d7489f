import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, test } from '../fixtures/index.ts';
import { BoardPage } from '../pages/BoardPage.ts';

// Issue 5, item 4: the organiser imports the guest list from a spreadsheet with Chinese headers,
// sees which rows are bad (and why, by row number) and which are duplicates before anything is
// written, imports the clean rows in one go, and exports the list with contact data.
test.use({ boardTemplate: 'empty' });

const FIXTURES = new URL('../../packages/sync-core/fixtures/', import.meta.url);
const XLSX = new URL('guests-zh.xlsx', FIXTURES).pathname;
const CSV = new URL('guests-zh.csv', FIXTURES).pathname;

function importSection(page: Page) {
  return page.locator('details').filter({ has: page.getByText('Import guests', { exact: true }) });
}

async function pickFile(page: Page, path: string): Promise<void> {
  const section = importSection(page);
  if (!(await section.evaluate((el) => (el as HTMLDetailsElement).open))) {
    await section.getByText('Import guests', { exact: true }).click();
  }
  await page.getByLabel('Guest file (.csv or .xlsx)').setInputFiles(path);
}

async function downloadText(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

test('the owner imports the fixture file, the remote sees the guests, and the export has the right rows', async ({
  owner,
  board,
  remote,
}, testInfo) => {
  const page = new BoardPage(await owner.context.newPage(), {
    name: 'Mei Organiser',
    position: null,
    touch: false,
  });
  await page.open(board.id, board.name);

  await test.step('the .xlsx preview maps the Chinese headers and lists bad rows and duplicates', async () => {
    await pickFile(page.page, XLSX);
    await expect(page.page.getByRole('combobox', { name: 'Column “姓名”' })).toHaveValue('name');
    await expect(page.page.getByRole('combobox', { name: 'Column “手机号码（必填）”' })).toHaveValue('phone');
    await expect(page.page.getByText('5 guests ready · 5 bad rows · 2 duplicates')).toBeVisible();
    const bad = page.page.getByRole('region', { name: 'Rows that will not be imported' });
    await expect(bad.getByRole('listitem')).toHaveText([
      /Row 5.*name is missing/,
      /Row 6.*phone “1380013800X” is not a phone number/,
      /Row 7.*email “chenjing@yuntu” is not an e-mail address/,
      /Row 8.*plus-ones “三” must be a whole number/,
      /Row 9.*tag “嘉宾” is not VIP/,
    ]);
    const dupes = page.page.getByRole('region', { name: 'Possible duplicates' });
    await expect(dupes.getByRole('listitem')).toHaveText([
      /Row 10.*same Phone as row 2/,
      /Row 11.*same Email as row 3/,
    ]);
    const shot = testInfo.outputPath('import-preview.png');
    await importSection(page.page).screenshot({ path: shot });
    await testInfo.attach('import preview', { path: shot, contentType: 'image/png' });
  });

  await test.step('confirming writes the five clean rows, and the remote sees them', async () => {
    await page.page.getByRole('button', { name: 'Import 5 guests' }).click();
    await expect(page.page.getByText('Imported 5 guests.')).toBeVisible();
    await remote.showPanel('Guests');
    await expect(remote.page.getByText('5 guests', { exact: true })).toBeVisible();
    await expect(remote.checkInButton('林峰')).toBeVisible();
    await expect(remote.checkInButton('周杰')).toHaveCount(0);
  });

  await test.step('the same guests from the CSV are now duplicates of the board', async () => {
    await pickFile(page.page, CSV);
    await expect(page.page.getByText('0 guests ready · 5 bad rows · 7 duplicates')).toBeVisible();
    await expect(page.page.getByRole('region', { name: 'Possible duplicates' })).toContainText(
      'same Phone as 张伟, already on the list',
    );
    await page.page.getByRole('button', { name: 'Cancel' }).click();
  });

  await test.step('export says it holds personal data and downloads the rows with contacts', async () => {
    await expect(
      page.page.getByText(/Exports include phone numbers, e-mail addresses and notes/),
    ).toBeVisible();
    const [csv] = await Promise.all([
      page.page.waitForEvent('download'),
      page.page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const lines = (await downloadText(csv))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^Name,Company,Title,Phone,Email,Tags/);
    expect(lines.find((line) => line.startsWith('张伟,'))).toContain('13800138001,zhangwei@huaxin.cn,VIP');
    expect(lines.map((line) => line.split(',')[0]).slice(1)).toEqual([
      '张伟',
      '李娜',
      '王磊',
      '郑浩',
      '林峰',
    ]);

    const [xlsx] = await Promise.all([
      page.page.waitForEvent('download'),
      page.page.getByRole('button', { name: 'Export Excel (.xlsx)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    // An .xlsx is a zip archive.
    expect((await downloadText(xlsx)).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
