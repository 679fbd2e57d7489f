import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from '../fixtures/index.ts';
import { ClientScreenPage } from '../pages/ClientScreenPage.ts';
import { SharePage } from '../pages/SharePage.ts';

// Issue 4: every control labelled and keyboard-reachable, colour never the only signal, and axe-core
// finds no serious or critical violation on the main screens, in light and in dark.
test.use({ boardTemplate: 'demo' });

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe (WCAG 2.x A and AA rules) on `page`, or on `include` inside it, attaches the full
 * report, and fails with one line per serious or critical violation and the elements it hit.
 */
async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, name: string, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  await testInfo.attach(`axe ${name}`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  const blocking = results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} -> ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(' '))
          .join(' | ')}`,
    );
  expect(blocking, `axe on ${name}`).toEqual([]);
}

/**
 * The board on a phone, panel by panel. The board may show one panel at a time behind tabs on a
 * phone; then every tab is opened and checked. Without tabs every panel is on the page at once.
 */
async function checkEachPanel(page: Page, testInfo: TestInfo) {
  const tabs = page.getByRole('tablist').first().getByRole('tab');
  const tabCount = await tabs.count();
  if (tabCount === 0) {
    await expectNoSeriousViolations(page, testInfo, 'board phone');
    return;
  }
  for (let index = 0; index < tabCount; index += 1) {
    const tab = tabs.nth(index);
    const label = ((await tab.textContent()) ?? `tab ${index}`).replace(/\s+/g, ' ').trim();
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expectNoSeriousViolations(page, testInfo, `board phone, ${label}`);
  }
}

test('the board on a desk has no serious accessibility violations, in light and dark', async ({
  remote,
}, testInfo) => {
  await expectNoSeriousViolations(remote.page, testInfo, 'board desktop');
  await remote.page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousViolations(remote.page, testInfo, 'board desktop dark');
});

test('every panel of the board on a phone has no serious accessibility violations', async ({
  onsite,
}, testInfo) => {
  await checkEachPanel(onsite.page, testInfo);
});

test('the guests view of door staff has no serious accessibility violations', async ({ door }, testInfo) => {
  await expect(door.page.getByRole('textbox', { name: 'Search guests' })).toBeVisible();
  await expectNoSeriousViolations(door.page, testInfo, 'guests view');
  await door.searchGuests('zzz-nobody');
  await expectNoSeriousViolations(door.page, testInfo, 'guests view, no match');
});

test('the share page has no serious accessibility violations', async ({ owner, board }, testInfo) => {
  const share = new SharePage(await owner.context.newPage());
  await share.open(board.id);
  await share.createClientLink({ name: 'Sponsor' });
  await expectNoSeriousViolations(share.page, testInfo, 'share page');
});

test('the client screen has no serious accessibility violations, in light and dark', async ({
  browser,
  baseURL,
  owner,
  board,
}, testInfo) => {
  await owner.api.put(`/api/boards/${board.id}/client-view-settings`, {
    progress: true,
    attendance: true,
    incidents: true,
    updates: true,
  });
  const { link } = await owner.api.post<{ link: { url: string } }>(
    `/api/boards/${board.id}/share-links`,
    { name: 'Lobby TV' },
    [201],
  );
  const context = await browser.newContext({ locale: 'en-US', baseURL });
  try {
    const client = new ClientScreenPage(await context.newPage());
    await client.goto(link.url);
    await expect(client.attendance).toBeVisible();
    await expectNoSeriousViolations(client.page, testInfo, 'client screen');
    await client.page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousViolations(client.page, testInfo, 'client screen dark');
  } finally {
    await context.close();
  }
});
