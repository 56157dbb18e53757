import { expect, type Page, test } from '@playwright/test';
import { patchDemoConfig } from './support/db';
import { action, closeContexts, conversationRow, DANA, openConversation, openInbox, showView, startVisitor, visitorStage } from './support/inbox';
import { sendAsVisitor } from './support/pages';

test.afterEach(closeContexts);

async function openSettings(dana: Page) {
  await showView(dana, 'Settings');
  await expect(dana.getByRole('group', { name: 'Policy topics (always handed off)' })).toBeVisible();
}

test.describe('a policy keyword added in Settings', () => {
  // The demo site is shared by the whole run: take the new topic out again.
  test.afterEach(() =>
    patchDemoConfig((config) => {
      const topics = config.triggers?.policy_topic?.topics;
      if (topics) config.triggers!.policy_topic!.topics = topics.filter((t) => t.id !== 'warranty');
      return config;
    }),
  );

  test('hands the next visitor who mentions it to a person, in the queue the topic names', async ({ browser }) => {
    const dana = await openInbox(browser, DANA);
    await openSettings(dana);

    await dana.getByLabel('New topic id').fill('warranty');
    await dana.getByRole('button', { name: 'Add topic' }).click();
    const topic = dana.getByRole('group', { name: 'warranty', exact: true });
    await expect(topic).toBeVisible();
    // These fields apply on change (when they lose focus), as a person tabbing through would do.
    await topic.getByLabel('Label shown to the visitor').fill('your warranty claim');
    await topic.getByLabel('Label shown to the visitor').blur();
    await topic.getByLabel('Keywords').fill('warranty\nguarantee');
    await topic.getByLabel('Keywords').blur();
    await topic.getByLabel('Queue').selectOption({ label: 'Technical' });
    await dana.getByRole('button', { name: 'Save settings' }).click();
    await expect(dana.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

    await showView(dana, 'Awaiting handoff');
    const { page: visitor, name } = await startVisitor(browser, 'Warranty');
    await sendAsVisitor(visitor, 'Is my lamp still under warranty?');
    await expect(visitorStage(visitor)).toContainText('Connecting you with a person');
    await expect(visitorStage(visitor)).toContainText('About: your warranty claim');

    const row = conversationRow(dana, name);
    await expect(row).toContainText('Queue: Technical');
    await expect(row).toContainText(/needs a person by policy/);
    await expect(row).toContainText('warranty');
    await openConversation(dana, name);
    await action(dana, 'Resolve').click();
    await expect(visitorStage(visitor)).toContainText('This conversation is closed.');
  });
});

test('shows an invalid setting next to its field and does not save it', async ({ browser }) => {
  const dana = await openInbox(browser, DANA);
  await openSettings(dana);
  const threshold = dana.getByLabel('Low confidence threshold (0 to 1)');
  const saved = await threshold.inputValue();

  await threshold.fill('2');
  await threshold.blur();
  await dana.getByRole('button', { name: 'Save settings' }).click();
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  // The issue is listed right under the field and is the field's description, in words a person can act on.
  await expect(threshold).toHaveAccessibleDescription(/<=\s*1|1/);
  await expect(dana.getByRole('status').filter({ hasText: /Fix the 1 marked problem/ })).toBeVisible();

  // Nothing was stored: the settings read back from the server still hold the old value.
  await dana.reload();
  await openSettings(dana);
  await expect(dana.getByLabel('Low confidence threshold (0 to 1)')).toHaveValue(saved);
});

test.describe('two admins saving the same settings', () => {
  const WAITING = 'The bot keeps answering while the visitor waits for a person';
  test.afterEach(() => patchDemoConfig((config) => ({ ...config, botAnswersWhileWaiting: false })));

  test('keeps the later admin’s edits on screen, says why they were not saved, and reloads the latest on request', async ({ browser }) => {
    const first = await openInbox(browser, DANA);
    const second = await openInbox(browser, DANA);
    await openSettings(first);
    await openSettings(second);
    const threshold = second.getByLabel('Low confidence threshold (0 to 1)');
    const saved = await threshold.inputValue();

    await first.getByLabel(WAITING).check();
    await first.getByRole('button', { name: 'Save settings' }).click();
    await expect(first.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

    await threshold.fill('0.4');
    await threshold.blur();
    await second.getByRole('button', { name: 'Save settings' }).click();
    await expect(second.getByRole('status').filter({ hasText: 'someone else saved these settings after you opened them' })).toBeVisible();
    await expect(threshold).toHaveValue('0.4');
    await expect(second.getByRole('button', { name: 'Save settings' })).toBeDisabled();

    await second.getByRole('button', { name: 'Reload latest settings' }).click();
    await expect(second.getByRole('status').filter({ hasText: 'Loaded the latest settings. Your unsaved edits were not kept' })).toBeVisible();
    await expect(second.getByLabel(WAITING)).toBeChecked();
    await expect(second.getByLabel('Low confidence threshold (0 to 1)')).toHaveValue(saved);
    await expect(second.getByRole('button', { name: 'Save settings' })).toBeEnabled();
  });
});
