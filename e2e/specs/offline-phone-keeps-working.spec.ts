import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/index.ts';
import type { BoardPage } from '../pages/BoardPage.ts';
import { SignInPage } from '../pages/SignInPage.ts';

// On the venue floor the phone loses the network for minutes at a time. The on-site partner keeps
// ticking, checking guests in and raising incidents; the phone says how many changes are waiting,
// survives a reload without network (the board is kept in the browser, the app by its service
// worker), and when the network returns everything reaches the remote partner exactly once.
test.use({ boardTemplate: 'demo' });

/** The names the local copies of the boards (IndexedDB) carry in this browser. */
function localCopies(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases())
      .map((database) => database.name ?? '')
      .filter((name) => name.startsWith('pairboard:')),
  );
}

/** On a phone the board shows one section at a time, behind tabs; a desktop shows them all. */
async function show(board: BoardPage, section: 'Checklists' | 'Guests' | 'Incidents'): Promise<void> {
  const tab = board.page.getByRole('tab', { name: new RegExp(`^${section}`) });
  if (await tab.isVisible()) await tab.click();
}

/**
 * Waits until a reload without network can work: the service worker controls the page (it keeps
 * the app's files) and the board page's API reads are kept for offline.
 */
async function waitUntilReadyForOffline(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
  });
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open('pairboard-api')).keys()).length))
    .toBeGreaterThanOrEqual(3);
}

/** The guest's row in the list, saying who checked them in. */
function checkedIn(board: BoardPage, guest: string, by: string) {
  return board.page
    .getByRole('listitem')
    .filter({ hasText: guest })
    .filter({ hasText: `Checked in by ${by}` });
}

test('a phone keeps working offline, across a reload, and everything arrives once', async ({
  onsite,
  remote,
}) => {
  const suffix = crypto.randomUUID().slice(0, 6);
  const items = [`Count the lanyards ${suffix}`, `Test the stage microphones ${suffix}`];
  // Guests of its own, so no other guest of the demo board shares their names.
  const guests = [`Chen Jing ${suffix}`, `Zhou Min ${suffix}`];
  const incident = `Badge printer jammed ${suffix}`;

  await test.step('online: the items to tick and the guests exist, and the phone is ready for offline', async () => {
    await show(onsite, 'Checklists');
    for (const title of items) await onsite.addChecklistItem(title);
    await show(onsite, 'Guests');
    for (const guest of guests) await onsite.addWalkIn(guest);
    await expect(onsite.connection).toHaveText('Online · all changes saved');
    await waitUntilReadyForOffline(onsite.page);
  });

  await test.step('offline: five changes, and the phone says they are waiting', async () => {
    await onsite.page.context().setOffline(true);
    await expect(onsite.connection).toHaveText('Offline');
    await show(onsite, 'Checklists');
    for (const title of items) await onsite.tickChecklistItem(title);
    await show(onsite, 'Guests');
    for (const guest of guests) {
      await onsite.checkInGuest(guest);
      await expect(checkedIn(onsite, guest, onsite.name)).toBeVisible();
    }
    await show(onsite, 'Incidents');
    await onsite.raiseIncident(incident, 'Yellow');
    await expect(onsite.connection).toHaveText('Offline — 5 changes waiting');
    // Nothing has reached the remote partner.
    await expect(remote.incident(incident)).toHaveCount(0);
  });

  await test.step('a reload without network shows the board and the five changes still waiting', async () => {
    await onsite.page.reload();
    await expect(onsite.page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(onsite.connection).toHaveText('Offline — 5 changes waiting');
    await show(onsite, 'Checklists');
    for (const title of items) await expect(onsite.checklistItem(title)).toBeChecked();
    await show(onsite, 'Incidents');
    await expect(onsite.incident(incident)).toBeVisible();
    await show(onsite, 'Guests');
    for (const guest of guests) {
      await onsite.searchGuests(guest);
      await expect(checkedIn(onsite, guest, onsite.name)).toHaveCount(1);
    }
  });

  await test.step('back online: all changes saved, and the remote partner has each one once', async () => {
    await onsite.page.context().setOffline(false);
    await expect(onsite.connection).toHaveText('Online · all changes saved');
    for (const title of items) await expect(remote.checklistItem(title)).toBeChecked();
    await expect(remote.incident(incident)).toHaveCount(1);
    for (const guest of guests) {
      await remote.searchGuests(guest);
      await expect(checkedIn(remote, guest, onsite.name)).toHaveCount(1);
    }
  });
});

test('signing out deletes the person’s local copies of the board', async ({ onsite }) => {
  await waitUntilReadyForOffline(onsite.page);
  await expect.poll(() => localCopies(onsite.page)).not.toEqual([]);

  await new SignInPage(onsite.page).signOut();
  await expect(onsite.page).toHaveURL(/\/signin/);
  await expect.poll(() => localCopies(onsite.page)).toEqual([]);
});
