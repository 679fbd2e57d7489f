import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The client screen `/c/<token>` as a client sees it: read-only, no account, no board document,
 * only the redacted client view pushed over Socket.IO.
 */
export class ClientScreenPage {
  readonly page: Page;
  /** URL of every WebSocket the screen opened: a client must never open the sync endpoint. */
  readonly openedSockets: string[] = [];

  constructor(page: Page) {
    this.page = page;
    page.on('websocket', (socket) => this.openedSockets.push(socket.url()));
  }

  get pin(): Locator {
    // The PIN field may be a password-style input, which has no ARIA role; its label is the contract.
    return this.page.getByLabel('PIN', { exact: true });
  }

  get progress(): Locator {
    return this.page.getByRole('region', { name: 'Progress' }).getByText(/^\d+ of \d+ tasks done$/);
  }

  get attendance(): Locator {
    return this.page.getByRole('region', { name: 'Attendance' }).getByText(/^\d+ of \d+ arrived$/);
  }

  get updatedAt(): Locator {
    return this.page.getByText(/^Updated \d{2}:\d{2}:\d{2}$/);
  }

  get expired(): Locator {
    return this.page.getByText('This link has expired or was revoked');
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async enterPin(pin: string): Promise<void> {
    await this.pin.fill(pin);
    await this.page.getByRole('button', { name: 'Open', exact: true }).click();
  }

  /** The "N of M arrived" count, once the screen shows it. */
  async arrived(): Promise<number> {
    await expect(this.attendance).toBeVisible();
    const text = await this.attendance.textContent();
    const match = /^(\d+) of \d+ arrived$/.exec(text ?? '');
    if (!match) throw new Error(`attendance reads "${text}", not "N of M arrived"`);
    return Number(match[1]);
  }
}
