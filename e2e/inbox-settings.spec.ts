import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_SITE } from '../server/seed/seed-demo';
import { patchDemoConfig, withE2eDb } from './support/db';
import {
  closeContexts,
  conversationRow,
  DANA,
  openConversation,
  openInbox,
  showView,
  startVisitor,
  visitorStage,
  confirmAction,
} from './support/inbox';
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
    await dana.getByRole('button', { name: 'Save policy topics' }).click();
    await expect(dana.getByRole('status').filter({ hasText: 'Policy topics saved.' })).toBeVisible();

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
    await confirmAction(dana, 'Resolve');
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
  await dana.getByRole('button', { name: 'Save triggers' }).click();
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
  const THRESHOLD = 'Low confidence threshold (0 to 1)';
  let threshold = 0.5;
  test.beforeEach(() =>
    withE2eDb(async (db) => {
      const site = await db
        .collection<{ _id: string; config: { triggers: { low_confidence: { threshold: number } } } }>('sites')
        .findOne({ _id: DEMO_SITE.siteId });
      threshold = site?.config.triggers.low_confidence.threshold ?? threshold;
    }),
  );
  test.afterEach(() =>
    patchDemoConfig((config) => ({
      ...config,
      botAnswersWhileWaiting: false,
      triggers: { ...config.triggers, low_confidence: { ...config.triggers?.low_confidence, threshold } },
    })),
  );

  test('saves each section over the other admin’s save, and refuses only the section both changed', async ({ browser }) => {
    const first = await openInbox(browser, DANA);
    const second = await openInbox(browser, DANA);
    await openSettings(first);
    await openSettings(second);

    await first.getByLabel(THRESHOLD).fill('0.35');
    await first.getByLabel(THRESHOLD).blur();
    await first.getByRole('button', { name: 'Save triggers' }).click();
    await expect(first.getByRole('status').filter({ hasText: 'Triggers saved.' })).toBeVisible();

    // The second admin opened the settings before that save and edits two sections.
    const mine = second.getByLabel(THRESHOLD);
    await mine.fill('0.4');
    await mine.blur();
    await second.getByLabel(WAITING).check();

    // Handoff was not touched by the first admin: saved, over the first admin's newer version.
    await second.getByRole('button', { name: 'Save handoff' }).click();
    await expect(second.getByRole('status').filter({ hasText: 'Handoff saved.' })).toBeVisible();

    // Triggers was: refused, the edit kept on screen, and only this section's Save is held back.
    await second.getByRole('button', { name: 'Save triggers' }).click();
    await expect(second.getByRole('status').filter({ hasText: 'someone else saved this section after you opened it' })).toBeVisible();
    await expect(mine).toHaveValue('0.4');
    await expect(second.getByRole('button', { name: 'Save triggers' })).toBeDisabled();
    await expect(second.getByRole('button', { name: 'Save handoff' })).toBeEnabled();

    await second.getByRole('button', { name: 'Reload this section' }).click();
    await expect(second.getByRole('status').filter({ hasText: 'Loaded the latest Triggers settings.' })).toBeVisible();
    await expect(second.getByLabel(THRESHOLD)).toHaveValue('0.35');
    await expect(second.getByLabel(WAITING)).toBeChecked();
    await expect(second.getByRole('button', { name: 'Save triggers' })).toBeEnabled();

    // Both saves are in the database: neither overwrote the other.
    const stored = await withE2eDb((db) =>
      db
        .collection<{ _id: string; config: { botAnswersWhileWaiting: boolean; triggers: { low_confidence: { threshold: number } } } }>(
          'sites',
        )
        .findOne({ _id: DEMO_SITE.siteId }),
    );
    expect(stored?.config.botAnswersWhileWaiting).toBe(true);
    expect(stored?.config.triggers.low_confidence.threshold).toBe(0.35);
  });
});

