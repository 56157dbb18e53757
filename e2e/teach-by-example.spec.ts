import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { patchDemoConfig } from './support/db';
import { closeContexts, conversationRow, DANA, openConversation, openInbox, showView, startVisitor, visitorStage } from './support/inbox';
import { sendAsVisitor } from './support/pages';

test.afterEach(closeContexts);
// The demo site is shared by the whole run: take the taught topic and its sentences out again.
test.afterEach(() =>
  patchDemoConfig((config) => {
    const triggers = config.triggers ?? {};
    if (triggers.policy_topic?.topics) triggers.policy_topic.topics = triggers.policy_topic.topics.filter((t) => t.id !== 'warranty');
    if (triggers.semantic?.examples) triggers.semantic.examples = triggers.semantic.examples.filter((e) => e.label !== 'warranty');
    return { ...config, triggers };
  }),
);

const SENTENCES = [
  'my lamp stopped working after 3 months, is it covered?',
  'my lamp broke after two months, is it still under warranty?',
  'the lamp stopped working after a few months, does the warranty cover it?',
];
// French, and no keyword of any topic in it: only its meaning ties it to the sentences above.
const PARAPHRASE = 'Ma lampe ne marche plus au bout de trois mois, est-elle couverte par la garantie ?';

/** The semantic layer starts with the server, in the background: wait until its example bank is there. */
async function exampleBankReady(page: Page): Promise<void> {
  await expect
    .poll(async () => (await (await page.request.get('/healthz')).json()).embeddings, { timeout: 120_000 })
    .toMatchObject({ state: 'up', exampleBank: 'ready' });
}

test('an admin teaches a new topic by example, and a visitor who says it in another language reaches a person', async ({ browser }) => {
  test.setTimeout(180_000);
  const dana = await openInbox(browser, DANA);
  await exampleBankReady(dana);
  await showView(dana, 'Settings');
  const teach = dana.getByRole('group', { name: 'Teach by example' });
  await expect(teach).toBeVisible();

  // A new policy topic with no keywords at all: the sentences are all it has.
  await teach.getByLabel('These sentences mean').selectOption({ label: 'A new policy topic…' });
  await teach.getByLabel('New topic id').fill('warranty');
  await teach.getByLabel('Label shown to the visitor').fill('your warranty');
  await teach.getByLabel('Queue').selectOption({ label: 'General' });
  await teach.getByLabel('Example sentences (one per line)').fill('ok');
  await teach.getByRole('button', { name: 'Add sentences' }).click();
  // A sentence too short is refused beside the field, in words that say what to do.
  await expect(teach.getByLabel('Example sentences (one per line)')).toHaveAccessibleDescription(
    '"ok" should be 3 to 300 characters long.',
  );

  await teach.getByLabel('Example sentences (one per line)').fill(SENTENCES.join('\n'));
  await teach.getByRole('button', { name: 'Add sentences' }).click();
  const listed = teach.getByRole('region', { name: 'Examples: your warranty (warranty)' });
  for (const sentence of SENTENCES) await expect(listed.getByText(sentence, { exact: true })).toBeVisible();
  // Removing one takes it off the list; the others stay.
  await listed.getByRole('button', { name: `Remove example: ${SENTENCES[2]}` }).click();
  await expect(listed.getByText(SENTENCES[2]!, { exact: true })).toHaveCount(0);
  await teach.getByLabel('These sentences mean').selectOption({ label: 'your warranty (warranty)' });
  await teach.getByLabel('Example sentences (one per line)').fill(SENTENCES[2]!);
  await teach.getByRole('button', { name: 'Add sentences' }).click();
  await expect(listed.getByRole('listitem')).toHaveCount(3);
  await expectNoSeriousA11yViolations(dana, '#teach-by-example');

  await dana.getByRole('button', { name: 'Save teach by example' }).click();
  await expect(dana.getByRole('status').filter({ hasText: 'Teach by example saved.' })).toBeVisible();
  // Saved with the site settings: a reload reads them back from the server.
  await dana.reload();
  await showView(dana, 'Settings');
  await expect(dana.getByRole('region', { name: 'Examples: your warranty (warranty)' }).getByRole('listitem')).toHaveCount(3);
  await expect(dana.getByRole('group', { name: 'warranty', exact: true }).getByLabel('Keywords')).toHaveValue('');

  await showView(dana, 'Awaiting handoff');
  const { page: visitor, name } = await startVisitor(browser, 'Lamp');
  await sendAsVisitor(visitor, PARAPHRASE);
  await expect(visitorStage(visitor)).toContainText('Connecting you with a person');
  await expect(visitorStage(visitor)).toContainText('About: your warranty');

  // The operator sees why: the sentence it was close to, and how close.
  const row = conversationRow(dana, name);
  await expect(row).toContainText('Queue: General');
  await openConversation(dana, name);
  await expect(dana.getByText(/close to ".+" \(0\.\d\d\)/).first()).toBeVisible();
});
