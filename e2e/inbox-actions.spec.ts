import { expect, type Page, test } from '@playwright/test';
import {
  action,
  auditEntries,
  botMessages,
  closeContexts,
  conversationRow,
  DANA,
  openConversation,
  openInbox,
  operatorTranscript,
  replyAsOperator,
  SAM,
  showView,
  startVisitor,
  visitorStage,
  confirmAction,
} from './support/inbox';
import { sendAsVisitor } from './support/pages';

test.afterEach(closeContexts);

/** A visitor whose question the knowledge-base bot answered, and Dana's inbox. */
async function botConversation(browser: import('@playwright/test').Browser, label: string) {
  const dana = await openInbox(browser, DANA);
  const { page: visitor, name } = await startVisitor(browser, label);
  await sendAsVisitor(visitor, 'When are you open?');
  await expect(visitor.getByRole('log')).toContainText(/Monday|open/i);
  return { dana, visitor, name };
}

async function askForPersonAndClaim(dana: Page, visitor: Page, name: string) {
  await visitor.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(visitorStage(visitor)).toContainText('Connecting you with a person');
  await showView(dana, 'Awaiting handoff');
  const pane = await openConversation(dana, name);
  await action(dana, 'Claim').click();
  await expect(pane.getByText('You own this conversation')).toBeVisible();
  await expect(visitorStage(visitor)).toContainText(`${DANA.badge} joined the conversation.`);
  return pane;
}

test('barging in takes the conversation from the bot, which stops answering the visitor', async ({ browser }) => {
  const { dana, visitor, name } = await botConversation(browser, 'Barge');
  await showView(dana, 'Live');
  await expect(conversationRow(dana, name)).toContainText('Bot is answering');
  const pane = await openConversation(dana, name);
  const bots = botMessages(pane);
  await expect(bots.last()).toContainText(/Monday|open/i);
  const botCount = await bots.count();

  await action(dana, 'Barge in').click();
  await expect(pane.getByText('You own this conversation')).toBeVisible();
  await expect(visitorStage(visitor)).toContainText(`${DANA.badge} joined the conversation.`);

  // A question the bot would answer at once; after the barge-in only Dana answers it.
  await sendAsVisitor(visitor, 'Do you ship to Norway?');
  await expect(operatorTranscript(pane)).toContainText('Do you ship to Norway?');
  await replyAsOperator(dana, pane, 'Yes, we ship to Norway in 3 to 5 days.');
  await expect(visitor.getByRole('log')).toContainText(`${DANA.badge}: Yes, we ship to Norway in 3 to 5 days.`);
  await expect(bots).toHaveCount(botCount);
  await expect(auditEntries(pane).filter({ hasText: `barged in by ${DANA.name}` })).toHaveCount(1);

  await confirmAction(dana, 'Resolve');
  await expect(visitorStage(visitor)).toContainText('This conversation is closed.');
});

test('transferring to another queue with a note puts the conversation in that queue, with the note in the audit trail', async ({
  browser,
}) => {
  const { dana, visitor, name } = await botConversation(browser, 'Transfer');
  const pane = await askForPersonAndClaim(dana, visitor, name);

  const note = 'The dimmer wiring needs the technical team';
  await confirmAction(dana, 'Transfer', { note, transferTo: 'Technical' });
  await expect(pane.getByText('Waiting in Technical')).toBeVisible();
  await expect(auditEntries(pane).filter({ hasText: `transferred by ${DANA.name}` })).toContainText(`note: ${note}`);
  await expect(dana.getByLabel('Reply')).toBeDisabled();

  await showView(dana, 'Awaiting handoff');
  await expect(conversationRow(dana, name)).toContainText('Queue: Technical');

  await openConversation(dana, name);
  await confirmAction(dana, 'Resolve');
  await expect(visitorStage(visitor)).toContainText('This conversation is closed.');
});

