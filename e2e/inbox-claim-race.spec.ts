import { expect, type Locator, test } from '@playwright/test';
import {
  action,
  auditEntries,
  closeContexts,
  conversationRow,
  DANA,
  openConversation,
  openInbox,
  operatorTranscript,
  replyAsOperator,
  SAM,
  startVisitor,
  visitorStage,
  confirmAction,
} from './support/inbox';
import { sendAsVisitor } from './support/pages';

test.afterEach(closeContexts);

test('claims a waiting conversation once when two operators race, and only the winner talks with the visitor', async ({ browser }) => {
  const dana = await openInbox(browser, DANA);
  const sam = await openInbox(browser, SAM);

  const { page: visitor, name } = await startVisitor(browser, 'Race');
  await visitor.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(visitorStage(visitor)).toContainText('Connecting you with a person');

  // Both inboxes were open before the request: the row arrives over the socket, no reload.
  for (const operator of [dana, sam]) {
    await expect(conversationRow(operator, name)).toContainText(/asked for a person/);
  }
  const [danaPane, samPane] = await Promise.all([openConversation(dana, name), openConversation(sam, name)]);
  await expect(action(dana, 'Claim')).toBeEnabled();
  await expect(action(sam, 'Claim')).toBeEnabled();

  // Both at the same instant: a Playwright click first waits for the button to be actionable, and the
  // winner's claim could disable the other button before the other click, which then waited forever.
  const press = (button: Locator) => button.evaluate((b: HTMLButtonElement) => b.click());
  await Promise.all([press(action(dana, 'Claim')), press(action(sam, 'Claim'))]);

  const settled = /You own this conversation|Claimed by /;
  await expect(danaPane.getByText(settled).first()).toBeVisible();
  await expect(samPane.getByText(settled).first()).toBeVisible();
  const danaWon = await danaPane.getByText('You own this conversation').isVisible();
  const [winner, loser] = danaWon ? [DANA, SAM] : [SAM, DANA];
  const [winnerPage, loserPage] = danaWon ? [dana, sam] : [sam, dana];
  const [winnerPane, loserPane] = danaWon ? [danaPane, samPane] : [samPane, danaPane];

  await expect(winnerPane.getByText('You own this conversation')).toBeVisible();
  await expect(winnerPage.getByLabel('Reply')).toBeEnabled();
  await expect(loserPane.getByText(`Claimed by ${winner.name}`, { exact: true })).toBeVisible();
  await expect(loserPane.getByText('You own this conversation')).toHaveCount(0);
  await expect(loserPage.getByLabel('Reply')).toBeDisabled();
  await expect(loserPage.getByLabel('Reply')).toHaveAccessibleDescription(/Only the operator who claimed this conversation can reply/);
  await expect(action(loserPage, 'Claim')).toBeDisabled();
  // The loser's claim reached the server and was refused; the trail records one claim only.
  await expect(loserPage.getByRole('alert').filter({ hasText: winner.name })).toBeVisible();
  await expect(auditEntries(winnerPane).filter({ hasText: / claimed by / })).toHaveCount(1);
  await expect(auditEntries(winnerPane).filter({ hasText: / claimed by / })).toContainText(winner.name);

  const widget = visitor.getByRole('log');
  await expect(visitorStage(visitor)).toContainText(`${winner.badge} joined the conversation.`);
  await expect(visitor.getByRole('heading', { name: new RegExp(`${winner.badge}$`) })).toBeVisible();
  // The case's suggested first reply goes into the composer with one click.
  const suggested = winnerPage.locator('blockquote.suggested').first();
  await expect(suggested).toContainText(/thanks for waiting/);
  await winnerPage
    .getByRole('button', { name: /^Insert (suggested reply|the reply for)/ })
    .first()
    .click();
  await expect(winnerPage.getByLabel('Reply')).toHaveValue((await suggested.textContent()) ?? '');
  await winnerPage.getByLabel('Reply').fill('');
  const hello = `Hi, this is ${winner.badge}. I have your conversation now.`;
  await replyAsOperator(winnerPage, winnerPane, hello);
  await expect(widget).toContainText(`${winner.badge}: ${hello}`);

  await sendAsVisitor(visitor, 'Great, thank you!');
  await expect(operatorTranscript(winnerPane)).toContainText('Great, thank you!');
  // The loser still reads along, but cannot write.
  await expect(operatorTranscript(loserPane)).toContainText('Great, thank you!');
  await expect(loserPage.getByLabel('Reply')).toBeDisabled();
  expect(loser.name).not.toBe(winner.name);

  await confirmAction(winnerPage, 'Resolve');
  await expect(visitorStage(visitor)).toContainText('This conversation is closed.');
});
