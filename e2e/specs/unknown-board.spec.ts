import { expect, test } from '../fixtures/index.ts';

test('an unknown board shows "Board not found" with a way back', async ({ page }) => {
  await page.goto('/boards/does-not-exist');
  await expect(page.getByText('Board not found')).toBeVisible();
  await page.getByRole('link', { name: 'Back to boards' }).click();
  await expect(page.getByRole('heading', { name: 'Pairboard' })).toBeVisible();
});