test.describe('one section saved while another keeps its edits', () => {
  let days = 180;
  test.beforeEach(() =>
    withE2eDb(async (db) => {
      const site = await db
        .collection<{ _id: string; config: { retention: { resolvedDays: number } } }>('sites')
        .findOne({ _id: DEMO_SITE.siteId });
      days = site?.config.retention.resolvedDays ?? days;
    }),
  );
  test.afterEach(() => patchDemoConfig((config) => ({ ...config, retention: { resolvedDays: days } })));

  test('saves only that section, marks the other as unsaved, and asks before leaving with it', async ({ browser }) => {
    const dana = await openInbox(browser, DANA);
    await openSettings(dana);
    const nav = dana.getByRole('navigation', { name: 'Settings sections' });
    const replies = dana.getByRole('group', { name: 'Saved replies' });
    const firstTitle = replies.getByLabel('Title').first();
    const savedTitle = await firstTitle.inputValue();
    const retention = dana.getByLabel(/Delete resolved conversations after/);
    const keep = days === 90 ? '91' : '90';

    await firstTitle.fill(`${savedTitle} (draft)`);
    await retention.fill(keep);
    await retention.blur();
    await expect(nav.getByRole('button', { name: 'Saved replies (unsaved)' })).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Data retention (unsaved)' })).toBeVisible();
    const retentionSection = dana.locator('#settings-section-retention');
    await expect(retentionSection.getByRole('status')).toHaveText('Unsaved changes.');

    // Enter in the field submits its own section only.
    await retention.press('Enter');
    await expect(retentionSection.getByRole('status')).toHaveText('Data retention saved.');
    await expect(nav.getByRole('button', { name: 'Data retention', exact: true })).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Saved replies (unsaved)' })).toBeVisible();
    await expect(firstTitle).toHaveValue(`${savedTitle} (draft)`);
    await expect(dana.locator('#settings-section-saved-replies').getByRole('status')).toHaveText('Unsaved changes.');
    const { violations } = await new AxeBuilder({ page: dana }).include('.settings').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    const stored = await withE2eDb((db) =>
      db
        .collection<{ _id: string; config: { retention: { resolvedDays: number }; savedReplies: { title: string }[] } }>('sites')
        .findOne({ _id: DEMO_SITE.siteId }),
    );
    expect(stored?.config.retention.resolvedDays).toBe(Number(keep));
    expect(stored?.config.savedReplies[0]?.title).toBe(savedTitle);

    // The guard names what is still unsaved; "Cancel" stays with the edit.
    let asked = '';
    dana.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await dana.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Live', exact: true }).click();
    await expect(dana.getByRole('heading', { level: 2, name: 'Site settings' })).toBeVisible();
    expect(asked).toBe('Unsaved changes in Saved replies. Leave Settings without saving them?');
    await expect(firstTitle).toHaveValue(`${savedTitle} (draft)`);

    // Saved, nothing is left to ask about: leaving goes straight through.
    await dana.getByRole('button', { name: 'Save saved replies' }).click();
    await expect(dana.locator('#settings-section-saved-replies').getByRole('status')).toHaveText('Saved replies saved.');
    await firstTitle.fill(savedTitle);
    await dana.getByRole('button', { name: 'Save saved replies' }).click();
    await expect(dana.locator('#settings-section-saved-replies').getByRole('status')).toHaveText('Saved replies saved.');
    await dana.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Live', exact: true }).click();
    await expect(dana.getByRole('heading', { level: 2, name: 'Live' })).toBeVisible();
  });
});

