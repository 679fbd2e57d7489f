import { expect, test } from '../fixtures/index.ts';

test('switches the whole board to Chinese and back to English, and remembers the choice', async ({
  remote,
}) => {
  const page = remote.page;
  await expect(page.getByRole('heading', { name: 'Checklists', exact: true })).toBeVisible();

  await page.getByRole('button', { name: '中文' }).click();
  for (const heading of ['任务清单', '嘉宾', '事件记录']) {
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Checklists', exact: true })).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);

  // The choice outlives a reload (the context's own locale is English).
  await page.reload();
  await expect(page.getByRole('heading', { name: '任务清单', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  for (const heading of ['Checklists', 'Guests', 'Incidents']) {
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
