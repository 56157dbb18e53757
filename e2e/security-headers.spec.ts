import { expect, test } from '@playwright/test';
import { DANA } from './support/inbox';
import { closeOpenedContexts, openWidget, sendAsVisitor, signIn } from './support/pages';

// The inbox under its CSP (helmet) still signs in and opens its socket, and the widget still embeds
// in the /demo host page and talks to the server: no CSP violation on either page.

test.afterEach(closeOpenedContexts);

test('the inbox runs under its CSP and the widget still embeds on the demo page', async ({ browser }) => {
  const { page: inbox } = await signIn(browser, DANA.email);
  const violations: string[] = [];
  inbox.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const headers = (await inbox.request.get('/inbox/')).headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  await inbox.reload();
  await expect(inbox.getByText(`Signed in as ${DANA.name}`)).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  visitor.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await openWidget(visitor, '/demo');
  await sendAsVisitor(visitor, 'does the widget still work under the new headers?');
  await expect(
    visitor
      .getByRole('log')
      .getByText(/Assistant:/)
      .first(),
  ).toBeVisible();
  expect(violations).toEqual([]);
});
