import { expect, test } from '../fixtures/index.ts';

// Door staff are temporary volunteers: they may check guests in and add walk-ins, nothing else,
// and never see a guest's phone or email (PIPL/GDPR). The server keeps contact data in a document
// of its own that door staff cannot open; the page must not even try.
test.use({ boardTemplate: 'demo' });

/** An 11-digit mainland mobile number, the form the demo guests' phones take. */
const PHONE_NUMBER = /1[3-9]\d{9}/;

test('door staff check a guest in, see no other controls and no phone numbers', async ({ door, remote }) => {
  const suffix = crypto.randomUUID().slice(0, 6);
  const [guest] = await door.guestsNotCheckedIn();
  if (!guest) throw new Error('The demo board lists no guest waiting to be checked in.');

  await test.step('door staff get the guest check-in and walk-in form, and no checklist or incident controls', async () => {
    await expect(door.page.getByRole('textbox', { name: 'Search guests' })).toBeVisible();
    await expect(door.page.getByRole('button', { name: 'Add walk-in' })).toBeVisible();
    await expect(door.page.getByRole('textbox', { name: 'New item' })).toHaveCount(0);
    await expect(door.page.getByRole('button', { name: 'Add item' })).toHaveCount(0);
    await expect(door.page.getByRole('checkbox')).toHaveCount(0);
    await expect(door.page.getByRole('textbox', { name: 'Incident title' })).toHaveCount(0);
    await expect(door.page.getByRole('button', { name: 'Raise incident' })).toHaveCount(0);
  });

  await test.step('the remote editor sees the guest’s phone; door staff see none and never open the contacts doc', async () => {
    // The positive half keeps the negative half honest: the number exists and editors see it.
    await remote.searchGuests(guest);
    await expect(remote.phoneLinks.first()).toHaveText(PHONE_NUMBER);
    await door.searchGuests(guest);
    await expect(door.checkInButton(guest)).toBeVisible();
    await expect(door.phoneLinks).toHaveCount(0);
    await expect(door.page.locator('body')).not.toContainText(PHONE_NUMBER);
    expect(door.openedSockets.filter((url) => url.includes('~contacts'))).toEqual([]);
  });

  await test.step('door staff check the guest in; the remote sees who did it', async () => {
    await door.checkInGuest(guest);
    await expect(door.page.getByText(`Checked in by ${door.name}`)).toBeVisible();
    await remote.searchGuests(guest);
    await expect(remote.page.getByText(`Checked in by ${door.name}`)).toBeVisible();
  });

  await test.step('door staff add a walk-in; the remote finds them', async () => {
    const walkIn = `Walk-in Zhou ${suffix}`;
    await door.addWalkIn(walkIn);
    await remote.searchGuests(walkIn);
    await expect(remote.checkInButton(walkIn)).toBeVisible();
  });
});
