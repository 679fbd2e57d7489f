import { expect, test } from '../fixtures/index.ts';

test('a guest and their plus-one are checked in together from the result, and the partner sees both', async ({
  onsite,
  remote,
}) => {
  // 张一鸣 comes with one companion in the demo event.
  const guest = '张一鸣';
  await onsite.checkInGuest(guest);
  const result = onsite.page.getByRole('status').filter({ hasText: guest });
  await onsite.page.getByRole('button', { name: '+1 companion arrived too' }).tap();
  await expect(result.getByRole('button', { name: /companion arrived too/ })).toHaveCount(0);

  await remote.searchGuests(guest);
  const row = remote.page
    .getByRole('listitem')
    .filter({ has: remote.page.getByText(guest, { exact: true }) });
  await expect(row.getByText('companions 1/1')).toBeVisible();
  await expect(row.getByText(/Checked in by/)).toBeVisible();
});
