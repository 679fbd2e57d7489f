import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/index.ts';

// Issue 5: an organiser starts an event from a scenario template in the board's language, saves
// it as their own template, and starts the next event from that one.

const ROLLOUT_EN = [
  '1. Needs diagnosis and targets',
  '2. Team forming and training',
  '3. SOP and templates in place',
  '4. On-site execution with live records',
  '5. Review and improvement',
];

async function createFromTemplate(page: Page, options: { template: RegExp; name: string; language: string }) {
  await page.goto('/');
  await page.getByRole('radio', { name: options.template }).check();
  await page.getByRole('textbox', { name: 'Event name' }).fill(options.name);
  await page.getByRole('combobox', { name: 'Board language' }).selectOption({ label: options.language });
  await page.getByRole('button', { name: 'Create from template' }).click();
  await expect(page.getByRole('heading', { level: 1, name: options.name })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Online');
  return new URL(page.url()).pathname;
}

function sectionTitles(page: Page) {
  return page.getByRole('heading', { level: 4 });
}

test('an organiser creates a board from a template, saves it as a template and reuses it', async ({
  owner,
}) => {
  const page = await owner.context.newPage();
  const suffix = crypto.randomUUID().slice(0, 6);

  await test.step('the picker describes each scenario', async () => {
    await page.goto('/');
    await expect(page.getByRole('radio')).toHaveCount(4);
    await expect(page.getByText('Several cities at once: one process, one standard')).toBeVisible();
  });

  const launch = `Launch ${suffix}`;
  let launchPath = '';
  await test.step('an on-site event board in English has the five rollout sections', async () => {
    launchPath = await createFromTemplate(page, {
      template: /On-site event and reception/,
      name: launch,
      language: 'English',
    });
    await expect(page.getByRole('heading', { level: 3, name: 'Event run checklist' })).toBeVisible();
    await expect(sectionTitles(page)).toHaveText(ROLLOUT_EN);
    await expect(
      page.getByRole('checkbox', { name: '[On-site] Finish the set-up and rehearse' }),
    ).toBeVisible();
  });

  await test.step('a board in Chinese gets the Chinese text', async () => {
    await createFromTemplate(page, {
      template: /Cross-region coordination/,
      name: `多城路演 ${suffix}`,
      language: '中文',
    });
    await expect(page.getByRole('heading', { level: 3, name: '多城协同清单' })).toBeVisible();
    await expect(sectionTitles(page).first()).toHaveText('1. 需求诊断与目标');
  });

  const templateName = `Our launch ${suffix}`;
  await test.step('the first board is saved as a template on its share page', async () => {
    await page.goto(`${launchPath}/share`);
    await page.getByRole('textbox', { name: 'Template name' }).fill(templateName);
    await page.getByRole('button', { name: 'Save as template' }).click();
    await expect(page.getByRole('status').filter({ hasText: templateName })).toBeVisible();
  });

  await test.step('a new board from my template has the same sections', async () => {
    await createFromTemplate(page, {
      template: new RegExp(templateName),
      name: `Launch again ${suffix}`,
      language: 'English',
    });
    await expect(sectionTitles(page)).toHaveText(ROLLOUT_EN);
    await expect(
      page.getByRole('checkbox', { name: '[On-site] Finish the set-up and rehearse' }),
    ).toBeVisible();
  });
});
