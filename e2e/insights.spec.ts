import { expect, type Page, test } from '@playwright/test';
import { clearHandoffMeasures } from './support/db';
import { expectNoSeriousA11yViolations } from './support/axe';
import {
  action,
  closeContexts,
  confirmAction,
  conversationRow,
  DANA,
  openConversation,
  openInbox,
  replyAsOperator,
  showView,
  startVisitor,
  visitorStage,
} from './support/inbox';
import { sendAsVisitor } from './support/pages';

// Two handoffs of two triggers through to their ratings, one conversation reopened afterwards: every
// figure Insights shows agrees with what was done, the first rating survives the reopening, the CSV
// says what the screen says, and axe finds nothing serious.

test.afterEach(closeContexts);

async function handOffClaimAndResolve(dana: Page, visitor: Page, name: string, reply: string, rating: { score: string; comment: string }) {
  await expect(visitorStage(visitor)).toContainText('Connecting you with a person');
  await showView(dana, 'Awaiting handoff');
  const pane = await openConversation(dana, name);
  await action(dana, 'Claim').click();
  await expect(pane.getByText('You own this conversation')).toBeVisible();
  await expect(visitorStage(visitor)).toContainText(`${DANA.badge} joined the conversation.`);
  await replyAsOperator(dana, pane, reply);
  await confirmAction(dana, 'Resolve');
  await expect(visitorStage(visitor)).toContainText('This conversation is closed.');
  const stars = visitor.getByRole('radiogroup', { name: /How did we do/ });
  await stars.getByRole('radio', { name: rating.score, exact: true }).check();
  await visitor.getByLabel('Comment (optional)').fill(rating.comment);
  await visitor.getByRole('button', { name: 'Send rating' }).click();
  await expect(visitorStage(visitor)).toContainText('Thanks for your feedback!');
}

const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"]`);

test('Insights agree with the handoffs done, keep a reopened conversation’s rating, and export the same figures', async ({ browser }) => {
  await clearHandoffMeasures();
  const dana = await openInbox(browser, DANA);

  // 1: "Talk to a person" (human_request), rated 5, then the visitor writes again (reopened).
  const first = await startVisitor(browser, 'Insights button');
  await first.page.getByRole('button', { name: 'Talk to a person' }).click();
  await handOffClaimAndResolve(dana, first.page, first.name, 'Hello, Dana here. How can I help?', {
    score: 'Great (5/5)',
    comment: 'Great help',
  });
  // A plain question, so the reopening is not a handoff of its own. (The earlier wording, "Oh, one more
  // thing about opening hours", is read as frustration by the trained head: a known false escalation.)
  await sendAsVisitor(first.page, 'Thanks again, what are your opening hours on Saturday?');
  await expect(first.page.getByRole('log')).toContainText('opening hours on Saturday');

  // 2: a refund with its order number (policy_topic, Billing); Dana asks for the number anyway: a repeat.
  const second = await startVisitor(browser, 'Insights refund');
  await sendAsVisitor(second.page, 'I want a refund for order 48213, the lamp arrived broken');
  await handOffClaimAndResolve(dana, second.page, second.name, 'Sorry about that! Could you tell me your order number?', {
    score: 'Poor (2/5)',
    comment: 'Slow',
  });

  // The rating where operators work: the resolved history still shows the reopened conversation's.
  await showView(dana, 'Resolved');
  await expect(conversationRow(dana, first.name)).toContainText('★ 5/5');
  await expect(conversationRow(dana, second.name)).toContainText('★ 2/5');

  await dana.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Insights', exact: true }).click();
  await expect(dana.getByRole('heading', { level: 2, name: 'Insights' })).toBeVisible();
  await expect(figure(dana, 'handoffs')).toHaveAttribute('data-value', '2');
  await expect(figure(dana, 'satisfaction_after_handoff')).toHaveAttribute('data-value', '3.5');
  await expect(figure(dana, 'satisfaction_after_handoff')).toContainText('2 rated');
  await expect(figure(dana, 'repeat_explanation_rate')).toHaveAttribute('data-value', '0.5');
  await expect(figure(dana, 'abandonment_rate')).toHaveAttribute('data-value', '0');
  await expect(figure(dana, 'time_to_human_p50_seconds')).toContainText('2 conversations');
  await expect(figure(dana, 'time_to_first_reply_p50_seconds')).toContainText('2 conversations');
  await expect(figure(dana, 'resolution_time_p50_seconds')).toContainText('2 conversations');
  const scorecard = dana.locator('[data-table="scorecard"]');
  const row = (trigger: string) => scorecard.locator(`tr[data-trigger="${trigger}"]`);
  await expect(row('human_request').locator('td')).toHaveText(['1', '1', '0', '1', '1', '—']);
  await expect(row('policy_topic').locator('td')).toHaveText(['1', '1', '0', '1', '0', '—']);

  // Every figure links to the conversations behind it: the rated ones are these two, ratings intact.
  await figure(dana, 'satisfaction_after_handoff').getByRole('button').click();
  const drill = dana.getByRole('region', { name: /Conversations behind/ });
  await expect(drill.getByRole('listitem')).toHaveCount(2);
  await expect(drill.getByRole('listitem').filter({ hasText: first.name })).toContainText('★ 5/5');
  await expect(drill.getByRole('listitem').filter({ hasText: second.name })).toContainText('★ 2/5');

  // The CSV carries the numbers on screen.
  const href = await dana.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
  const csv = await (await dana.request.get(href ?? '')).text();
  const values = new Map(
    csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [name, group, value] = line.split(',');
        return [`${name}|${group}`, value ?? ''];
      }),
  );
  for (const id of [
    'handoffs',
    'satisfaction_after_handoff',
    'repeat_explanation_rate',
    'abandonment_rate',
    'time_to_human_p50_seconds',
    'escalation_rate',
    'missing_facts_rate',
  ]) {
    const shown = await figure(dana, id).getAttribute('data-value');
    expect(Number(values.get(`${id}|`) || Number.NaN), id).toBeCloseTo(Number(shown || Number.NaN), 3);
  }
  expect(values.get('scorecard_reopened_24h|human_request')).toBe('1');
  expect(values.get('scorecard_rated|policy_topic')).toBe('1');

  await expectNoSeriousA11yViolations(dana, '.insights');
});
