import { expect, type Page, test } from '@playwright/test';
import { closeContexts, freshPage, SAM, viewLink } from './support/inbox';

test.afterEach(closeContexts);

/** Submits the form; resolves with the server's answer to the sign-in request. */
async function signInWith(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  const response = await answer;
  return { status: response.status(), body: await response.text() };
}

test('a refused sign-in never says whether the email exists', async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto('/inbox/');

  const wrongPassword = await signInWith(page, SAM.email, 'not-the-password');
  const refusal = page.getByRole('alert');
  await expect(refusal).toHaveText('Email or password is not correct.');
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Email or password is not correct.');

  const unknownEmail = await signInWith(page, 'nobody-here@baton.test', 'not-the-password');
  await expect(refusal).toHaveText('Email or password is not correct.');
  // The server's answers are identical too, so nothing tells a known address from an unknown one.
  expect(unknownEmail).toEqual(wrongPassword);
  expect(wrongPassword.status).toBe(401);
  await expect(viewLink(page, 'Awaiting handoff')).toHaveCount(0);
});

test('signing out returns to the sign-in form, and a reload does not sign back in', async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto('/inbox/');
  // Its own session (not the run's shared one): signing out revokes it.
  await signInWith(page, SAM.email, 'baton-demo');
  await expect(page.getByText(`Signed in as ${SAM.name}`)).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Email')).toBeVisible();
  await expect(viewLink(page, 'Awaiting handoff')).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(`Signed in as ${SAM.name}`)).toHaveCount(0);
});
