import { expect, type Locator, type Page, test } from '@playwright/test';
import { alwaysOpenSchedule, weekdays } from '../shared/config/hours';
import { expectNoSeriousA11yViolations } from './support/axe';
import { closeOpenConversations, patchDemoConfig, seedRecentHandoffs } from './support/db';
import { action, closeContexts, confirmAction, DANA, openConversation, openInbox, showView, startVisitor } from './support/inbox';
import { sendAsVisitor } from './support/pages';

// The widget of issue 14: attachments both ways, the team header with its measured pace, message
// times, the hidden-tab title count, the star rating, and callback slots by the visitor's own day.
// Screenshots for the README are taken here, at 375 px (docs/screenshots/).

test.afterEach(async () => {
  await closeContexts();
  await patchDemoConfig((config) => ({ ...config, hours: alwaysOpenSchedule }));
});

const panel = (visitor: Page) => visitor.getByRole('dialog', { name: 'Chat with us' });
const shot = (page: Page, name: string) => page.screenshot({ path: `docs/screenshots/${name}.png` });

async function claimedConversation(
  browser: import('@playwright/test').Browser,
  label: string,
  beforeHandoff?: (visitor: Page) => Promise<void>,
) {
  const dana = await openInbox(browser, DANA);
  const { page: visitor, name } = await startVisitor(browser, label);
  await visitor.setViewportSize({ width: 375, height: 760 });
  await beforeHandoff?.(visitor);
  await visitor.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(panel(visitor)).toContainText('Connecting you with a person');
  await showView(dana, 'Awaiting handoff');
  const pane = await openConversation(dana, name);
  await action(dana, 'Claim').click();
  await expect(pane.getByText('You own this conversation')).toBeVisible();
  await expect(visitor.getByRole('log')).toContainText(`${DANA.badge} joined the conversation.`);
  return { dana, visitor, pane, name };
}

