import { expect, type Page, test } from '@playwright/test';
import { closeOpenedContexts, HANDOFF_NOTICE, openWidget, sendAsVisitor, signIn } from './support/pages';

test.afterEach(closeOpenedContexts);

// On the demo page, each kind of handoff reaches the right queue with its reason,
// and the visitor sees the bot stop.

async function conversationRowFor(operator: Page, queue: string, reason: RegExp) {
  await operator
    .getByRole('link', { name: /^Awaiting handoff/ })
    .first()
    .click();
  const row = operator
    .getByRole('link', { name: new RegExp(`Queue: ${queue}`, 'i') })
    .filter({ hasText: reason })
    .first();
  await expect(row).toBeVisible();
  return row;
}

test.describe('handoff triggers on the demo page', () => {
  test('an explicit request for a person hands off at once to General and the bot stops', async ({ browser }) => {
    const visitor = await (await browser.newContext()).newPage();
    await openWidget(visitor);
    await sendAsVisitor(visitor, 'I want to talk to a real person please');
    const log = visitor.getByRole('log');
    await expect(log).toContainText(HANDOFF_NOTICE);
    const botAnswers = log.getByText(/Assistant:/);
    const before = await botAnswers.count();

    const { page: operator } = await signIn(browser, 'demo@baton.test');
    const row = await conversationRowFor(operator, 'General', /asked for a person/i);
    await sendAsVisitor(visitor, 'hello? anyone there?');
    await row.click();
    await expect(operator.getByRole('log').first()).toContainText('hello? anyone there?');
    await operator.getByRole('button', { name: 'Claim' }).click();
    // The claim has landed (the visitor is told) before the operator writes, as in the other journeys.
    await expect(log).toContainText('Dana joined the conversation.');
    await expect(operator.getByLabel('Reply')).toBeEditable();
    await operator.getByLabel('Reply').fill('Hi, Dana here.');
    await operator.getByRole('button', { name: 'Send' }).click();
    await expect(log).toContainText('Hi, Dana here.');
    // The message sent while waiting got no bot answer: the bot stays silent once a person is awaited.
    await expect(botAnswers).toHaveCount(before);
  });

  test('a refund is a policy topic that goes to Billing, with the order number in the case', async ({ browser }) => {
    const visitor = await (await browser.newContext()).newPage();
    await openWidget(visitor);
    await sendAsVisitor(visitor, 'I want a refund for order 48213, the lamp arrived broken');
    await expect(visitor.getByRole('log')).toContainText('your refund');
    const { page: operator } = await signIn(browser, 'demo@baton.test');
    const row = await conversationRowFor(operator, 'Billing', /refund/i);
    await row.click();
    await expect(
      operator
        .getByRole('complementary')
        .or(operator.getByRole('region', { name: /case/i }))
        .first(),
    ).toContainText('48213');
  });

  test('a question the bot cannot answer is handed over as out of scope', async ({ browser }) => {
    const visitor = await (await browser.newContext()).newPage();
    await openWidget(visitor);
    await sendAsVisitor(visitor, 'Can you give me legal advice?');
    const log = visitor.getByRole('log');
    await expect(log).toContainText('not able to give legal advice');
    await expect(log).toContainText(HANDOFF_NOTICE);
    const { page: operator } = await signIn(browser, 'demo@baton.test');
    await conversationRowFor(operator, 'General', /cannot|can't|not able|out of scope/i);
  });

  test('buying intent goes to Sales', async ({ browser }) => {
    const visitor = await (await browser.newContext()).newPage();
    await openWidget(visitor);
    await sendAsVisitor(visitor, 'How much would 60 Aurora lamps cost for our office? We need a quote.');
    await expect(visitor.getByRole('log')).toContainText(HANDOFF_NOTICE);
    const { page: operator } = await signIn(browser, 'demo@baton.test');
    await conversationRowFor(operator, 'Sales', /.+/);
  });
});
