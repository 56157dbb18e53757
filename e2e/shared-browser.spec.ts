import { createHmac } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { closeOpenedContexts, openWidget, sendAsVisitor } from './support/pages';

// One browser, two people: Baton.reset() at logout forgets the visitor here, and a different
// verified person signing in never sees the earlier transcript.

test.afterEach(closeOpenedContexts);

type Baton = { identify(i: object): void; reset(): void; open(): void };
const hashFor = (id: string) => createHmac('sha256', 'demo-secret-change-me').update(id).digest('hex');
const identify = (page: Page, id: string, name: string) =>
  page.evaluate(([i, n, h]) => (window as unknown as { Baton: Baton }).Baton.identify({ id: i, name: n, userHash: h }), [
    id,
    name,
    hashFor(id),
  ] as const);
const storedToken = (page: Page) => page.evaluate(() => localStorage.getItem('baton:demo:visitor'));

test('Baton.reset() at logout: the next person starts as a new visitor with an empty chat', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await openWidget(page, '/demo');
  await sendAsVisitor(page, 'my order number is 48213, private');
  const log = page.getByRole('log');
  await expect(log.getByText(/Assistant:/).first()).toBeVisible();
  const first = await storedToken(page);
  expect(first).not.toBeNull();

  await page.evaluate(() => (window as unknown as { Baton: Baton }).Baton.reset());
  expect(await storedToken(page)).toBeNull();
  await expect(page.getByLabel('Message', { exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Open chat' }).click();
  await expect(page.getByLabel('Message', { exact: true })).toBeVisible();
  await expect(page.getByRole('log').getByText('my order number is 48213, private')).toHaveCount(0);
  await sendAsVisitor(page, 'hello from the next person');
  await expect(page.getByRole('log').getByText('hello from the next person')).toBeVisible();
  const second = await storedToken(page);
  expect(second).not.toBeNull();
  expect(second).not.toBe(first);
});

test('a different verified id on the same widget gets a new visitor, not the earlier transcript', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/demo');
  await identify(page, 'shared-ana', 'Ana Shared');
  await openWidget(page, '/demo');
  await identify(page, 'shared-ana', 'Ana Shared');
  await sendAsVisitor(page, 'Ana writes something private');
  await expect(page.getByRole('log').getByText('Ana writes something private')).toBeVisible();
  const anas = await storedToken(page);

  await identify(page, 'shared-bo', 'Bo Shared');
  await expect(page.getByRole('log').getByText('Ana writes something private')).toHaveCount(0);
  await expect.poll(() => storedToken(page)).not.toBe(anas);
  await sendAsVisitor(page, 'Bo writes');
  await expect(page.getByRole('log').getByText('Bo writes')).toBeVisible();
});