/** Pastes a PNG into the message box as a browser does for a copied screenshot. */
async function pasteImage(input: Locator, png: Buffer) {
  await input.evaluate((element, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, png.toString('base64'));
}

test('a visitor pastes a screenshot the operator sees; a forbidden file is refused in words; the team header says how fast it replies', async ({
  browser,
}) => {
  await closeOpenConversations();
  // Recent claims, so the team's pace is known.
  await seedRecentHandoffs(6, 90, 300);
  const { dana, visitor, pane } = await claimedConversation(browser, 'Attach', async (visitor) => {
    // Before anyone joined: the team's initials and their measured pace (earlier journeys' claims
    // in this database count too, so the exact median is the integration test's, visitor-team.int.test.ts).
    await expect(panel(visitor)).toContainText(/Usually replies in \d+ minutes?/);
    await expectNoSeriousA11yViolations(visitor, 'baton-chat');
    await shot(visitor, 'widget-team-header');
  });

  // A real PNG: a picture of the page the visitor is on.
  const screenshot = await visitor.screenshot({ clip: { x: 0, y: 0, width: 300, height: 180 } });
  await pasteImage(visitor.getByLabel('Message', { exact: true }), screenshot);
  const sent = visitor.getByRole('log').getByRole('img', { name: 'image.png' });
  await expect(sent).toBeVisible();
  expect(await sent.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300 * (await visitor.evaluate(() => devicePixelRatio)));
  const seen = pane.getByRole('log').getByRole('img', { name: 'image.png' });
  await expect(seen).toBeVisible();
  await expect.poll(() => seen.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  // Each message shows its time, compactly.
  await expect(visitor.getByRole('log').locator('time').last()).toHaveText(/^\d{1,2}:\d{2}/);

  // An executable renamed as a document is refused by its bytes, with a sentence saying what can be sent.
  await visitor.getByLabel('Attach a file').setInputFiles({
    name: 'invoice.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]),
  });
  await expect(
    panel(visitor)
      .getByRole('status')
      .filter({ hasText: /That kind of file can.t be sent\. Try an image, a PDF/ }),
  ).toBeVisible();
  await expect(pane.getByRole('log')).not.toContainText('invoice.pdf');

  // The operator answers with a document: the visitor gets a download, not a preview.
  await dana.getByLabel('Attach a file').setInputFiles({
    name: 'returns-guide.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  });
  const download = visitor.getByRole('button', { name: /Download: returns-guide\.pdf/ });
  await expect(download).toBeVisible();
  const [file] = await Promise.all([visitor.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toBe('returns-guide.pdf');

  await expectNoSeriousA11yViolations(visitor, 'baton-chat');
  await shot(visitor, 'widget-attachments');
});

test('a reply in a hidden tab counts in the title until the visitor looks; the rating is stars named in words, seen by the operator', async ({
  browser,
}) => {
  await closeOpenConversations();
  const { dana, visitor, name } = await claimedConversation(browser, 'Rate');
  const title = await visitor.title();
  const setVisibility = (state: 'hidden' | 'visible') =>
    visitor.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  await dana.getByLabel('Reply').fill('Your refund is on its way.');
  await dana.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(visitor.getByRole('log')).toContainText('Your refund is on its way.');
  await expect(visitor).toHaveTitle(`(1) ${title}`);
  await setVisibility('visible');
  await expect(visitor).toHaveTitle(title);

  await confirmAction(dana, 'Resolve');
  await expect(visitor.getByRole('log')).toContainText('This conversation is closed.');
  // One place for each status: "closed" is the transcript's notice, not repeated on a card.
  await expect(panel(visitor).getByText('This conversation is closed.')).toHaveCount(1);
  const rating = visitor.getByRole('radiogroup', { name: 'How did we do?' });
  await expect(rating.getByRole('radio')).toHaveCount(5);
  await expectNoSeriousA11yViolations(visitor, 'baton-chat');
  // By keyboard: Tab into the group, arrows move along the stars.
  await rating.getByRole('radio', { name: 'Very poor (1/5)' }).focus();
  for (let i = 0; i < 3; i++) await visitor.keyboard.press('ArrowRight');
  await expect(rating.getByRole('radio', { name: 'Good (4/5)' })).toBeChecked();
  await visitor.getByLabel('Comment (optional)').fill('Quick and friendly.');
  await shot(visitor, 'widget-rating');
  await visitor.getByRole('button', { name: 'Send rating' }).click();
  await expect(panel(visitor)).toContainText('Thanks for your feedback!');

  await showView(dana, 'Resolved');
  const resolved = await openConversation(dana, name);
  await expect(resolved).toContainText('Rated 4/5 by the visitor: “Quick and friendly.”');
});

test('a visitor in Tokyo outside a Berlin team’s hours sees callback times by their own day, waking hours first, the transcript still in view', async ({
  browser,
}) => {
  await closeOpenConversations();
  // Closed now: the team's only hours are the evening of the day after tomorrow and the next
  // night, Berlin time, from 04:00 in Tokyo, so the offer starts with Tokyo's night hours.
  const hourIn = (zone: string, at: Date) =>
    Number(new Intl.DateTimeFormat('en', { hour: 'numeric', hourCycle: 'h23', timeZone: zone }).format(at));
  const later = new Date(Date.now() + 2 * 24 * 3600_000);
  const ahead = (hourIn('Asia/Tokyo', later) - hourIn('Europe/Berlin', later) + 24) % 24;
  const openAt = (4 - ahead + 24) % 24;
  const weekday = (at: Date) => new Intl.DateTimeFormat('en', { weekday: 'short', timeZone: 'Europe/Berlin' }).format(at).toLowerCase();
  const pad = (h: number) => `${String(h).padStart(2, '0')}:00`;
  const weekly = {
    ...Object.fromEntries(weekdays.map((d) => [d, []])),
    [weekday(later)]: [{ start: pad(openAt), end: '24:00' }],
    [weekday(new Date(later.getTime() + 24 * 3600_000))]: [{ start: '00:00', end: pad((openAt + 12) % 24) }],
  };
  await patchDemoConfig((config) => ({ ...config, hours: { timeZone: 'Europe/Berlin', weekly } }));

  const context = await browser.newContext({ timezoneId: 'Asia/Tokyo', locale: 'en-GB', viewport: { width: 375, height: 760 } });
  const visitor = await context.newPage();
  await visitor.goto('/demo');
  await visitor.getByRole('button', { name: /open chat|chat with us/i }).click();
  // A greeting, which the bot answers and the judgement leaves with it (small talk is never a
  // low-confidence answer; a request for a person, or a question the bot is unsure of, would hand
  // off by itself and take the button away), so the visitor asks for a person with the button.
  await sendAsVisitor(visitor, 'Hello!');
  await expect(panel(visitor).getByText(/^Assistant:/).first()).toBeVisible();
  await visitor.getByRole('button', { name: 'Talk to a person' }).click();
  const times = visitor.getByRole('radiogroup', { name: /When should we contact you\?/ });
  await expect(times).toBeVisible();
  // The zone is named once, in the heading, not on every time.
  await expect(panel(visitor).getByText(/Asia\/Tokyo/)).toHaveCount(1);
  const shown = await times.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.closest('label')?.textContent ?? ''));
  expect(shown[0]).toBe('Any time — just get back to me');
  const hours = shown.slice(1).map((label) => Number(label.split(':')[0]));
  // Waking hours in Tokyo (08:00–21:00) come first, though 04:00–08:00 is earlier; the night is behind "More times".
  expect(hours[0]).toBe(8);
  for (const hour of hours) expect(hour >= 8 && hour < 21).toBe(true);
  const more = times.getByText('More times');
  await expect(more).toBeVisible();
  await expectNoSeriousA11yViolations(visitor, 'baton-chat');
  const log = visitor.getByRole('log');
  expect((await log.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(140);
  await expect(log).toContainText('Hello!');
  await shot(visitor, 'widget-callback-tokyo');
  await more.click();
  await expect(times.getByRole('radio', { name: '4:00–5:00' })).toBeVisible();
  await expectNoSeriousA11yViolations(visitor, 'baton-chat');
  await context.close();
});
