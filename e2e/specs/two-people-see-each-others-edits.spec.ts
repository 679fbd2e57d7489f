import { expect, test } from '../fixtures/index.ts';

// One person on site with a phone and one remote at a desk work the same demo board. Every edit one
// makes must reach the other over the live connection, without a reload.
test.use({ boardTemplate: 'demo' });

test('two people on one board see each other and each other’s edits', async ({ onsite, remote }) => {
  const suffix = crypto.randomUUID().slice(0, 6);

  await test.step('both see each other in "People online"', async () => {
    await expect(onsite.person(remote)).toBeVisible();
    await expect(remote.person(onsite)).toBeVisible();
  });

  await test.step('on site ticks a checklist item; remote sees it done and may verify it', async () => {
    const title = `Test the stage microphones ${suffix}`;
    await onsite.addChecklistItem(title);
    await expect(remote.checklistItem(title)).not.toBeChecked();
    await onsite.tickChecklistItem(title);
    await expect(remote.checklistItem(title)).toBeChecked();
    await expect(remote.page.getByRole('button', { name: `Verify ${title}`, exact: true })).toBeVisible();
  });

  await test.step('remote raises a red incident; on site sees it listed and alerted', async () => {
    const title = `Projector down in Hall B ${suffix}`;
    await remote.raiseIncident(title, 'Red');
    await expect(onsite.incident(title)).toContainText('Red');
    await expect(onsite.incident(title)).toContainText('Open');
    await expect(onsite.alert(title)).toBeVisible();
    // The alert is for everyone else: the person who raised it already knows.
    await expect(remote.alert(title)).toHaveCount(0);
  });

  await test.step('on site checks a guest in; remote sees who did it', async () => {
    const [guest] = await onsite.guestsNotCheckedIn();
    if (!guest) throw new Error('The demo board lists no guest waiting to be checked in.');
    await onsite.checkInGuest(guest);
    await remote.searchGuests(guest);
    await expect(remote.page.getByText(`Checked in by ${onsite.name}`)).toBeVisible();
  });

  await test.step('remote adds a walk-in; on site finds them', async () => {
    const walkIn = `Walk-in Wang ${suffix}`;
    await remote.addWalkIn(walkIn);
    await onsite.searchGuests(walkIn);
    await expect(onsite.checkInButton(walkIn)).toBeVisible();
  });
});
