import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures/index.ts';

// Issue 4, first "Done when": an on-site phone and a remote desk on the same board. Tick, verify
// (by the other person), check a guest in, raise a red incident: each change appears on the other
// screen without a reload, and the red alert shows.
test.use({ boardTemplate: 'demo' });

/** The row of a checklist item, where "Done by", "Verified by" and the highlight show. */
function itemRow(checkbox: Locator): Locator {
  return checkbox.locator('xpath=ancestor::li[1]');
}

test('on site and remote see each other’s ticks, verifications, check-ins and red incidents', async ({
  onsite,
  remote,
}) => {
  const suffix = crypto.randomUUID().slice(0, 6);
  const title = `Test the stage microphones ${suffix}`;

  await test.step('both see each other online, with the side they work on', async () => {
    await expect(remote.person(onsite)).toBeVisible();
    await onsite.showPanel('People');
    await expect(onsite.person(remote)).toBeVisible();
  });

  await test.step('remote prepares an item; on site ticks it with one tap', async () => {
    await remote.addChecklistItem(title);
    await onsite.showPanel('Checklists');
    await expect(onsite.checklistItem(title)).not.toBeChecked();
    await onsite.checklistItem(title).tap();
    await expect(onsite.checklistItem(title)).toBeChecked();
    // The doer never verifies their own work: the phone waits for the partner.
    await expect(onsite.verifyButton(title)).toHaveCount(0);
    await expect(itemRow(onsite.checklistItem(title))).toContainText(
      'Waiting for the other partner to verify',
    );
  });

  await test.step('remote sees the tick at once, highlighted as the partner’s change', async () => {
    await expect(remote.checklistItem(title)).toBeChecked();
    const row = itemRow(remote.checklistItem(title));
    await expect(row).toContainText(`Done by ${onsite.name}`);
    await expect(row).toHaveClass(/\brecent\b/);
    await expect(row).toContainText('Just changed');
    // The highlight is for a few seconds, not for good.
    await expect(row).not.toHaveClass(/\brecent\b/, { timeout: 8_000 });
  });

  await test.step('remote verifies; on site sees who verified', async () => {
    await remote.verifyChecklistItem(title);
    await expect(itemRow(onsite.checklistItem(title))).toContainText(`Verified by ${remote.name}`);
  });

  await test.step('on site checks a guest in; remote sees who did it', async () => {
    const [guest] = await onsite.guestsNotCheckedIn();
    if (!guest) throw new Error('The demo board lists no guest waiting to be checked in.');
    await onsite.checkInGuest(guest);
    await remote.searchGuests(guest);
    await expect(remote.page.getByText(`Checked in by ${onsite.name}`)).toBeVisible();
  });

  await test.step('on site raises a red incident in three taps; remote gets the alert', async () => {
    const incident = 'Medical emergency';
    const dialog = onsite.page.getByRole('dialog', { name: /What happened|How serious/ });
    const taps = [
      onsite.page.getByRole('button', { name: 'Raise an incident' }),
      dialog.getByRole('button', { name: /^Red\b/ }),
      dialog.getByRole('button', { name: incident, exact: true }),
    ];
    for (const target of taps) await target.tap();
    await expect(dialog).toBeHidden();
    await expect(remote.alert(incident)).toBeVisible();
    await expect(remote.alert(incident)).toContainText(`Raised by ${onsite.name}`);
    await expect(remote.incident(incident)).toContainText('Red');
    // The alert is for everyone else: the person who raised it already knows.
    await expect(onsite.alert(incident)).toHaveCount(0);

    await remote.acknowledgeAlert(incident);
    await onsite.showPanel('Incidents');
    await expect(onsite.incident(incident)).toContainText('Acknowledged');
  });

  await test.step('remote raises a red incident; the phone shows the alert on any tab', async () => {
    const incident = `Projector down in Hall B ${suffix}`;
    await onsite.showPanel('Guests');
    await remote.raiseIncident(incident, 'Red');
    await expect(onsite.alert(incident)).toBeVisible();
    await expect(remote.alert(incident)).toHaveCount(0);
    await onsite.acknowledgeAlert(incident);
    await expect(remote.incident(incident)).toContainText('Acknowledged');
  });
});
