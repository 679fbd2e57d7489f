import { readFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from '../fixtures/index.ts';
import { BoardPage } from '../pages/BoardPage.ts';

// The review report (复盘) and the activity feed on a demo board, after a remote partner has
// checked a guest in and raised a red incident. The owner opens both from the board header.
test.use({ boardTemplate: 'demo' });

async function shoot(page: Page, testInfo: TestInfo, name: string, fullPage: boolean): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage, animations: 'disabled', caret: 'hide' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function downloaded(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

test('the owner opens the review report and the activity feed of a live demo board', async ({
  owner,
  board,
  remote,
}, testInfo) => {
  const incident = `Projector down ${crypto.randomUUID().slice(0, 4)}`;
  let guest = '';
  await test.step('a remote partner checks a guest in and raises a red incident', async () => {
    [guest = ''] = await remote.guestsNotCheckedIn();
    expect(guest).not.toBe('');
    await remote.checkInGuest(guest);
    await remote.raiseIncident(incident, 'Red');
  });

  const ownerBoard = new BoardPage(await owner.context.newPage(), {
    name: owner.user.name,
    position: null,
    touch: false,
  });
  const page = ownerBoard.page;

  await test.step('"Report" in the board header opens the report with its charts and tables', async () => {
    await ownerBoard.open(board.id, board.name);
    await page.getByRole('link', { name: 'Report', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/boards/${board.id}/report$`));
    await expect(page.getByText('Arrival curve ·')).toBeVisible();
    for (const part of [
      'Incidents by level',
      'Checklists by section',
      'Checklists by pair',
      'Overdue items',
      'Timeline',
    ]) {
      await expect(page.getByRole('heading', { name: part, exact: true }).first()).toBeVisible();
    }
    await expect(page.locator('canvas')).toHaveCount(4);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByRole('row').filter({ hasText: incident })).toContainText('Incident raised');
    await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeVisible();
  });

  await test.step('screenshots of the report at desktop size', async () => {
    await shoot(page, testInfo, 'review-report-desktop', false);
    await shoot(page, testInfo, 'review-report-desktop-full', true);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeHidden();
    await shoot(page, testInfo, 'review-report-print', true);
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('the report exports as CSV and Markdown', async () => {
    const csv = await downloaded(page, 'Export CSV');
    expect(csv).toContain('Incidents by level');
    expect(csv).toContain(incident);
    const markdown = await downloaded(page, 'Export Markdown');
    expect(markdown).toContain(`# Review report: ${board.name}`);
    expect(markdown).toContain('## Timeline');
  });

  await test.step('"Activity" lists who did what, and filters by person and list', async () => {
    await page.getByRole('link', { name: 'Activity', exact: true }).click();
    const feed = page.getByRole('list', { name: 'Activity' });
    await expect(feed).toContainText(`Ravi Remote checked in ${guest}`);
    await expect(feed).toContainText(`Ravi Remote raised a Red incident “${incident}”`);
    await shoot(page, testInfo, 'activity-desktop', false);
    // The server may add its own incident rows (escalations of the demo's old incidents): pick Ravi.
    await page.getByLabel('Person').selectOption({ label: 'Ravi Remote' });
    await page.getByLabel('List').selectOption({ label: 'Incidents' });
    await expect(feed.getByRole('listitem')).toHaveCount(1);
    await expect(feed).toContainText(incident);
    await page.getByLabel('List').selectOption({ label: 'All' });
    await page.getByLabel('Person').selectOption({ label: 'All' });
    // A demo pair: Ravi is in none, so none of his rows stay.
    await page.getByLabel('Pair').selectOption({ index: 1 });
    await expect(feed.or(page.getByText('No activity yet.')).first()).toBeVisible();
    await expect(page.getByText(`checked in ${guest}`)).toHaveCount(0);
    await expect(page.getByText('Could not load the activity.')).toHaveCount(0);
  });
});
