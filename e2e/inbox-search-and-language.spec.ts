import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import {
  action,
  closeContexts,
  confirmAction,
  conversationRow,
  DANA,
  openConversation,
  openInbox,
  operatorTranscript,
  replyAsOperator,
  showView,
  startVisitor,
  uniqueName,
  visitorStage,
} from './support/inbox';
import { sendAsVisitor } from './support/pages';

test.afterEach(closeContexts);

test('search finds a resolved conversation by a word from its transcript, whatever its case', async ({ browser }) => {
  const dana = await openInbox(browser, DANA);
  const { page: visitor, name } = await startVisitor(browser, 'Search');
  const word = `Quetzal${Date.now().toString(36)}`;
  await visitor.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(visitorStage(visitor)).toContainText('Connecting you with a person');
  await sendAsVisitor(visitor, `My ${word} lamp hums when dimmed`);
  await showView(dana, 'Awaiting handoff');
  const pane = await openConversation(dana, name);
  await expect(operatorTranscript(pane)).toContainText(word);
  await action(dana, 'Claim').click();
  await expect(pane.getByText('You own this conversation')).toBeVisible();
  await replyAsOperator(dana, pane, 'A firmware update fixes the hum; I have sent it to you.');
  await confirmAction(dana, 'Resolve');
  await expect(pane.getByText('Resolved', { exact: true })).toBeVisible();

  await showView(dana, 'Resolved');
  const search = dana.getByRole('searchbox', { name: 'Search resolved conversations' });
  await search.fill(word.toLowerCase());
  await search.press('Enter');
  const rows = dana.getByRole('list', { name: 'Resolved conversations' }).getByRole('link');
  await expect(rows).toHaveCount(1);
  await expect(conversationRow(dana, name)).toBeVisible();
  await expectNoSeriousA11yViolations(dana);
  await dana.screenshot({ path: 'docs/screenshots/inbox-search.png' });

  // A word from the operator's reply finds it too; a word nobody wrote finds nothing.
  await search.fill('FIRMWARE update');
  await search.press('Enter');
  await expect(conversationRow(dana, name)).toBeVisible();
  await search.fill(`${word}-never-said`);
  await search.press('Enter');
  await expect(dana.getByText('No resolved conversations match.')).toBeVisible();
});

test('a Spanish visitor gets a suggested reply in Spanish', async ({ browser }) => {
  const dana = await openInbox(browser, DANA);
  const visitor = await (await browser.newContext({ locale: 'es-ES' })).newPage();
  const name = uniqueName('Lucía');
  await visitor.goto('/demo');
  await visitor.waitForFunction(() => 'Baton' in window);
  await visitor.evaluate(
    (identity) => (window as unknown as { Baton: { identify(i: { id: string; name: string }): void } }).Baton.identify(identity),
    { id: `e2e-${name.replace(/\s+/g, '-')}`, name },
  );
  await visitor.getByRole('button', { name: /abrir chat|chatea con nosotros/i }).click();
  await visitor.getByRole('button', { name: 'Hablar con una persona' }).click();
  // The widget's one status place, in Spanish: connecting, or the queue place once it is known.
  await expect(visitor.getByRole('dialog').locator('.st')).toContainText(/Te estamos poniendo en contacto con una persona|en la cola/);

  await showView(dana, 'Awaiting handoff');
  const pane = await openConversation(dana, name);
  const suggestion = pane.locator('blockquote.suggested').first();
  await expect(suggestion).toContainText(`Hola ${name.split(' ')[0]}, gracias por esperar.`);
  await expect(suggestion).not.toContainText(/thanks|help with/i);

  await action(dana, 'Claim').click();
  await expect(pane.getByText('You own this conversation')).toBeVisible();
  await pane
    .getByRole('button', { name: /^Insert (suggested reply|the reply for)/ })
    .first()
    .click();
  await expect(dana.getByLabel('Reply', { exact: true })).toHaveValue(/^Hola .*gracias por esperar/);
  await dana.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(visitor.getByRole('log')).toContainText('gracias por esperar');
  await visitor.context().close();
});
