import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import {
  action,
  closeContexts,
  DANA,
  freshPage,
  openConversation,
  openInbox,
  operatorTranscript,
  replyAsOperator,
  SAM,
  showView,
  uniqueName,
  visitorStage,
} from './support/inbox';
import { closeOpenConversations } from './support/db';
import { sendAsVisitor } from './support/pages';

// Each journey starts with Dana owning nothing: earlier journeys' open conversations would fill her
// capacity and the list, and make the narrow layout depend on what ran before.
test.beforeEach(async () => closeOpenConversations());
test.afterEach(closeContexts);

/** A named visitor whose every frame received on the widget's socket is kept, from the first one. */
async function watchedVisitor(browser: Browser, label: string): Promise<{ page: Page; name: string; frames: string[] }> {
  const name = uniqueName(label);
  const page = await freshPage(browser);
  const frames: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8'))),
  );
  await page.goto('/demo');
  await page.waitForFunction(() => 'Baton' in window);
  await page.evaluate(
    (identity) => (window as unknown as { Baton: { identify(i: { id: string; name: string }): void } }).Baton.identify(identity),
    { id: `e2e-${name.replace(/\s+/g, '-')}`, name },
  );
  await page.getByRole('button', { name: /open chat|chat with us/i }).click();
  await expect(page.getByRole('button', { name: 'Talk to a person' })).toBeEnabled();
  return { page, name, frames };
}

async function claimedBy(dana: Page, visitor: Page, name: string): Promise<Locator> {
  await visitor.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(visitorStage(visitor)).toContainText('Connecting you with a person');
  await showView(dana, 'Awaiting handoff');
  const pane = await openConversation(dana, name);
  await action(dana, 'Claim').click();
  await expect(pane.getByText('You own this conversation')).toBeVisible();
  await expect(visitorStage(visitor)).toContainText(`${DANA.badge} joined the conversation.`);
  return pane;
}

/** How far the transcript is from its end, in pixels. */
const distanceFromEnd = (pane: Locator) => operatorTranscript(pane).evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);

