import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { closeOpenConversations, withE2eDb } from './support/db';
import { confirmAction } from './support/inbox';
import { closeOpenedContexts, openWidget, sendAsVisitor, signIn } from './support/pages';

test.afterEach(closeOpenedContexts);

// Every state the visitor can be in, each with its own rendering and an axe check.

test('the visitor always sees what is happening, from the bot to a rating', async ({ browser }) => {
  await closeOpenConversations();
  const { page: operator } = await signIn(browser, 'demo@baton.test');
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await openWidget(visitor);
  const log = visitor.getByRole('log');
  await expect(visitor.getByRole('dialog', { name: 'Chat with us' })).toBeVisible();
  await expect(visitor.getByLabel('Message', { exact: true })).toBeFocused();
  await expectNoSeriousA11yViolations(visitor, 'baton-chat');

  // Bot conversation, with the way to a person always visible.
  const marker = `How long does shipping take? (ref ${Date.now()})`;
  await sendAsVisitor(visitor, marker);
  await expect(log.getByText(/Assistant:/).first()).toBeVisible();
  await expect(visitor.getByRole('button', { name: 'Talk to a person' })).toBeVisible();

  // Escalation: connecting, why, what more is needed.
  await sendAsVisitor(visitor, 'I want to return my order');
  await expect(visitor.getByText(/So that a person can help you with your return/)).toBeVisible();
  await sendAsVisitor(visitor, 'Actually, just get me a person please');
  await expect(visitor.getByText('Connecting you with a person…').first()).toBeVisible();
  await expect(visitor.getByText(/About: your return/).first()).toBeVisible();
  await expect(visitor.getByText(/You are number 1 in the queue\./)).toBeVisible();
  // The fact a return still needs, in words: the server sends the id `orderNumber`.
  await expect(visitor.getByText('To help faster, please tell us: order number')).toBeVisible();
  await expectNoSeriousA11yViolations(visitor, 'baton-chat');

  // A person joins: their name and initial, their typing.
  await operator
    .getByRole('link', { name: /^Awaiting handoff/ })
    .first()
    .click();
  // Returns go to billing (handoff guide, section 8).
  await operator
    .getByRole('link', { name: /Queue: Billing/ })
    .first()
    .click();
  await operator.getByRole('button', { name: 'Claim' }).click();
  await expect(log).toContainText('Dana joined the conversation.');
  await expect(visitor.getByText('D', { exact: true }).first()).toBeVisible();
  await operator.getByLabel('Reply').pressSequentially('Let me look', { delay: 20 });
  await expect(visitor.getByText(/Dana is typing/)).toBeVisible();
  await operator.getByRole('button', { name: 'Send' }).click();
  await expect(log).toContainText('Let me look');
  await expectNoSeriousA11yViolations(visitor, 'baton-chat');

  // Back to the bot, then resolved with a rating that is stored.
  await confirmAction(operator, 'Return to bot');
  await expect(log).toContainText('You’re back with our assistant.');
  await expectNoSeriousA11yViolations(visitor, 'baton-chat');
  await sendAsVisitor(visitor, 'Which payment methods do you accept?');
  await expect(log.getByText(/Assistant:/).last()).toBeVisible();
  await confirmAction(operator, 'Resolve');
  await expect(log).toContainText('This conversation is closed.');
  const rating = visitor.getByRole('radiogroup');
  await expect(rating).toBeVisible();
  await expectNoSeriousA11yViolations(visitor, 'baton-chat');
  await rating.getByRole('radio').nth(4).check();
  await visitor.getByRole('button', { name: /Send rating|Rate|Submit/i }).click();
  const ratingOfThisConversation = () =>
    withE2eDb(async (db) => {
      const first = await db.collection('messages').findOne({ text: marker });
      return (await db.collection('conversations').findOne({ _id: first?.conversationId }))?.rating?.score ?? null;
    });
  await expect.poll(ratingOfThisConversation).toBe(5);
  await expect(visitor.getByText('Thanks for your feedback!')).toBeVisible();
});

