import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/index.ts';

// Issue 4, item 2: two people at two doors check the same guest in. The earlier check-in stands
// (sync-core keeps the earliest), and the second phone says so in amber, with who and when,
// instead of a green "checked in" that would send a second badge to the printer.
test.use({ boardTemplate: 'demo' });

/**
 * Routes the page's Yjs socket through the test, so it can stop hearing the server for a while
 * (the way a phone on a weak venue network does) while what it sends still goes out. Set up
 * before the page opens its socket.
 */
async function holdIncomingSync(page: Page): Promise<{ hold(): void; release(): void }> {
  let holding = false;
  const held: Array<() => void> = [];
  await page.routeWebSocket(/\/yjs\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (holding) held.push(() => ws.send(message));
      else ws.send(message);
    });
  });
  return {
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const deliver of held.splice(0)) deliver();
    },
  };
}

/** The guest rows: the amber result also says "checked in by", so row checks look only here. */
function guestList(page: Page) {
  return page.getByRole('list', { name: 'Guest list' });
}

function checkInResult(page: Page) {
  return page.getByRole('status').filter({ has: page.getByText(/checked in|Check-in undone/i) });
}

test('the second person to check a guest in sees who was first, in amber', async ({
  onsite,
  door,
  board,
}) => {
  const sync = await holdIncomingSync(door.page);
  await door.open(board.id, board.name);
  const [guest] = await onsite.guestsNotCheckedIn();
  if (!guest) throw new Error('The demo board lists no guest waiting to be checked in.');
  await door.searchGuests(guest);
  await expect(door.checkInButton(guest)).toBeVisible();

  await test.step('on site checks the guest in first and sees it big and green', async () => {
    sync.hold();
    await onsite.checkInGuest(guest);
    await expect(checkInResult(onsite.page)).toContainText(guest);
    await expect(checkInResult(onsite.page)).toContainText(/Checked in at \d{1,2}:\d{2}/);
  });

  await test.step('the door, not yet told, checks the same guest in', async () => {
    await expect(door.checkInButton(guest)).toBeVisible();
    await door.page.getByRole('button', { name: `Check in ${guest}`, exact: true }).tap();
    await expect(checkInResult(door.page)).toContainText(guest);
  });

  await test.step('once the door hears the server, its result turns amber: already checked in by on site', async () => {
    sync.release();
    const result = checkInResult(door.page);
    await expect(result).toContainText(new RegExp(`Already checked in by ${onsite.name} at \\d{1,2}:\\d{2}`));
    await expect(result.getByRole('button', { name: 'Undo this check-in' })).toHaveCount(0);
    await expect(guestList(door.page)).toContainText(`Checked in by ${onsite.name}`);
  });

  await test.step('on site keeps the green result: its check-in is the one that stands', async () => {
    await expect(checkInResult(onsite.page)).toContainText(/Checked in at/);
    await expect(guestList(onsite.page)).toContainText(`Checked in by ${onsite.name}`);
  });
});
