import { expect, test } from '../fixtures/index.ts';
import { DESKTOP, signUp } from '../fixtures/accounts.ts';

// Boards are private: a board that is not mine answers exactly like one that does not exist, so
// a board id leaks nothing (the API answers 404 board_not_found to non-members too).
test.use({ boardTemplate: 'empty' });

test('a board that does not exist, or is not mine, shows "Board not found" with a way back', async ({
  browser,
  baseURL,
  board,
}) => {
  const stranger = await signUp(browser, baseURL ?? '', 'Sid Stranger', DESKTOP);
  try {
    const page = await stranger.context.newPage();
    for (const id of ['does-not-exist', board.id]) {
      await page.goto(`/boards/${id}`);
      await expect(page.getByRole('heading', { name: 'Board not found' })).toBeVisible();
      await expect(page.getByText(board.name)).toHaveCount(0);
    }
    await page.getByRole('link', { name: 'Back to boards' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Pairboard' })).toBeVisible();
  } finally {
    await stranger.context.close();
  }
});

test('a signed-out visitor is sent to sign in, and comes back to the board afterwards', async ({
  page,
  owner,
  board,
}) => {
  await page.goto(`/boards/${board.id}`);
  await expect(page).toHaveURL(/\/signin\?next=/);
  await page.getByRole('textbox', { name: 'Email' }).fill(owner.user.email);
  await page.getByLabel('Password', { exact: true }).fill(owner.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: board.name })).toBeVisible();
});
