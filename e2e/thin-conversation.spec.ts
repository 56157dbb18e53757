import { expect, test } from '@playwright/test';
import { closeOpenedContexts, openWidget, sendAsVisitor, signIn } from './support/pages';

test.afterEach(closeOpenedContexts);

test('a visitor writes on the demo page, an operator answers live, and a reload keeps the conversation', async ({ browser }) => {
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await openWidget(visitor);
  await sendAsVisitor(visitor, 'When are you open?');
  const transcript = visitor.getByRole('log');
  await expect(transcript).toContainText('When are you open?');
  // The knowledge-base bot answers (its own message: the visitor's question alone says "open" too).
  await expect(transcript.getByText(/Assistant:/).first()).toBeVisible();
  await expect(transcript).toContainText(/Monday|open/i);

  const { page: operator } = await signIn(browser, 'demo@baton.test');
  await operator
    .getByRole('link', { name: /^Live/ })
    .or(operator.getByRole('tab', { name: /^Live/ }))
    .first()
    .click();
  await operator
    .getByRole('link', { name: /Bot is answering/ })
    .first()
    .click();
  await expect(operator.getByRole('log').first()).toContainText('When are you open?');
  await operator.getByRole('button', { name: 'Barge in' }).click();
  await expect(transcript).toContainText(/Dana/);
  await operator.getByLabel('Reply').fill('Hello from Dana at Lumen Lamps!');
  const replied = operator.waitForResponse((r) => r.url().endsWith('/reply'));
  await operator.getByRole('button', { name: 'Send' }).click();
  expect((await replied).status()).toBe(200);
  await expect(transcript).toContainText('Hello from Dana at Lumen Lamps!');
  // The operator's side agrees: the reply is in their transcript, not handed back as "Not sent".
  await expect(operator.getByRole('log').first()).toContainText('Hello from Dana at Lumen Lamps!');
  await expect(operator.getByText(/Not sent/)).toHaveCount(0);
  await expect(operator.getByLabel('Reply')).toHaveValue('');

  await sendAsVisitor(visitor, 'Thanks Dana');
  await expect(operator.getByRole('log').first()).toContainText('Thanks Dana');

  await visitor.reload();
  await visitor.getByRole('button', { name: /open chat|chat with us/i }).click();
  await expect(visitor.getByRole('log')).toContainText('Hello from Dana at Lumen Lamps!');
  await expect(visitor.getByRole('log')).toContainText('When are you open?');
});
