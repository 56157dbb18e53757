import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { conversationDoc } from '../server/test-support/conversation-doc';
import { patchDemoConfig, withE2eDb } from './support/db';
import {
  action,
  closeContexts,
  freshPage,
  conversationRow,
  DANA,
  openConversation,
  openInbox,
  showView,
  startVisitor,
  visitorStage,
  confirmAction,
} from './support/inbox';

test.afterEach(closeContexts);

/** Fails (softly, so every page is checked) on any serious or critical axe violation, listing them. */
async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`,
    )
    .join('\n');
  expect.soft(serious, `${where}: serious or critical accessibility violations\n${report}`).toEqual([]);
}

test('the sign-in page has no serious or critical accessibility violations', async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto('/inbox/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Sign-in page');

  // With the refusal shown as well.
  await page.getByLabel('Email').fill('nobody@baton.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Email or password is not correct.');
  await expectNoSeriousViolations(page, 'Sign-in page with an error');
});

test('the inbox views have no serious or critical accessibility violations', async ({ browser }) => {
  // Six whole-page axe runs, Settings alone about 30 s on a shared two-core machine: past the 60 s default.
  test.slow();
  const dana = await openInbox(browser, DANA);
  const { page: visitor, name } = await startVisitor(browser, 'Axe');
  await visitor.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(visitorStage(visitor)).toContainText('Connecting you with a person');

  await test.step('Awaiting handoff', async () => {
    await expect(conversationRow(dana, name)).toBeVisible();
    await expectNoSeriousViolations(dana, 'Awaiting handoff');
  });

  await test.step('an open conversation', async () => {
    const pane = await openConversation(dana, name);
    await expect(pane.getByRole('region', { name: 'Audit trail' }).getByRole('listitem').first()).toBeVisible();
    await expectNoSeriousViolations(dana, 'Open conversation (waiting)');
    await action(dana, 'Claim').click();
    await expect(pane.getByText('You own this conversation')).toBeVisible();
    await expectNoSeriousViolations(dana, 'Open conversation (claimed)');
    await confirmAction(dana, 'Resolve');
    await expect(pane.getByText('Resolved', { exact: true })).toBeVisible();
  });

  await test.step('Callbacks', async () => {
    await showView(dana, 'Callbacks');
    await expectNoSeriousViolations(dana, 'Callbacks');
  });

  await test.step('Resolved', async () => {
    await showView(dana, 'Resolved');
    await expect(conversationRow(dana, name)).toBeVisible();
    await expectNoSeriousViolations(dana, 'Resolved');
  });

  await test.step('Settings', async () => {
    await showView(dana, 'Settings');
    await expect(dana.getByRole('button', { name: 'Save handoff' })).toBeVisible();
    await expectNoSeriousViolations(dana, 'Settings');
  });
});

test.describe('with more resolved conversations than one page holds', () => {
  // A year old, so they sort after every other resolved conversation and count in no recent wait estimate.
  const since = Date.now() - 365 * 24 * 3600_000;
  const archived = Array.from({ length: 201 }, (_, i) => {
    const at = new Date(since + i * 60_000);
    return conversationDoc({
      _id: `archived-${i}`,
      siteId: 'site-demo',
      visitorId: `archived-${i}`,
      state: 'resolved',
      version: 3,
      visitorName: `Archived ${String(i).padStart(3, '0')}`,
      createdAt: at,
      claimedAt: at,
      resolvedAt: at,
    });
  });
  test.beforeEach(() => withE2eDb((db) => db.collection<{ _id: string }>('conversations').insertMany(archived)));
  test.afterEach(() =>
    withE2eDb((db) => db.collection<{ _id: string }>('conversations').deleteMany({ _id: { $in: archived.map((a) => a._id) } })),
  );

  test('Load more brings in the next page from the keyboard and says how many came', async ({ browser }) => {
    const dana = await openInbox(browser, DANA);
    await showView(dana, 'Resolved');
    const loadMore = dana.getByRole('button', { name: 'Load more' });
    await expect(loadMore).toBeVisible();
    await expect(conversationRow(dana, 'Archived 000')).toHaveCount(0);
    await expectNoSeriousViolations(dana, 'Resolved with more to load');
    await loadMore.focus();
    await dana.keyboard.press('Enter');
    await expect(dana.getByRole('status').filter({ hasText: /^Loaded \d+ more conversations?, \d+ shown\./ })).toBeVisible();
    await expect(conversationRow(dana, 'Archived 000')).toBeVisible();
    // Focus moves to the first row added, inside the list.
    await expect(dana.locator(':focus')).toHaveAttribute('href', /^#\/resolved\//);
    await expectNoSeriousViolations(dana, 'Resolved after Load more');
  });
});

test.describe('with a pending callback', () => {
  // Members no operator has: nobody can take a handoff, so the visitor is offered a callback.
  const setMembers = (members: string[]) =>
    patchDemoConfig((config) => ({ ...config, queues: (config.queues ?? []).map((q) => ({ ...q, members })) }));
  test.beforeEach(() => setMembers(['op-nobody']));
  test.afterEach(() => setMembers([]));

  test('the Callbacks view has no serious or critical accessibility violations', async ({ browser }) => {
    const { page: visitor } = await startVisitor(browser, 'Callback');
    await visitor.getByRole('button', { name: 'Talk to a person' }).click();
    await expect(visitorStage(visitor)).toContainText('Nobody from our team is available right now.');
    const contact = `axe-${Date.now()}@example.com`;
    await visitor.getByLabel('Phone number or email').fill(contact);
    await visitor.getByRole('button', { name: 'Request a callback' }).click();
    await expect(visitorStage(visitor)).toContainText('Thanks, we have your request.');

    const dana = await openInbox(browser, DANA);
    await showView(dana, 'Callbacks');
    const callback = dana.getByRole('list', { name: 'Callbacks, due first' }).getByRole('listitem').filter({ hasText: contact });
    await expect(callback).toBeVisible();
    await expectNoSeriousViolations(dana, 'Callbacks with a pending callback');
    await callback.getByRole('link', { name: /Open conversation/ }).click();
    await expect(dana.getByRole('region', { name: 'Audit trail' }).getByRole('listitem').first()).toBeVisible();
    await expectNoSeriousViolations(dana, 'Callbacks with its conversation open');
    await callback.getByRole('button', { name: /Mark done/ }).click();
    await expect(callback).toContainText('Done');
  });
});
