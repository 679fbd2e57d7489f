import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/index.ts';

// Issue 4, "remote, on a desk": the remote partner works the checklist from the keyboard, filters
// it, and edits several items at once. An empty board, so the items are the ones made here.
test.use({ boardTemplate: 'empty' });

function itemRow(page: Page, title: string): Locator {
  return page.getByRole('checkbox', { name: title, exact: true }).locator('xpath=ancestor::li[1]');
}

/** Focus on the page itself, out of any field, as after clicking an empty spot. */
async function leaveFields(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Checklists', level: 2 }).click();
}

test('j/k move, x ticks, v verifies only someone else’s work, / searches, ? lists them', async ({
  onsite,
  remote,
}) => {
  const suffix = crypto.randomUUID().slice(0, 6);
  const [first, second, third] = ['Print badges', 'Test microphones', 'Brief the ushers'].map(
    (title) => `${title} ${suffix}`,
  ) as [string, string, string];
  const page = remote.page;
  for (const title of [first, second, third]) await remote.addChecklistItem(title);
  await leaveFields(page);

  await test.step('j and k move a visible cursor through the items', async () => {
    await page.keyboard.press('j');
    await expect(itemRow(page, first)).toHaveAttribute('aria-current', 'true');
    await expect(itemRow(page, first)).toBeFocused();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(itemRow(page, third)).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('k');
    await expect(itemRow(page, second)).toHaveAttribute('aria-current', 'true');
    await expect(itemRow(page, third)).not.toHaveAttribute('aria-current', 'true');
  });

  await test.step('x ticks the item under the cursor, and the phone sees it', async () => {
    await page.keyboard.press('x');
    await expect(remote.checklistItem(second)).toBeChecked();
    await expect(onsite.checklistItem(second)).toBeChecked();
  });

  await test.step('v refuses my own work: the two-person rule', async () => {
    await page.keyboard.press('v');
    await expect(page.getByText(`You did “${second}”: your partner verifies it.`)).toBeVisible();
    await expect(itemRow(page, second)).not.toContainText('Verified by');
  });

  await test.step('v verifies the partner’s work', async () => {
    await onsite.tickChecklistItem(third);
    await expect(remote.checklistItem(third)).toBeChecked();
    await page.keyboard.press('j');
    await expect(itemRow(page, third)).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('v');
    await expect(itemRow(onsite.page, third)).toContainText(`Verified by ${remote.name}`);
  });

  await test.step('x on a done item unticks it', async () => {
    await page.keyboard.press('k');
    await page.keyboard.press('x');
    await expect(remote.checklistItem(second)).not.toBeChecked();
  });

  await test.step('/ focuses the guest search, and keys typed there are text, not shortcuts', async () => {
    const search = page.getByRole('textbox', { name: 'Search guests' });
    await page.keyboard.press('/');
    await expect(search).toBeFocused();
    await expect(search).toHaveValue('');
    await page.keyboard.type('jx');
    await expect(search).toHaveValue('jx');
    await expect(remote.checklistItem(second)).not.toBeChecked();
    await search.fill('');
  });

  await test.step('? lists the shortcuts in a dialog that keeps focus and closes with Esc', async () => {
    await leaveFields(page);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    for (const text of ['Search guests', 'Next checklist item', 'Tick or untick the selected item']) {
      await expect(dialog).toContainText(text);
    }
    const close = dialog.getByRole('button', { name: 'Close' });
    await expect(close).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(close).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(close).toBeFocused();
    // The page behind is inert: its shortcuts do nothing while the list is open.
    await page.keyboard.press('j');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});

test('filters with counts and empty states, and a bulk edit of several items in one go', async ({
  onsite,
  remote,
}) => {
  const suffix = crypto.randomUUID().slice(0, 6);
  const titles = ['Chairs', 'Lights', 'Signs', 'Water'].map((title) => `${title} ${suffix}`);
  const [chairs, lights, signs, water] = titles as [string, string, string, string];
  const page = remote.page;
  for (const title of titles) await remote.addChecklistItem(title);
  const filter = (name: string) =>
    page.getByRole('group', { name: 'Filter items' }).getByRole('button', { name: new RegExp(`^${name}`) });

  await test.step('bulk edit: select a range with shift-click, set status, owner and a past due time', async () => {
    await page.getByRole('button', { name: 'Select items' }).click();
    await page.getByRole('checkbox', { name: `Select ${chairs}` }).click();
    await page.getByRole('checkbox', { name: `Select ${signs}` }).click({ modifiers: ['Shift'] });
    await expect(page.getByText('3 selected')).toBeVisible();
    await page.getByLabel('Set status').selectOption({ label: 'Doing' });
    await page.getByLabel('Set owner').selectOption({ label: `${remote.name} · Remote` });
    await page.getByLabel('Set due time').fill('2020-01-01T09:00');
    await page.getByRole('button', { name: 'Apply to selected' }).click();
    await expect(page.getByText('Updated 3 items.')).toBeVisible();
    for (const title of [chairs, lights, signs]) {
      await expect(itemRow(page, title)).toContainText('Doing');
      await expect(itemRow(page, title)).toContainText('Overdue');
      await expect(itemRow(page, title)).toContainText(remote.name);
    }
    await expect(itemRow(page, water)).not.toContainText('Doing');
    // The partner's phone gets the whole edit.
    for (const title of [chairs, lights, signs])
      await expect(itemRow(onsite.page, title)).toContainText('Doing');
    await page.getByRole('button', { name: 'Stop selecting' }).click();
  });

  await test.step('filters show counts, combine, and say when nothing matches', async () => {
    await expect(filter('My pair')).toContainText('3');
    await expect(filter('Overdue')).toContainText('3');
    await expect(filter('Done, not verified')).toContainText('0');

    await filter('Overdue').click();
    await expect(filter('Overdue')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('Showing 3 of 4')).toBeVisible();
    await expect(remote.checklistItem(water)).toHaveCount(0);

    await filter('My pair').click();
    await expect(page.getByText('Showing 3 of 4')).toBeVisible();
    await filter('Done, not verified').click();
    await expect(page.getByText('No item matches all of these filters.')).toBeVisible();

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(remote.checklistItem(water)).toBeVisible();
    await filter('Done, not verified').click();
    await expect(page.getByText('Every done item is verified.')).toBeVisible();
    await filter('Done, not verified').click();
  });

  await test.step('open incidents by level', async () => {
    await remote.raiseIncident(`Brochures short ${suffix}`, 'Blue');
    await remote.raiseIncident(`Fire exit blocked ${suffix}`, 'Red');
    const levels = page.getByRole('group', { name: 'Show open incidents by level' });
    await expect(levels.getByRole('button', { name: /Red/ })).toContainText('1');
    await levels.getByRole('button', { name: /Yellow/ }).click();
    await expect(page.getByText('No open incidents at Yellow.')).toBeVisible();
    await levels.getByRole('button', { name: /Yellow/ }).click();
    await levels.getByRole('button', { name: /Red/ }).click();
    await expect(remote.incident(`Fire exit blocked ${suffix}`)).toBeVisible();
    await expect(remote.incident(`Brochures short ${suffix}`)).toHaveCount(0);
  });
});
