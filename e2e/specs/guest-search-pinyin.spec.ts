import { expect, test } from '../fixtures/index.ts';

// Issue 4, item 7: staff at the door type names the way a Chinese keyboard makes easiest: full
// pinyin, or just the initials. The guest is a walk-in added here, on the demo board's 300
// guests, so the name is known and its pinyin needs no library in the test: a polyphonic
// surname (曾 reads zeng as a surname, ceng elsewhere) and three characters with one reading each.
test.use({ boardTemplate: 'demo' });

const GIVEN_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['晓', 'xiao'],
  ['明', 'ming'],
  ['华', 'hua'],
  ['文', 'wen'],
  ['丽', 'li'],
  ['国', 'guo'],
  ['海', 'hai'],
  ['雪', 'xue'],
  ['梅', 'mei'],
  ['林', 'lin'],
];

/** 曾 plus three random characters: four initials, which no two- or three-character demo name has. */
function randomChineseName(): { name: string; pinyin: string[] } {
  const picks = [0, 1, 2].map(
    () => GIVEN_NAMES[Math.floor(Math.random() * GIVEN_NAMES.length)] ?? ['明', 'ming'],
  );
  return {
    name: `曾${picks.map(([char]) => char).join('')}`,
    pinyin: ['zeng', ...picks.map(([, reading]) => reading)],
  };
}

test('pinyin initials and full pinyin find a Chinese name, on both screens', async ({ onsite, remote }) => {
  const { name, pinyin } = randomChineseName();
  const initials = pinyin.map((syllable) => syllable.charAt(0)).join('');

  await test.step('on site adds the guest as a walk-in', async () => {
    await onsite.addWalkIn(name);
    await onsite.searchGuests(name);
    await expect(onsite.checkInButton(name)).toBeVisible();
  });

  await test.step(`on site finds them by initials “${initials}”, in capitals too`, async () => {
    await onsite.searchGuests(initials);
    await expect(onsite.checkInButton(name)).toBeVisible();
    await onsite.searchGuests(initials.toUpperCase());
    await expect(onsite.checkInButton(name)).toBeVisible();
  });

  await test.step('remote finds them by full pinyin, run together or with spaces', async () => {
    await remote.searchGuests(pinyin.join(''));
    await expect(remote.checkInButton(name)).toBeVisible();
    await remote.searchGuests(pinyin.join(' '));
    await expect(remote.checkInButton(name)).toBeVisible();
  });

  await test.step('mixed characters and pinyin work, and the list says how many it shows', async () => {
    await remote.searchGuests(`曾${pinyin.slice(1).join('')}`);
    await expect(remote.checkInButton(name)).toBeVisible();
    await expect(remote.page.getByText(/^Showing \d+ of 301$/)).toBeVisible();
  });

  await test.step('the remote reaches the new guest, last of 301, with the keyboard alone', async () => {
    const search = remote.page.getByRole('textbox', { name: 'Search guests' });
    await search.fill('');
    await expect(remote.page.getByText('301 guests', { exact: true })).toBeVisible();
    await search.press('ArrowDown');
    await expect(remote.page.locator('[aria-posinset="1"] [data-row-action]')).toBeFocused();
    await remote.page.keyboard.press('End');
    await expect(remote.checkInButton(name)).toBeFocused();
    await expect(
      remote.page.getByRole('listitem').filter({ has: remote.checkInButton(name) }),
    ).toHaveAttribute('aria-posinset', '301');
  });

  await test.step('a search that matches no one says so', async () => {
    await onsite.searchGuests('qqqqxyz');
    await expect(onsite.page.getByText('No guest matches “qqqqxyz”.')).toBeVisible();
    await expect(onsite.page.getByRole('button', { name: /^Check in / })).toHaveCount(0);
  });
});
