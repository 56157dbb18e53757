import { expect, type Page, test } from '@playwright/test';
import { e2eSecretKey } from '../scripts/e2e-secret-key';
import { seal } from '../server/security/secret-box';
import { demoBotConfig } from '../server/seed/demo-knowledge-base';
import { type OpenAiTestServer, startOpenAiTestServer } from '../server/test-support/openai-test-server';
import { patchDemoConfig, withE2eDb } from './support/db';
import {
  action,
  closeContexts,
  DANA,
  escapeRegExp,
  openConversation,
  openInbox,
  showView,
  startVisitor,
  visitorStage,
} from './support/inbox';
import { HANDOFF_NOTICE, sendAsVisitor } from './support/pages';

// The AI agent of the demo site, configured against the local OpenAI-compatible test server that
// runs in this test process; the Baton server under test streams from it over loopback.
let model: OpenAiTestServer;

test.beforeAll(async () => {
  model = await startOpenAiTestServer({ apiKey: 'sk-e2e' });
  await patchDemoConfig((config) => ({
    ...config,
    bot: {
      kind: 'openai',
      baseUrl: model.baseUrl,
      model: 'e2e-model',
      entries: demoBotConfig.entries,
      firstTokenTimeoutMs: 3000,
      idleTimeoutMs: 3000,
    },
  }));
  await withE2eDb((db) =>
    db.collection<{ _id: string }>('sites').updateOne({ _id: 'site-demo' }, { $set: { botApiKey: seal(e2eSecretKey(), 'sk-e2e') } }),
  );
});

test.afterAll(async () => {
  await patchDemoConfig((config) => ({ ...config, bot: demoBotConfig }));
  await withE2eDb((db) => db.collection<{ _id: string }>('sites').updateOne({ _id: 'site-demo' }, { $set: { botApiKey: null } }));
  await model.close();
});

test.beforeEach(() => model.clearScript());
test.afterEach(closeContexts);

/** Every frame the visitor's widget received, in order. */
function framesOf(page: Page): { type: string; [key: string]: unknown }[] {
  const frames: { type: string }[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(JSON.parse(String(f.payload)))));
  return frames;
}

const growing = (page: Page) => page.locator('baton-chat [data-streaming]');

test('a visitor sees the answer grow as it is streamed, then the whole stored answer', async ({ browser }) => {
  model.script({
    kind: 'text',
    tokens: ['Our lamps', ' are made', ' in Utrecht', ' from recycled', ' aluminium.'],
    firstDelayMs: 300,
    delayMs: 250,
  });
  const { page: visitor } = await startVisitor(browser, 'Stream');
  await sendAsVisitor(visitor, 'Where are your lamps made?');
  await expect(growing(visitor)).toContainText('Our lamps are made');
  await expect(visitor.getByRole('log')).toContainText('Our lamps are made in Utrecht from recycled aluminium.');
  await expect(growing(visitor)).toHaveCount(0);
});

test("an operator's barge-in cuts the stream mid-sentence: the visitor sees no later token, and the stored message says it was interrupted", async ({
  browser,
}) => {
  const dana = await openInbox(browser, DANA);
  const visitor = await (await browser.newContext()).newPage();
  const frames = framesOf(visitor);
  const { page, name } = await startVisitorOn(visitor, browser, 'Barge');
  model.script({ kind: 'text', tokens: Array.from({ length: 80 }, (_, i) => ` word${i}`), firstDelayMs: 100, delayMs: 150 });
  await sendAsVisitor(page, 'Tell me everything about your lamps');
  await expect(growing(page)).toContainText('word2');

  await showView(dana, 'Live');
  await openConversation(dana, name);
  await action(dana, 'Barge in').click();
  await expect(visitorStage(page)).toContainText(`${DANA.badge} joined the conversation.`);
  const stored = page.getByRole('log').getByText(/\(answer interrupted\)/);
  await expect(stored).toBeVisible();
  await expect(growing(page)).toHaveCount(0);
  // A moment later still nothing more: the model's stream was closed.
  await page.waitForTimeout(1000);

  const joined = frames.findIndex((f) => f.type === 'operator_joined');
  expect(joined).toBeGreaterThan(-1);
  expect(frames.slice(joined).filter((f) => f.type === 'bot_delta')).toEqual([]);
  const shown = frames
    .filter((f) => f.type === 'bot_delta')
    .map((f) => f.text as string)
    .join('');
  // The bubble also holds its sender label for screen readers and its time; the message text is what the visitor saw, cut off.
  await expect(stored).toHaveText(
    new RegExp(`${escapeRegExp(shown.trimEnd())}… \\(answer interrupted\\)\\s*\\d{1,2}[:.]\\d{2}(\\s?[AP]M)?$`),
  );
  expect(shown).not.toContain('word79');
});

test('a hand_off tool call escalates with the model’s summary in the case package', async ({ browser }) => {
  model.script({
    kind: 'tool_calls',
    before: ['I will bring in a colleague.'],
    calls: [
      {
        name: 'hand_off',
        arguments: { reason: 'refund', summary: 'Visitor wants a refund for order 48213.\nThe lamp arrived with a cracked shade.' },
      },
    ],
  });
  const dana = await openInbox(browser, DANA);
  const { page: visitor, name } = await startVisitor(browser, 'HandOff');
  // Nothing in the question itself hands off (no policy topic): the model decides.
  await sendAsVisitor(visitor, 'I have a question about the lamp from order 48213');
  await expect(visitorStage(visitor)).toContainText(HANDOFF_NOTICE);
  await showView(dana, 'Awaiting handoff');
  const pane = await openConversation(dana, name);
  await expect(pane.locator('.summary')).toContainText('Visitor wants a refund for order 48213.');
  await expect(pane.locator('.summary')).toContainText('The lamp arrived with a cracked shade.');
});

test('a broken stream hands off as a tool failure the operator can read', async ({ browser }) => {
  model.script({ kind: 'broken', tokens: ['Our opening', ' hours are'], ending: 'cut', delayMs: 100 });
  const dana = await openInbox(browser, DANA);
  const { page: visitor, name } = await startVisitor(browser, 'Broken');
  await sendAsVisitor(visitor, 'What are your opening hours?');
  await expect(visitorStage(visitor)).toContainText(HANDOFF_NOTICE);
  await expect(visitor.getByRole('log')).toContainText('Our opening hours are… (answer interrupted)');
  await showView(dana, 'Awaiting handoff');
  const pane = await openConversation(dana, name);
  await expect(pane).toContainText("The AI endpoint's stream broke off");
});

/** startVisitor, on a page whose frames are already being recorded. */
async function startVisitorOn(page: Page, _browser: import('@playwright/test').Browser, label: string) {
  const name = `${label} ${Math.random().toString(36).slice(2, 8)}`;
  await page.goto('/demo');
  await page.waitForFunction(() => 'Baton' in window);
  await page.evaluate(
    (identity) => (window as unknown as { Baton: { identify(i: { id: string; name: string }): void } }).Baton.identify(identity),
    {
      id: `e2e-${name.replace(/\s+/g, '-')}`,
      name,
    },
  );
  await page.getByRole('button', { name: /open chat|chat with us/i }).click();
  await expect(page.getByRole('button', { name: 'Talk to a person' })).toBeEnabled();
  return { page, name };
}
