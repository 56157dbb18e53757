import { expect, type Page } from '@playwright/test';
import { clearHandoffMeasures } from './support/db';
import { test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { closeContexts, DANA, openInbox, startVisitor, visitorStage } from './support/inbox';
import { sendAsVisitor } from './support/pages';

// The weekly review sample in Insights: an admin marks two sampled handoffs, sees the review
// precision per trigger in the scorecard, turns the wrong one into a "must not hand off" example
// with one click, and axe finds nothing serious.

test.afterEach(closeContexts);

const sampled = (page: Page, name: string) => page.locator('.review-item').filter({ hasText: name });

test('marks in the weekly review sample give the review precision in Insights and teach a site example', async ({ browser }) => {
  await clearHandoffMeasures();
  // Two handoffs, a claim and resolve each, Insights and the sample: over a minute on a loaded machine.
  test.slow();
  const dana = await openInbox(browser, DANA);

  const asked = await startVisitor(browser, 'Review button');
  await asked.page.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(visitorStage(asked.page)).toContainText('Connecting you with a person');

  const refund = await startVisitor(browser, 'Review refund');
  await sendAsVisitor(refund.page, 'I want a refund for order 77120, it never arrived');
  await expect(visitorStage(refund.page)).toContainText('Connecting you with a person');

  await dana.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Insights', exact: true }).click();
  const review = dana.getByRole('region', { name: 'Weekly review sample' });
  await expect(review).toContainText(/Week \d{4}-W\d{2}/);
  const first = sampled(dana, asked.name);
  const second = sampled(dana, refund.name);
  await expect(second.locator('blockquote')).toHaveText('I want a refund for order 77120, it never arrived');

  await first
    .getByRole('group', { name: /Was handing off \(human_request\) right\?/ })
    .getByRole('radio', { name: 'Right' })
    .check();
  await expect(first).toContainText(`Marked right by ${DANA.name}`);
  await second.getByRole('radio', { name: 'Wrong: should not have handed off' }).check();
  await expect(second).toContainText(`Marked wrong by ${DANA.name}`);

  const scorecard = dana.locator('[data-table="scorecard"]');
  await expect(scorecard.locator('tr[data-trigger="human_request"] [data-cell="review_precision"]')).toHaveText(
    /100% \(\d+ right, 0 wrong\)/,
  );
  await expect(scorecard.locator('tr[data-trigger="policy_topic"] [data-cell="review_precision"]')).toHaveText(/0% \(0 right, \d+ wrong\)/);

  await second.getByRole('button', { name: 'Add as a “must not hand off” example' }).click();
  await expect(second).toContainText("Added to the site's examples as “none”");
  await expect(review.getByRole('status')).toContainText("Added to the site's examples");

  // Earlier weeks page back; this week's sample comes back as it was.
  await review.getByRole('button', { name: /^Previous week/ }).click();
  await expect(review).toContainText('No conversations this week yet.');
  await review.getByRole('button', { name: /^Next week/ }).click();
  await expect(sampled(dana, refund.name)).toContainText("Added to the site's examples as “none”");

  // The same sample after a reload, marks kept.
  await dana.reload();
  await expect(sampled(dana, refund.name)).toContainText(`Marked wrong by ${DANA.name}`);
  await expect(sampled(dana, refund.name).getByRole('radio', { name: 'Wrong: should not have handed off' })).toBeChecked();

  await expectNoSeriousA11yViolations(dana, '.insights');
});
