import { expect, type Locator, type Page } from '@playwright/test';

export type Position = 'onsite' | 'remote';

const POSITION_LABEL: Record<Position, string> = { onsite: 'On-site', remote: 'Remote' };

/** The board's panels, by the names of the phone's bottom tabs. */
export type BoardPanelName = 'Checklists' | 'Guests' | 'Incidents' | 'People';

/**
 * One member's view of `/boards/<id>`, driven through the roles and labels of the UI contract.
 * On a touch device actions are taps, the way people on site use it.
 */
export class BoardPage {
  readonly page: Page;
  readonly name: string;
  /** From the membership: editors have one, door staff and observers may not. */
  readonly position: Position | null;
  /** URL of every WebSocket this page opened, from construction on: which docs it was given. */
  readonly openedSockets: string[] = [];
  private readonly touch: boolean;

  constructor(page: Page, person: { name: string; position: Position | null; touch: boolean }) {
    this.page = page;
    this.name = person.name;
    this.position = person.position;
    this.touch = person.touch;
    page.on('websocket', (socket) => this.openedSockets.push(socket.url()));
  }

  /** "<name> · On-site": how this person is listed under "People online". */
  get presenceLabel(): string {
    return this.position ? `${this.name} · ${POSITION_LABEL[this.position]}` : this.name;
  }

  get connection(): Locator {
    return this.page.getByRole('status', { name: 'Connection' });
  }

  /**
   * Opens the board as the signed-in member (name, role and position come from the account and
   * the membership) and waits until the doc is synced.
   */
  async open(boardId: string, boardName: string): Promise<void> {
    await this.page.goto(`/boards/${boardId}`);
    await expect(this.page.getByRole('heading', { level: 1, name: boardName })).toBeVisible();
    // Writing before the first sync is not allowed (the server seeds boards), so wait for "Online".
    await expect(this.connection).toContainText('Online');
  }

  // Checklists

  checklistItem(title: string): Locator {
    return this.page.getByRole('checkbox', { name: title, exact: true });
  }

  async addChecklistItem(title: string): Promise<void> {
    await this.showPanel('Checklists');
    await this.page.getByRole('textbox', { name: 'New item' }).fill(title);
    await this.press(this.page.getByRole('button', { name: 'Add item' }));
    await expect(this.checklistItem(title)).toBeVisible();
  }

  async tickChecklistItem(title: string): Promise<void> {
    await this.showPanel('Checklists');
    await this.press(this.checklistItem(title));
    await expect(this.checklistItem(title)).toBeChecked();
  }

  // Guests

  checkInButton(guestName: string): Locator {
    return this.page.getByRole('button', { name: `Check in ${guestName}`, exact: true });
  }

  /** Phone numbers on guest rows (`tel:` links): only roles that may open the contacts doc get them. */
  get phoneLinks(): Locator {
    return this.page.locator('a[href^="tel:"]');
  }

  async searchGuests(query: string): Promise<void> {
    await this.showPanel('Guests');
    await this.page.getByRole('textbox', { name: 'Search guests' }).fill(query);
  }

  /**
   * Names of guests listed with a "Check in" button whose row does not already say "Checked in by",
   * in list order. Reads the accessible name the way assistive tech does: aria-label, else the text.
   */
  async guestsNotCheckedIn(): Promise<string[]> {
    await this.showPanel('Guests');
    const buttons = this.page.getByRole('button', { name: /^Check in / });
    await expect(buttons.first()).toBeVisible();
    return buttons.evaluateAll((elements) =>
      elements
        .filter(
          (el) =>
            !el.closest('li, tr, [role="listitem"], [role="row"]')?.textContent?.includes('Checked in by'),
        )
        .map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim())
        .map((label) => label.replace(/^Check in /, '')),
    );
  }

  async checkInGuest(guestName: string): Promise<void> {
    await this.searchGuests(guestName);
    await this.press(this.checkInButton(guestName));
  }

  async addWalkIn(guestName: string): Promise<void> {
    await this.showPanel('Guests');
    await this.page.getByRole('textbox', { name: 'Guest name' }).fill(guestName);
    await this.press(this.page.getByRole('button', { name: 'Add walk-in' }));
  }

  // Incidents

  incident(title: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: title });
  }

  alert(title: string): Locator {
    return this.page.getByRole('alert').filter({ hasText: title });
  }

  async raiseIncident(title: string, level: 'Blue' | 'Yellow' | 'Red'): Promise<void> {
    await this.showPanel('Incidents');
    await this.page.getByRole('textbox', { name: 'Incident title' }).fill(title);
    await this.page.getByRole('radio', { name: level, exact: true }).check();
    await this.press(this.page.getByRole('button', { name: 'Raise incident' }));
    await expect(this.incident(title)).toBeVisible();
  }

  // People online

  person(other: BoardPage): Locator {
    return this.page.getByRole('listitem').filter({ hasText: other.presenceLabel });
  }

  // Panels, verification, alerts (issue 4: phone tabs, two-person sign-off, red alert banner)

  /** The phone's bottom tabs; a desk shows every panel side by side and has none. */
  get panelTabs(): Locator {
    return this.page.getByRole('tablist', { name: 'Board sections' });
  }

  /** Brings a panel on screen: on a phone taps its tab, on a desk every panel is already there. */
  async showPanel(name: BoardPanelName): Promise<void> {
    if (!(await this.panelTabs.isVisible())) return;
    const tab = this.panelTabs.getByRole('tab', { name: new RegExp(`^${name}`) });
    if ((await tab.getAttribute('aria-selected')) !== 'true') await this.press(tab);
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  verifyButton(title: string): Locator {
    return this.page.getByRole('button', { name: `Verify ${title}`, exact: true });
  }

  /** The second half of the two-person sign-off: only someone other than the doer is offered it. */
  async verifyChecklistItem(title: string): Promise<void> {
    await this.showPanel('Checklists');
    await this.press(this.verifyButton(title));
    await expect(this.checklistItem(title).locator('xpath=ancestor::li[1]')).toContainText(
      `Verified by ${this.name}`,
    );
  }

  /** Acknowledges a red incident from its alert banner (which then leaves every screen). */
  async acknowledgeAlert(title: string): Promise<void> {
    await this.press(
      this.page.getByRole('button', { name: `Acknowledge red incident ${title}`, exact: true }),
    );
    await expect(this.alert(title)).toHaveCount(0);
  }

  /** Tap on a touch device, click elsewhere. */
  private async press(target: Locator): Promise<void> {
    if (this.touch) await target.tap();
    else await target.click();
  }
}
