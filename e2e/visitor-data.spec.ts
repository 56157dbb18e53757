import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { VisitorDataExport } from '../shared/visitor-data';
import { closeContexts, DANA, openConversation, openInbox, operatorTranscript, showView, startVisitor, visitorStage } from './support/inbox';
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
