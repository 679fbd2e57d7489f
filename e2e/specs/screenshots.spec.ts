import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page, TestInfo } from '@playwright/test';
import { DESKTOP, PHONE } from '../fixtures/accounts.ts';
import { expect, test, type Account } from '../fixtures/index.ts';
import { BoardPage } from '../pages/BoardPage.ts';

// The main screens at phone and desktop size, as test artifacts. With UPDATE_SCREENSHOTS=1 they are
// also copied to docs/screenshots/ for the README; CI leaves the tree alone.

const DOCS_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const UPDATE_DOCS = process.env.UPDATE_SCREENSHOTS === '1';
const BOARD_NAME = 'Smart City Summit 2026 · Shanghai';

const DEVICES: [string, BrowserContextOptions][] = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
];

/** Saves the viewport as `<name>.png` in the test's output, attaches it, and copies it for the docs. */
async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  if (UPDATE_DOCS) {
    mkdirSync(DOCS_DIR, { recursive: true });
    copyFileSync(path, `${DOCS_DIR}${name}.png`);
  }
}

/** The owner, signed in, in a fresh context of the given size (cookies copied from their own). */
async function ownerOn(browser: Browser, baseURL: string, owner: Account, device: BrowserContextOptions) {
  return browser.newContext({
    ...device,
    locale: 'en-US',
    baseURL,
    storageState: await owner.context.storageState(),
  });
}

for (const [device, options] of DEVICES) {
  test(`screenshots of the main screens on a ${device}`, async ({ browser, baseURL, owner }, testInfo) => {
    test.setTimeout(90_000);
    if (!baseURL) throw new Error('playwright.config.ts sets use.baseURL');
    // A board of its own with an event's name: the pictures go into the README.
    const { board } = await owner.api.post<{ board: { id: string; name: string } }>(
      '/api/boards',
      { name: BOARD_NAME, template: 'demo', language: 'en' },
      [201],
    );
    await owner.api.put(`/api/boards/${board.id}/client-view-settings`, {
      progress: true,
      attendance: true,
      incidents: true,
      updates: true,
    });
    const { link } = await owner.api.post<{ link: { url: string } }>(
      `/api/boards/${board.id}/share-links`,
      { name: 'Control room' },
      [201],
    );

    const guest = await browser.newContext({ ...options, locale: 'en-US', baseURL });
    const signedIn = await ownerOn(browser, baseURL, owner, options);
    try {
      await test.step('sign in', async () => {
        const page = await guest.newPage();
        await page.goto('/signin');
        await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
        await shoot(page, testInfo, `${device}-signin`);
      });

      const page = await signedIn.newPage();
      await test.step('my boards', async () => {
        await page.goto('/');
        await expect(page.getByRole('link', { name: board.name }).first()).toBeVisible();
        await shoot(page, testInfo, `${device}-boards`);
      });

      await test.step('the board', async () => {
        const boardPage = new BoardPage(page, { name: owner.user.name, position: null, touch: false });
        await boardPage.open(board.id, board.name);
        await shoot(page, testInfo, `${device}-board`);
        if (device === 'phone') await shootEachPanel(page, testInfo);
      });

      await test.step('the share page', async () => {
        await page.goto(`/boards/${board.id}/share`);
        await expect(page.getByRole('heading', { name: 'Client links' })).toBeVisible();
        await shoot(page, testInfo, `${device}-share`);
      });

      await test.step('the client screen', async () => {
        const client = await guest.newPage();
        await client.goto(link.url);
        await expect(client.getByText(/^\d+ of \d+ arrived$/)).toBeVisible();
        await expect(client.getByRole('img', { name: /^Arrival curve/ })).toBeVisible();
        await shoot(client, testInfo, `${device}-client`);
      });
    } finally {
      await guest.close();
      await signedIn.close();
    }
  });
}

/**
 * On a phone, one picture per panel: through the tabs when the board has them, else by scrolling
 * each panel to the top of the screen.
 */
async function shootEachPanel(page: Page, testInfo: TestInfo): Promise<void> {
  const tabs = page.getByRole('tablist').first().getByRole('tab');
  const tabCount = await tabs.count();
  if (tabCount > 0) {
    for (let index = 0; index < tabCount; index += 1) {
      await tabs.nth(index).click();
      await expect(tabs.nth(index)).toHaveAttribute('aria-selected', 'true');
      await shoot(page, testInfo, `phone-board-${await slug(tabs.nth(index).textContent())}`);
    }
    return;
  }
  const headings = page.locator('section.panel h2');
  const count = await headings.count();
  for (let index = 0; index < count; index += 1) {
    const heading = headings.nth(index);
    await heading.evaluate((element) => element.closest('section')?.scrollIntoView({ block: 'start' }));
    await shoot(page, testInfo, `phone-board-${await slug(heading.textContent())}`);
  }
}

/** "Incidents 3 open" -> "incidents": the panel's first word names the file. */
async function slug(text: Promise<string | null>): Promise<string> {
  return /[a-z]+/.exec(((await text) ?? '').toLowerCase())?.[0] ?? 'panel';
}
