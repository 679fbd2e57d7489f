import { expect, test } from '../fixtures/index.ts';
import { PASSWORD, uniqueEmail } from '../fixtures/accounts.ts';
import { SignInPage } from '../pages/SignInPage.ts';

test('a person signs up, signs out, and signs back in; a wrong password shows an error', async ({ page }) => {
  const name = 'Sam Signin';
  const email = uniqueEmail(name);
  const auth = new SignInPage(page);

  await test.step('sign up lands on my boards, signed in', async () => {
    await auth.signUp({ email, password: PASSWORD, name });
    await expect(page).toHaveURL(/\/$/);
    await expect(auth.accountMenu).toContainText(name);
  });

  await test.step('sign out ends the session; my boards asks to sign in again', async () => {
    await auth.signOut();
    await expect(page).toHaveURL(/\/signin/);
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
    await page.goto('/');
    await expect(page).toHaveURL(/\/signin/);
  });

  await test.step('a wrong password is refused with a message, and nobody is signed in', async () => {
    await auth.signIn({ email, password: `${PASSWORD} wrong` });
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
  });

  await test.step('the right password signs in', async () => {
    await auth.signIn({ email, password: PASSWORD });
    await expect(page).toHaveURL(/\/$/);
    await expect(auth.accountMenu).toContainText(name);
  });
});
