import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';

/** A visitor on the demo shop, with the widget opened. */
export async function openWidget(page: Page, path = '/demo'): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: /open chat|chat with us/i }).click();
  await expect(page.getByLabel('Message', { exact: true })).toBeVisible();
}

export async function sendAsVisitor(page: Page, text: string): Promise<void> {
  const input = page.getByLabel('Message', { exact: true });
  await input.fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

/** An operator signed in to the inbox in its own browser context. */
export async function signIn(browser: Browser, email: string, password = 'baton-demo'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/inbox/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page
      .getByRole('link', { name: /Awaiting handoff/ })
      .or(page.getByRole('tab', { name: /Awaiting handoff/ }))
      .first(),
  ).toBeVisible();
  return { context, page };
}

/**
 * How the visitor is told a handoff started: "connecting" when someone is online, the honest
 * "nobody available" or "outside hours" (with a callback offer) otherwise. Operators signed in by an
 * earlier journey stay online for a grace period, so journeys that do not set presence accept each.
 */
export const HANDOFF_NOTICE = /Connecting you with a person…|Nobody from our team is available right now\.|outside our working hours/;

/**
 * After each journey, closes the browser contexts it opened itself (`browser.newContext()`), so their
 * pages, sockets and heartbeats do not pile up in the shared browser for the rest of the run.
 * The test's own `context` fixture is left to Playwright.
 */
export async function closeOpenedContexts({ browser, context }: { browser: Browser; context: BrowserContext }): Promise<void> {
  await Promise.all(
    browser
      .contexts()
      .filter((c) => c !== context)
      .map((c) => c.close()),
  );
}
