import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/index.ts';
import { BoardPage } from '../pages/BoardPage.ts';
import { ClientScreenPage } from '../pages/ClientScreenPage.ts';

// Guests' phone numbers and emails are personal data (PIPL, GDPR): a client link must never carry
// them, not in the page and not on the wire. The secrets are read from what the owner is shown
// (the contacts document), so the test checks the real values, whatever the demo data holds.
test.use({ boardTemplate: 'demo' });

test('a client screen follows check-ins live and never receives a guest phone or email', async ({
  browser,
  baseURL,
  owner,
  board,
  remote,
}) => {
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

  const secrets = new Set<string>();
  const ownerBoard = new BoardPage(await owner.context.newPage(), {
    name: owner.user.name,
    position: null,
    touch: false,
  });

  await test.step('the owner sees guests’ phones and emails: those are the values to look for', async () => {
    await ownerBoard.open(board.id, board.name);
    await expect(ownerBoard.phoneLinks.first()).toBeVisible();
    for (const value of await shownContacts(ownerBoard.page)) secrets.add(value);
    expect([...secrets].some((value) => value.includes('@'))).toBe(true);
    expect([...secrets].some((value) => /^\+?\d{6,}$/.test(value))).toBe(true);
  });

  const context = await browser.newContext({ locale: 'en-US', baseURL });
  try {
    const client = new ClientScreenPage(await context.newPage());
    const traffic = recordTraffic(client.page);

    await test.step('the client link opens the screen', async () => {
      await client.goto(link.url);
      await expect(client.attendance).toBeVisible();
      await expect(client.updatedAt).toBeVisible();
    });

    await test.step('the remote checks a guest in; arrived goes up by one on the client screen', async () => {
      const before = await client.arrived();
      const [guest] = await remote.guestsNotCheckedIn();
      if (!guest) throw new Error('The demo board lists no guest waiting to be checked in.');
      // That guest's own contacts join the secrets: their check-in is what just crossed the wire.
      await ownerBoard.searchGuests(guest);
      await expect(ownerBoard.phoneLinks.first()).toBeVisible();
      for (const value of await shownContacts(ownerBoard.page)) secrets.add(value);

      await remote.checkInGuest(guest);
      await expect.poll(() => client.arrived()).toBe(before + 1);
    });

    await test.step('neither the page nor any response or WebSocket frame holds a phone or an email', async () => {
      const dom = [await client.page.locator('body').innerText(), await client.page.content()];
      const wire = await traffic.collected();
      // The recording must have seen the live view itself, or finding nothing would prove nothing.
      expect(wire.frames.some((frame) => frame.includes('client:view') && frame.includes(board.name))).toBe(
        true,
      );
      expect(wire.bodies.length).toBeGreaterThan(0);
      for (const secret of secrets) {
        expect(
          dom.filter((text) => containsSecret(text, secret)),
          `page holds ${secret}`,
        ).toEqual([]);
        expect(
          wire.bodies.filter((body) => containsSecret(body, secret)).length,
          `a response holds ${secret}`,
        ).toBe(0);
        expect(
          wire.frames.filter((frame) => containsSecret(frame, secret)).length,
          `a frame holds ${secret}`,
        ).toBe(0);
      }
    });
  } finally {
    await context.close();
  }
});

/** Phone numbers and emails on the guest rows the owner's page shows (`tel:` and `mailto:` links). */
async function shownContacts(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('a[href^="tel:"], a[href^="mailto:"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => decodeURIComponent(href.replace(/^(tel|mailto):/, '')).trim()).filter(Boolean);
}

/** Exact, case-insensitive for emails; a phone also matches with its separators stripped. */
function containsSecret(text: string, secret: string): boolean {
  const haystack = text.toLowerCase();
  if (haystack.includes(secret.toLowerCase())) return true;
  const digits = secret.replace(/[^\d]/g, '');
  return !secret.includes('@') && digits.length >= 6 && haystack.includes(digits);
}

/**
 * Every HTTP response body and every WebSocket frame (both directions) the page sees, from the
 * first request on. Bodies are read as they arrive; `collected` waits for the reads to finish.
 */
function recordTraffic(page: Page) {
  const bodies: string[] = [];
  const frames: string[] = [];
  const reads: Promise<void>[] = [];
  page.on('response', (response) => {
    reads.push(
      response.body().then(
        (body) => void bodies.push(body.toString('utf8')),
        // Redirects and aborted requests have no body to read.
        () => undefined,
      ),
    );
  });
  page.on('websocket', (socket) => {
    const keep = ({ payload }: { payload: string | Buffer }) =>
      void frames.push(typeof payload === 'string' ? payload : payload.toString('utf8'));
    socket.on('framereceived', keep);
    socket.on('framesent', keep);
  });
  return {
    async collected() {
      await Promise.all(reads);
      return { bodies, frames };
    },
  };
}
