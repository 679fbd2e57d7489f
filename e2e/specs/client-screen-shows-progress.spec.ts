import { expect, test } from '../fixtures/index.ts';
import { ClientScreenPage } from '../pages/ClientScreenPage.ts';
import { SharePage } from '../pages/SharePage.ts';

// A client (the event's sponsor, a venue manager) follows the event on a share link: progress and
// attendance, live, without an account and without ever receiving the board itself. Revoking the
// link takes the screen down within 5 seconds.
test.use({ boardTemplate: 'demo' });

const PIN = '482915';

test('a client screen behind a PIN shows live progress and attendance until the link is revoked', async ({
  browser,
  baseURL,
  owner,
  board,
  remote,
}) => {
  // The parts this test reads are switched on explicitly rather than relying on the defaults.
  await owner.api.put(`/api/boards/${board.id}/client-view-settings`, {
    progress: true,
    attendance: true,
    incidents: true,
    updates: true,
  });
  const share = new SharePage(await owner.context.newPage());
  await share.open(board.id);
  const linkUrl = await share.createClientLink({ name: 'Sponsor', pin: PIN });

  // A third person with no account: a fresh context, no cookies.
  const context = await browser.newContext({ locale: 'en-US', baseURL });
  try {
    const client = new ClientScreenPage(await context.newPage());

    await test.step('the link asks for the PIN; a wrong one is refused, the right one opens the screen', async () => {
      await client.goto(linkUrl);
      await client.enterPin('000000');
      await expect(client.page.getByText('That PIN is not correct.')).toBeVisible();
      await client.enterPin(PIN);
      await expect(client.progress).toBeVisible();
      await expect(client.attendance).toBeVisible();
      await expect(client.updatedAt).toBeVisible();
    });

    await test.step('the remote checks a guest in; the client’s attendance goes up, without the guest’s name', async () => {
      const before = await client.arrived();
      const [guest] = await remote.guestsNotCheckedIn();
      if (!guest) throw new Error('The demo board lists no guest waiting to be checked in.');
      await remote.checkInGuest(guest);
      await expect.poll(() => client.arrived()).toBeGreaterThan(before);
      await expect(client.page.getByText(guest)).toHaveCount(0);
    });

    await test.step('the client screen never opened the board’s sync endpoint', () => {
      expect(client.openedSockets.filter((url) => url.includes('/yjs'))).toEqual([]);
    });

    await test.step('the owner revokes the link; the screen says so within 5 s', async () => {
      await share.revokeClientLink('Sponsor');
      await expect(client.expired).toBeVisible({ timeout: 5_000 });
    });
  } finally {
    await context.close();
  }
});
