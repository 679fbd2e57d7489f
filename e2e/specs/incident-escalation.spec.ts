import { expect, test } from '../fixtures/index.ts';

// Issue 5, "raise and escalate an incident": a yellow incident nobody acknowledges within its
// 60 minutes is escalated by the server (one `escalated` timeline entry, an alert to owners and
// editors) and shows as overdue on the remote desk, until someone acknowledges it. The phone's
// clock is set 61 minutes back, so the incident it raises is already past its target: the
// server's clock is the real one.
test.use({ boardTemplate: 'empty' });

test('an incident not acknowledged within its target is escalated and shown as overdue', async ({
  onsite,
  remote,
}, testInfo) => {
  const title = `Venue double-booked ${crypto.randomUUID().slice(0, 6)}`;
  const overdueBanner = remote.page
    .getByRole('alert')
    .filter({ hasText: `Overdue, not acknowledged in time: ${title}` });

  await test.step('on site raises a yellow incident 61 minutes ago (by its clock)', async () => {
    await onsite.page.clock.setFixedTime(new Date(Date.now() - 61 * 60_000));
    await onsite.raiseIncident(title, 'Yellow');
    await expect(remote.incident(title)).toBeVisible();
  });

  await test.step('the server escalates it; the remote desk shows it as overdue', async () => {
    await expect(overdueBanner).toBeVisible({ timeout: 10_000 });
    await expect(
      overdueBanner.getByRole('button', { name: `Acknowledge overdue incident ${title}` }),
    ).toBeVisible();
    const shot = testInfo.outputPath('overdue-banner.png');
    await remote.page.screenshot({ path: shot });
    await testInfo.attach('overdue banner on the remote desk', { path: shot, contentType: 'image/png' });
  });

  await test.step('remote acknowledges it from the banner; the banner leaves', async () => {
    await overdueBanner.getByRole('button', { name: `Acknowledge overdue incident ${title}` }).click();
    await expect(overdueBanner).toHaveCount(0);
  });
});

test('the owner changes the response targets on the share page', async ({ owner, board }) => {
  const page = await owner.context.newPage();
  await page.goto(`/boards/${board.id}/share`);
  const section = page.getByRole('region', { name: 'Response targets' });
  const red = section.getByRole('spinbutton', { name: 'Red: minutes to acknowledge' });
  await expect(red).toHaveValue('30');
  await red.fill('15');
  await section.getByRole('button', { name: 'Save targets' }).click();
  await expect(section.getByText('Targets saved.')).toBeVisible();
  const { targets } = await owner.api.get<{ targets: { red: number } }>(
    `/api/boards/${board.id}/response-targets`,
  );
  expect(targets.red).toBe(15);
  await page.close();
});