test('nobody online during open hours: the honest message and a callback or a message', async ({ browser }) => {
  await closeOpenConversations();
  await withE2eDb((db) => db.collection('operators').updateMany({}, { $set: { presence: 'offline' } }));
  const visitor = await (await browser.newContext()).newPage();
  await openWidget(visitor);
  await visitor.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(visitor.getByText('Nobody from our team is available right now.').first()).toBeVisible();
  await expect(visitor.getByText(/usually within/i)).toHaveCount(0);
  await expect(visitor.getByLabel('Phone number or email')).toBeVisible();
  await expectNoSeriousA11yViolations(visitor, 'baton-chat');
  // A visitor who just wants to be contacted picks no time: "Any time" comes first and is the default.
  const times = visitor.getByRole('radiogroup', { name: /When should we contact you\?/ });
  await expect(times.getByRole('radio').first()).toBeChecked();
  await expect(times.getByRole('radio', { name: 'Any time — just get back to me' })).toBeChecked();
  const contact = `ana.${Date.now()}@example.com`;
  await visitor.getByLabel('Phone number or email').fill(contact);
  await visitor.getByRole('button', { name: 'Request a callback' }).click();
  await expect(visitor.getByText('Thanks, we have your request.').first()).toBeVisible();
  await expectNoSeriousA11yViolations(visitor, 'baton-chat');
  const stored = await withE2eDb((db) => db.collection('callbacks').findOne({ 'contact.value': contact }));
  expect(stored).toMatchObject({ slot: null, status: 'pending' });

  const { page: operator } = await signIn(browser, 'demo@baton.test');
  await operator
    .getByRole('link', { name: /^Callbacks/ })
    .first()
    .click();
  const row = operator.getByRole('listitem').filter({ hasText: contact });
  await expect(row).toContainText('Due now');
  await expect(row).toContainText('No time chosen');
});

test('the widget is keyboard operable and returns focus to the launcher', async ({ page }) => {
  await page.goto('/demo');
  const launcher = page.getByRole('button', { name: 'Open chat' });
  await launcher.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Message', { exact: true })).toBeFocused();
  await page.keyboard.type('hello');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('log')).toContainText('hello');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(launcher).toBeFocused();
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
});

/** Whether the element focused now is one inside the chat panel (in the widget's shadow root). */
const focusIsInPanel = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('baton-chat')?.shadowRoot;
    const active = root?.activeElement;
    return !!active && !!root?.getElementById('baton-panel')?.contains(active);
  });

test('on a small screen the full-screen panel keeps focus inside it; wider, Tab moves on to the page', async ({ browser }) => {
  const small = await (await browser.newContext({ viewport: { width: 400, height: 760 } })).newPage();
  await openWidget(small);
  // The header's first control (the sound switch, before Close) and Send are the panel's ends.
  const first = small.getByRole('button', { name: 'Sound for new replies' });
  const send = small.getByRole('button', { name: 'Send', exact: true });
  await send.focus();
  await small.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await small.keyboard.press('Shift+Tab');
  await expect(send).toBeFocused();
  for (let i = 0; i < 8; i++) {
    await small.keyboard.press('Tab');
    expect(await focusIsInPanel(small), `after ${i + 1} Tab presses`).toBe(true);
  }
  await expectNoSeriousA11yViolations(small, 'baton-chat');

  const wide = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await openWidget(wide);
  await wide.getByRole('button', { name: 'Send', exact: true }).focus();
  await wide.keyboard.press('Tab');
  expect(await focusIsInPanel(wide)).toBe(false);
});

test('keys typed in the chat do not reach the host page’s shortcuts', async ({ page }) => {
  await openWidget(page);
  await page.evaluate(() => {
    const seen = { count: 0 };
    (window as unknown as { keysSeenByPage: typeof seen }).keysSeenByPage = seen;
    for (const type of ['keydown', 'keyup', 'keypress']) document.addEventListener(type, () => seen.count++);
  });
  const keysSeenByPage = () => page.evaluate(() => (window as unknown as { keysSeenByPage: { count: number } }).keysSeenByPage.count);
  await page.getByLabel('Message', { exact: true }).pressSequentially('k/?');
  await expect(page.getByLabel('Message', { exact: true })).toHaveValue('k/?');
  expect(await keysSeenByPage()).toBe(0);
  // The listener works: a key pressed on the page itself is seen.
  await page.keyboard.press('Escape');
  await page.locator('body').press('k');
  expect(await keysSeenByPage()).toBeGreaterThan(0);
});

test('a visitor’s message enters the log once: the confirmed message keeps the node shown while sending', async ({ page }) => {
  await openWidget(page);
  await page.evaluate(() => {
    const log = document.querySelector('baton-chat')?.shadowRoot?.querySelector('[role=log]');
    const added: string[] = [];
    (window as unknown as { addedToLog: string[] }).addedToLog = added;
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) added.push(node.textContent ?? '');
    }).observe(log as Node, { childList: true });
  });
  const text = `Do you ship to Norway? (${Date.now()})`;
  await sendAsVisitor(page, text);
  await expect(
    page
      .getByRole('log')
      .getByText(/Assistant:/)
      .first(),
  ).toBeVisible();
  await expect(page.getByText('Sending…')).toHaveCount(0);
  const added = await page.evaluate(() => (window as unknown as { addedToLog: string[] }).addedToLog);
  expect(added.filter((t) => t.includes(text))).toHaveLength(1);
});