test('the transcript follows new messages, stays where a reader scrolled up, and says what arrived below', async ({ browser }) => {
  const dana = await openInbox(browser, DANA);
  const { page: visitor, name } = await watchedVisitor(browser, 'Scroll');
  const pane = await claimedBy(dana, visitor, name);
  const log = operatorTranscript(pane);

  // Eight long messages through the visitor's outbox, one after another: slow on a loaded machine
  // (each is judged and stored before the next leaves), so the journey allows for it.
  test.setTimeout(120_000);
  for (let i = 1; i <= 8; i++) await sendAsVisitor(visitor, `Long question ${i}\n${'Some detail about my order. '.repeat(12)}`);
  // The server has them all once the visitor's log shows none still sending; then the operator must see the last.
  await expect(visitor.getByRole('log')).not.toContainText('Sending…', { timeout: 45_000 });
  await expect(log).toContainText('Long question 8', { timeout: 20_000 });
  // Overflowing now, and kept at its end: the newest message is in sight.
  expect(await log.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await expect(log.getByRole('listitem').filter({ hasText: 'Long question 8' })).toBeInViewport();
  await expect.poll(() => distanceFromEnd(pane)).toBeLessThan(48);
  // Times are compact (the day is said once, above): no date repeated on each message.
  await expect(log.getByRole('heading', { name: 'Today' })).toBeVisible();
  await expect(log.locator('time').first()).not.toContainText(/20\d\d/);

  // The reader scrolls up to read something older: a new message does not pull them down.
  await log.evaluate((el) => {
    el.scrollTop = 0;
  });
  await expect.poll(() => log.evaluate((el) => el.scrollTop)).toBe(0);
  await sendAsVisitor(visitor, 'Are you still there?');
  const marker = pane.getByRole('button', { name: /\d+ new messages?/ });
  await expect(marker).toBeVisible();
  expect(await log.evaluate((el) => el.scrollTop)).toBe(0);
  await expectNoSeriousA11yViolations(dana);
  await dana.screenshot({ path: 'docs/screenshots/inbox-new-messages.png' });

  await marker.click();
  await expect(log.getByRole('listitem').filter({ hasText: 'Are you still there?' })).toBeInViewport();
  await expect(marker).toBeHidden();

  // Scrolled up again, the operator's own reply brings the log to its end.
  await log.evaluate((el) => {
    el.scrollTop = 0;
  });
  await replyAsOperator(dana, pane, 'Yes, I am reading your order now.');
  await expect(log.getByRole('listitem').filter({ hasText: 'Yes, I am reading your order now.' })).toBeInViewport();
  await dana.screenshot({ path: 'docs/screenshots/inbox-conversation.png' });
});

test('an internal note reaches the other operators and never the visitor', async ({ browser }) => {
  const dana = await openInbox(browser, DANA);
  const sam = await openInbox(browser, SAM);
  const { page: visitor, name, frames } = await watchedVisitor(browser, 'Note');
  const pane = await claimedBy(dana, visitor, name);
  await showView(sam, 'Mine');
  await showView(sam, 'Live');
  const samPane = await openConversation(sam, name);

  const secret = `Refund approved by finance ${Date.now()}`;
  await dana.getByRole('radio', { name: 'Internal note' }).check();
  await dana.getByLabel('Note (operators only)').fill(secret);
  await dana.getByRole('button', { name: 'Add note' }).click();
  const note = operatorTranscript(pane).getByRole('listitem').filter({ hasText: secret });
  await expect(note).toContainText('internal note, operators only');
  // Another operator sees it live; the audit trail records who wrote one.
  await expect(operatorTranscript(samPane).getByRole('listitem').filter({ hasText: secret })).toBeVisible();
  await expect(pane.getByRole('region', { name: 'Audit trail' })).toContainText(`internal note added by ${DANA.name}`);
  await expectNoSeriousA11yViolations(dana);

  // A reply sent after the note reaches the visitor, so the note had its chance to leak first.
  await dana.getByRole('radio', { name: 'Message to visitor' }).check();
  await replyAsOperator(dana, pane, 'Good news: your refund is on its way.');
  await expect(visitor.getByRole('log')).toContainText('Good news: your refund is on its way.');
  expect(frames.some((f) => f.includes('Good news: your refund is on its way.'))).toBe(true);
  expect(frames.filter((f) => f.includes(secret))).toEqual([]);
  await expect(visitor.getByRole('log')).not.toContainText(secret);

  // Nor after a reload, when the visitor's transcript comes from the server again.
  await visitor.reload();
  await visitor.getByRole('button', { name: /open chat|chat with us/i }).click();
  await expect(visitor.getByRole('log')).toContainText('Good news: your refund is on its way.');
  await expect(visitor.getByRole('log')).not.toContainText(secret);
  expect(frames.filter((f) => f.includes(secret))).toEqual([]);
});

test('the conversation works at 375 px, with the case folded away and actions in dialogs', async ({ browser }) => {
  const dana = await openInbox(browser, DANA);
  await dana.setViewportSize({ width: 375, height: 740 });
  const { page: visitor, name } = await watchedVisitor(browser, 'Narrow');
  const pane = await claimedBy(dana, visitor, name);
  await expect(pane.getByRole('region', { name: 'Audit trail' })).toBeHidden();
  await pane.getByRole('button', { name: 'Show case' }).click();
  await expect(pane.getByRole('region', { name: 'Audit trail' })).toBeVisible();
  expect(await dana.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoSeriousA11yViolations(dana);

  await pane.getByRole('button', { name: 'Resolve…' }).click();
  const dialog = dana.getByRole('dialog', { name: 'Resolve the conversation' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Note for the audit trail (optional)')).toBeFocused();
  await expectNoSeriousA11yViolations(dana);
  await dana.screenshot({ path: 'docs/screenshots/inbox-resolve-dialog-375.png' });
  await dialog.getByLabel('Note for the audit trail (optional)').fill('Answered on a phone');
  await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(pane.getByText('Resolved', { exact: true })).toBeVisible();
  // Resolved: nothing invites to claim, and the composer says why it is closed.
  await expect(pane.getByRole('button', { name: 'Claim' })).toHaveCount(0);
  await expect(pane.getByText('This conversation is resolved.')).toBeVisible();
  await expect(pane.getByRole('region', { name: 'Audit trail' })).toContainText('note: Answered on a phone');
});

test('a visitor who left while waiting is shown as gone, in the list and the conversation', async ({ browser }) => {
  const dana = await openInbox(browser, DANA);
  const { page: visitor, name } = await watchedVisitor(browser, 'Leaver');
  await visitor.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(visitorStage(visitor)).toContainText('Connecting you with a person');
  await showView(dana, 'Awaiting handoff');
  const pane = await openConversation(dana, name);
  await visitor.context().close();
  // After the server's grace period for a page change (8 s).
  await expect(pane.getByText(/^Left \d+ s ago$/)).toBeVisible({ timeout: 20_000 });
  await expect(dana.getByRole('list', { name: /conversations$/ }).getByRole('link', { name: new RegExp(name) })).toContainText(/Left \d+/);
  await expectNoSeriousA11yViolations(dana);
  await dana.screenshot({ path: 'docs/screenshots/inbox-visitor-left.png' });
});
