import { expect, test } from '../fixtures/index.ts';
import { ClientScreenPage } from '../pages/ClientScreenPage.ts';

// A TV in a control room must not show yesterday's numbers as if they were live: after a minute
// without a view or a heartbeat from the server, the screen says its figures may be out of date.
test.use({ boardTemplate: 'demo' });

test('the client screen warns when it has heard nothing from the server for over a minute', async ({
  browser,
  baseURL,
  owner,
  board,
}) => {
  const { link } = await owner.api.post<{ link: { url: string } }>(
    `/api/boards/${board.id}/share-links`,
    { name: 'Lobby TV' },
    [201],
  );
  const context = await browser.newContext({ locale: 'en-US', baseURL });
  try {
    const client = new ClientScreenPage(await context.newPage());
    // Only the page's clock is faked; the server keeps real time and sends no heartbeat in between.
    await client.page.clock.install();
    await client.goto(link.url);
    await expect(client.updatedAt).toBeVisible();
    const warning = client.page.getByRole('alert').filter({ hasText: /No update for \d+ s/ });
    await expect(warning).toHaveCount(0);
    await expect(client.page.getByText('Live', { exact: true })).toBeVisible();

    // The venue's network drops: no reconnect can bring a fresh view. A minute passes.
    await context.setOffline(true);
    await client.page.clock.fastForward(61_000);
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('the figures may be out of date');
    await expect(client.page.getByText('Live', { exact: true })).toHaveCount(0);

    // Back online: the server sends the current view on reconnect and the warning goes away.
    await context.setOffline(false);
    await expect(warning).toHaveCount(0, { timeout: 20_000 });
    await expect(client.page.getByText('Live', { exact: true })).toBeVisible();
  } finally {
    await context.close();
  }
});
