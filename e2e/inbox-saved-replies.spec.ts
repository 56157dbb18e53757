import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import {
  action,
  closeContexts,
  DANA,
  openConversation,
  openInbox,
  operatorTranscript,
  showView,
  startVisitor,
  visitorStage,
} from './support/inbox';

test.afterEach(closeContexts);

test('an admin saves a reply in Settings; an operator inserts it with / and the keyboard, the visitor’s name filled in', async ({
  browser,
}) => {
  const dana = await openInbox(browser, DANA);
  const title = `Shipping times ${Date.now() % 100000}`;

  await test.step('Settings: add a saved reply', async () => {
    await showView(dana, 'Settings');
    const section = dana.getByRole('group', { name: 'Saved replies' });
    await section.getByRole('button', { name: 'Add a saved reply' }).click();
    await section.getByLabel('Title').last().fill(title);
    await section.getByLabel('Reply').last().fill('Hi {{visitor.name}}, parcels leave our warehouse within 24 hours.');
    await expectNoSeriousA11yViolations(dana, '#settings-saved-replies');
    await dana.getByRole('button', { name: 'Save saved replies' }).click();
    await expect(dana.getByRole('status').filter({ hasText: 'Saved replies saved.' })).toBeVisible();
  });

  const { page: visitor, name } = await startVisitor(browser, 'Saved');
  await visitor.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(visitorStage(visitor)).toContainText('Connecting you with a person');
  await showView(dana, 'Awaiting handoff');
  const pane = await openConversation(dana, name);
  await action(dana, 'Claim').click();
  await expect(pane.getByText('You own this conversation')).toBeVisible();

  await test.step('the composer: / opens the search, arrows choose, Enter inserts', async () => {
    const reply = dana.getByLabel('Reply', { exact: true });
    await reply.focus();
    await dana.keyboard.press('/');
    const search = dana.getByRole('combobox', { name: 'Search saved replies' });
    await expect(search).toBeFocused();
    await expect(dana.getByRole('listbox', { name: 'Saved replies' }).getByRole('option').first()).toBeVisible();
    await dana.keyboard.type('shipping times');
    const options = dana.getByRole('listbox', { name: 'Saved replies' }).getByRole('option');
    await expect(options).toHaveCount(1);
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await expect(search).toHaveAttribute('aria-activedescendant', /saved-/);
    await expectNoSeriousA11yViolations(dana);
    await dana.screenshot({ path: 'docs/screenshots/inbox-saved-replies.png' });
    await dana.keyboard.press('Enter');
    await expect(search).toBeHidden();
    await expect(reply).toBeFocused();
    await expect(reply).toHaveValue(`Hi ${name}, parcels leave our warehouse within 24 hours.`);
    await dana.keyboard.press('Control+Enter');
  });

  await expect(operatorTranscript(pane)).toContainText(`Hi ${name}, parcels leave our warehouse within 24 hours.`);
  await expect(visitor.getByRole('log')).toContainText(`Hi ${name}, parcels leave our warehouse within 24 hours.`);

  await test.step('Escape goes back to the reply, and a slash inside a sentence stays a slash', async () => {
    const reply = dana.getByLabel('Reply', { exact: true });
    await reply.focus();
    await dana.keyboard.press('/');
    await expect(dana.getByRole('combobox', { name: 'Search saved replies' })).toBeFocused();
    await dana.keyboard.press('Escape');
    await expect(reply).toBeFocused();
    await dana.keyboard.type('and/or');
    await expect(reply).toHaveValue('and/or');
    await expect(dana.getByRole('combobox', { name: 'Search saved replies' })).toHaveCount(0);
  });
});

test('Settings has a section navigation, and leaving it with unsaved changes asks first', async ({ browser }) => {
  const dana = await openInbox(browser, DANA);
  await showView(dana, 'Settings');
  const nav = dana.getByRole('navigation', { name: 'Settings sections' });
  await nav.getByRole('button', { name: 'Saved replies' }).click();
  await expect(dana.locator('#settings-section-saved-replies')).toBeFocused();
  await expect(dana.getByRole('group', { name: 'Saved replies' })).toBeInViewport();
  await expectNoSeriousA11yViolations(dana, '.settings-nav');

  await dana.getByRole('group', { name: 'Saved replies' }).getByLabel('Title').first().fill('Greeting (edited)');
  // Kept: the browser's confirmation is answered "Cancel", and Settings stays with the edit.
  dana.once('dialog', (dialog) => void dialog.dismiss());
  await dana.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Live', exact: true }).click();
  await expect(dana.getByRole('heading', { level: 2, name: 'Site settings' })).toBeVisible();
  await expect(dana.getByRole('group', { name: 'Saved replies' }).getByLabel('Title').first()).toHaveValue('Greeting (edited)');
  // Left: answered "OK".
  dana.once('dialog', (dialog) => void dialog.accept());
  await dana.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Live', exact: true }).click();
  await expect(dana.getByRole('heading', { level: 2, name: 'Live' })).toBeVisible();
});