test.describe('queue members ticked by name', () => {
  const setGeneralMembers = (members: string[]) =>
    patchDemoConfig((config) => ({ ...config, queues: (config.queues ?? []).map((q) => (q.id === 'general' ? { ...q, members } : q)) }));
  test.beforeEach(async () => {
    await setGeneralMembers([]);
    // Sam is this journey's absent colleague, whatever an earlier journey left his inbox doing.
    await withE2eDb((db) =>
      db.collection<{ _id: string }>('operators').updateOne({ _id: 'op-sam' }, { $set: { presence: 'offline', presenceByChoice: false } }),
    );
  });
  test.afterEach(() => setGeneralMembers([]));

  test('a queue worked only by an absent colleague offers the visitor a callback, and everyone again once unticked', async ({
    browser,
  }) => {
    const dana = await openInbox(browser, DANA);
    await openSettings(dana);
    const general = dana.getByRole('group', { name: 'General (general)' });
    const members = general.getByRole('group', { name: 'Members' });
    await expect(members).toContainText('Nobody ticked: every operator of the site works this queue.');
    await expect(members.getByRole('checkbox', { name: DANA.name })).not.toBeChecked();

    // Keyboard only, as a person tabbing through the checklist would.
    await members.getByRole('checkbox', { name: 'Sam Rivera' }).focus();
    await dana.keyboard.press('Space');
    await expect(members.getByRole('checkbox', { name: 'Sam Rivera' })).toBeChecked();
    await expect(members).toContainText('1 ticked: only this operator is offered and paged for this queue.');
    await dana.getByRole('button', { name: 'Save queues' }).click();
    await expect(dana.getByRole('status').filter({ hasText: 'Queues saved.' })).toBeVisible();

    const { page: first } = await startVisitor(browser, 'Members');
    await first.getByRole('button', { name: 'Talk to a person' }).click();
    await expect(visitorStage(first)).toContainText('Nobody from our team is available right now.');

    // What was saved is what the page shows after a reload.
    await dana.reload();
    await openSettings(dana);
    const reloaded = dana.getByRole('group', { name: 'General (general)' }).getByRole('group', { name: 'Members' });
    await expect(reloaded.getByRole('checkbox', { name: 'Sam Rivera' })).toBeChecked();
    await reloaded.getByRole('checkbox', { name: 'Sam Rivera' }).uncheck();
    await dana.getByRole('button', { name: 'Save queues' }).click();
    await expect(dana.getByRole('status').filter({ hasText: 'Queues saved.' })).toBeVisible();

    const { page: second, name } = await startVisitor(browser, 'Members');
    await second.getByRole('button', { name: 'Talk to a person' }).click();
    await expect(visitorStage(second)).toContainText('Connecting you with a person');
    await showView(dana, 'Awaiting handoff');
    await openConversation(dana, name);
    await confirmAction(dana, 'Resolve');
    await expect(visitorStage(second)).toContainText('This conversation is closed.');
  });
});

test.describe('the site secret', () => {
  // Later journeys (and the demo page) sign with the seeded secret: put it back.
  test.afterEach(() =>
    withE2eDb((db) => db.collection<{ _id: string }>('sites').updateOne({ _id: DEMO_SITE.siteId }, { $set: { secret: DEMO_SITE.secret } })),
  );

  test('is revealed on request, rotated only after a confirmation, and hidden when the admin leaves', async ({ browser }) => {
    const dana = await openInbox(browser, DANA);
    await openSettings(dana);
    const panel = dana.getByRole('region', { name: 'Identity secret' });
    const secret = panel.getByRole('textbox', { name: 'Identity secret' });
    await expect(secret).toHaveCount(0);

    await panel.getByRole('button', { name: 'Reveal secret' }).click();
    await expect(secret).toHaveValue(DEMO_SITE.secret);
    await expect(secret).toBeFocused();

    // Asking to rotate puts the keyboard on the harmless answer; Escape backs out and changes nothing.
    const rotate = panel.getByRole('button', { name: 'Rotate secret…' });
    await rotate.click();
    const question = panel.getByRole('group', { name: 'Replace the identity secret with a new one?' });
    await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
    const { violations } = await new AxeBuilder({ page: dana }).include('.settings').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await dana.keyboard.press('Escape');
    await expect(question).toHaveCount(0);
    await expect(rotate).toBeFocused();
    await expect(secret).toHaveValue(DEMO_SITE.secret);

    await rotate.click();
    await question.getByRole('button', { name: 'Rotate now' }).click();
    await expect(panel.getByRole('status')).toContainText('New secret in place.');
    await expect(secret).toHaveValue(/^[0-9a-f]{64}$/);
    const rotated = await secret.inputValue();

    await showView(dana, 'Awaiting handoff');
    await showView(dana, 'Settings');
    await expect(panel.getByRole('textbox', { name: 'Identity secret' })).toHaveCount(0);
    await panel.getByRole('button', { name: 'Reveal secret' }).click();
    await expect(secret).toHaveValue(rotated);
  });
});