test('returning to the bot with a note tells the visitor, and the bot answers the next message', async ({ browser }) => {
  const { dana, visitor, name } = await botConversation(browser, 'Return');
  const pane = await askForPersonAndClaim(dana, visitor, name);
  await replyAsOperator(dana, pane, 'Our assistant knows the opening hours; I am handing you back to it.');
  const botCount = await botMessages(pane).count();

  const note = 'Opening hours question only; the bot covers it';
  await confirmAction(dana, 'Return to bot', { note });
  await expect(pane.getByText('Handled by the bot')).toBeVisible();
  await expect(auditEntries(pane).filter({ hasText: `returned to bot by ${DANA.name}` })).toContainText(`note: ${note}`);
  await expect(visitor.getByRole('log')).toContainText('Notice: You’re back with our assistant.');
  await expect(visitorStage(visitor)).toContainText('You’re back with our assistant.');
  await expect(visitor.getByRole('button', { name: 'Talk to a person' })).toBeEnabled();

  await sendAsVisitor(visitor, 'When are you open on Saturday?');
  await expect(operatorTranscript(pane)).toContainText('When are you open on Saturday?');
  await expect(botMessages(pane)).toHaveCount(botCount + 1);
  await expect(botMessages(pane).last()).toContainText(/Monday|open|Saturday/i);

  await confirmAction(dana, 'Resolve');
  await expect(visitorStage(visitor)).toContainText('This conversation is closed.');
});

test('resolving closes the conversation for the visitor, who rates it', async ({ browser }) => {
  const { dana, visitor, name } = await botConversation(browser, 'Resolve');
  const pane = await askForPersonAndClaim(dana, visitor, name);
  await replyAsOperator(dana, pane, 'We are open Monday to Friday, 9 to 5. Anything else?');

  await confirmAction(dana, 'Resolve', { note: 'Answered the hours' });
  await expect(pane.getByText('Resolved', { exact: true })).toBeVisible();
  await expect(auditEntries(pane).filter({ hasText: `resolved by ${DANA.name}` })).toContainText('note: Answered the hours');

  await expect(visitorStage(visitor)).toContainText('This conversation is closed.');
  const rating = visitor.getByRole('radiogroup', { name: /How did we do/ });
  await expect(rating).toBeVisible();
  await rating.getByRole('radio', { name: 'Good (4/5)' }).check();
  await visitor.getByLabel('Comment (optional)').fill('Quick and friendly.');
  await visitor.getByRole('button', { name: 'Send rating' }).click();
  await expect(visitorStage(visitor)).toContainText('Thanks for your feedback!');
  await expect(rating).toHaveCount(0);
  // The operator's open conversation shows it live, without a reload.
  await expect(pane).toContainText('Rated 4/5 by the visitor: “Quick and friendly.”');
  await expect(pane.getByText('Rated 4 of 5: “Quick and friendly.”')).toBeAttached();

  await showView(dana, 'Resolved');
  await expect(conversationRow(dana, name)).toBeVisible();
});

test('an admin takes over a conversation a colleague owns; the colleague can no longer reply', async ({ browser }) => {
  const sam = await openInbox(browser, SAM);
  const { dana, visitor, name } = await botConversation(browser, 'TakeOver');
  await visitor.getByRole('button', { name: 'Talk to a person' }).click();
  await showView(sam, 'Awaiting handoff');
  const samPane = await openConversation(sam, name);
  await action(sam, 'Claim').click();
  await expect(samPane.getByText('You own this conversation')).toBeVisible();
  await expect(visitorStage(visitor)).toContainText(`${SAM.badge} joined the conversation.`);

  await showView(dana, 'Live');
  const danaPane = await openConversation(dana, name);
  await expect(danaPane.getByText(`Claimed by ${SAM.name}`, { exact: true })).toBeVisible();
  await action(dana, 'Take over').click();
  await expect(danaPane.getByText('You own this conversation')).toBeVisible();
  await expect(visitorStage(visitor)).toContainText(`${DANA.badge} joined the conversation.`);
  await expect(samPane.getByText(`Claimed by ${DANA.name}`, { exact: true })).toBeVisible();
  await expect(sam.getByLabel('Reply')).toBeDisabled();
  // Sam is not an admin: no Take over for him on Dana's conversation now.
  await expect(action(sam, 'Take over')).toHaveCount(0);
  await expect(auditEntries(danaPane).filter({ hasText: new RegExp(`taken over by ${DANA.name}`, 'i') })).toHaveCount(1);
});
