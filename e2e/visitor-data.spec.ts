import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { VisitorDataExport } from '../shared/visitor-data';
import { expectNoSeriousA11yViolations } from './support/axe';
import {
  closeContexts,
  DANA,
  openConversation,
  openInbox,
  operatorTranscript,
  showView,
  startVisitor,
  visitorStage,
} from './support/inbox';
import { sendAsVisitor } from './support/pages';

test.afterEach(closeContexts);

test("an admin downloads a visitor's data, then erases it: their words leave the conversation and the widget", async ({ browser }) => {
  const { page: visitor, name } = await startVisitor(browser, 'Privacy');
  const words = `My order ${name.split(' ')[1]}-PRIV arrived broken`;
  await sendAsVisitor(visitor, words);
  await visitor.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(visitorStage(visitor)).toContainText(/Connecting you with a person|available|hours/);

  const dana = await openInbox(browser, DANA);
  await showView(dana, 'Awaiting handoff');
  const pane = await openConversation(dana, name);
  await expect(operatorTranscript(pane)).toContainText(words);
  const data = pane.getByRole('region', { name: "Visitor's data" });

  const [download] = await Promise.all([dana.waitForEvent('download'), data.getByRole('link', { name: 'Export visitor data' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^visitor-[\w-]+\.json$/);
  const exported = VisitorDataExport.parse(JSON.parse(await readFile((await download.path())!, 'utf8')));
  expect(exported.visitor.identity).toMatchObject({ name });
  expect(exported.visitor.erasedAt).toBeNull();
  expect(exported.conversations).toHaveLength(1);
  expect(exported.conversations[0]!.messages.map((m) => m.text)).toContain(words);
  expect(exported.audit.map((a) => a.action)).toContain('escalated');

  await data.getByRole('button', { name: 'Erase visitor data…' }).click();
  await expect(data).toContainText('This cannot be undone.');
  await expectNoSeriousA11yViolations(dana, '.visitor-data');
  await data.getByRole('button', { name: 'Erase now' }).click();
  await expect(dana.getByRole('status').filter({ hasText: 'personal data were erased' })).toBeVisible();

  // The pane now shows a nameless, resolved conversation without a word of theirs, also after a reload.
  const erasedPane = dana.getByRole('region', { name: 'Visitor', exact: true });
  await expect(operatorTranscript(erasedPane)).not.toContainText(words);
  await dana.reload();
  await expect(operatorTranscript(dana.getByRole('region', { name: 'Visitor', exact: true }))).toBeVisible();
  await expect(dana.getByRole('main')).not.toContainText(words);
  await expect(dana.getByRole('main')).not.toContainText(name);

  // Their widget was disconnected and started afresh as a new visitor: the transcript is gone there too.
  await expect(visitor.getByRole('log')).toBeVisible();
  await expect(visitor.getByRole('log')).not.toContainText(words);

  // A second export shows what is left: the tombstone.
  const [again] = await Promise.all([dana.waitForEvent('download'), dana.getByRole('link', { name: 'Export visitor data' }).click()]);
  const tombstone = VisitorDataExport.parse(JSON.parse(await readFile((await again.path())!, 'utf8')));
  expect(tombstone.visitor.identity).toBeNull();
  expect(tombstone.visitor.erasedAt).not.toBeNull();
  expect(tombstone.conversations[0]!.messages).toEqual([]);
});

test('the retention period is edited in Settings, a value out of range refused beside its field', async ({ browser }) => {
  const dana = await openInbox(browser, DANA);
  await showView(dana, 'Settings');
  const privacy = dana.getByRole('group', { name: 'Privacy' });
  const days = privacy.getByLabel(/Delete resolved conversations after/);
  await expect(days).toHaveValue('180');
  const save = async (value: string) => {
    await days.fill(value);
    await dana.getByRole('button', { name: 'Save data retention' }).click();
  };

  await save('0');
  await expect(privacy.getByRole('listitem').filter({ hasText: 'whole number of days from 1 to 3650' })).toBeVisible();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(dana, '.privacy-settings');

  await save('90');
  await expect(dana.getByRole('status').filter({ hasText: 'Data retention saved.' })).toBeVisible();
  await dana.reload();
  await expect(dana.getByRole('group', { name: 'Privacy' }).getByLabel(/Delete resolved conversations after/)).toHaveValue('90');
  // Back to the default, so later journeys on this database see the demo as seeded.
  await save('180');
  await expect(dana.getByRole('status').filter({ hasText: 'Data retention saved.' })).toBeVisible();
});
