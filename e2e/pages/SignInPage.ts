import type { Locator, Page } from '@playwright/test';

/** `/signup`, `/signin` and the account menu, through the labels of the UI contract. */
export class SignInPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The account menu in the top bar (labelled "Account"); its visible text is the person's name. */
  get accountMenu(): Locator {
    return this.page.getByLabel('Account', { exact: true });
  }

  async signUp(person: { email: string; password: string; name: string }): Promise<void> {
    await this.page.goto('/signup');
    await this.page.getByRole('textbox', { name: 'Email' }).fill(person.email);
    // A password field has no ARIA role; its label is the contract.
    await this.page.getByLabel('Password', { exact: true }).fill(person.password);
    await this.page.getByRole('textbox', { name: 'Name' }).fill(person.name);
    await this.page.getByRole('button', { name: 'Create account' }).click();
  }

  async signIn(person: { email: string; password: string }): Promise<void> {
    if (!/\/signin/.test(this.page.url())) await this.page.goto('/signin');
    await this.page.getByRole('textbox', { name: 'Email' }).fill(person.email);
    await this.page.getByLabel('Password', { exact: true }).fill(person.password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async signOut(): Promise<void> {
    const signOut = this.page.getByRole('button', { name: 'Sign out', exact: true });
    // The menu folds its buttons away until it is opened.
    await this.accountMenu.click();
    await signOut.click();
  }
}
