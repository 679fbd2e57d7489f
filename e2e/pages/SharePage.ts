import { expect, type Page } from '@playwright/test';

/** `/boards/<id>/share` as an owner uses it, through its labels. */
export class SharePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(boardId: string): Promise<void> {
    await this.page.goto(`/boards/${boardId}/share`);
    await expect(this.page.getByRole('heading', { name: 'Client links' })).toBeVisible();
  }

  /** Creates a client link and returns its URL, which the page shows only once. */
  async createClientLink(options: { name: string; pin?: string }): Promise<string> {
    await this.page.getByLabel('Link name (optional)').fill(options.name);
    if (options.pin) await this.page.getByLabel('PIN (optional, 4 to 8 digits)').fill(options.pin);
    await this.page.getByRole('button', { name: 'Create client link' }).click();
    const shown = this.page.getByRole('textbox', { name: 'Client link', exact: true });
    await expect(shown).toHaveValue(/\/c\/[^/]+$/);
    return shown.inputValue();
  }

  async revokeClientLink(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Revoke client link ${name}`, exact: true }).click();
    await expect(this.page.getByRole('listitem').filter({ hasText: name })).toContainText('Revoked');
  }
}
