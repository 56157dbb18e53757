import { expect, test } from '@playwright/test';
import { alwaysOpenSchedule } from '../shared/config/hours';
import { closeOpenConversations, patchDemoConfig, seedRecentHandoffs, withE2eDb } from './support/db';
import { closeOpenedContexts, openWidget, signIn } from './support/pages';

const hourIn = (timeZone: string) =>
  Number(new Intl.DateTimeFormat('en', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(new Date()));

/** A fixed-offset zone where it is 3 am right now, whenever the test runs. */
function zoneAtThreeAm(): string {
  for (let offset = -12; offset <= 14; offset++) {
    const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    if (hourIn(zone) === 3) return zone;
  }
  throw new Error('no zone at 3 am');
}

test.afterEach(async ({ browser, context }) => {
  await closeOpenedContexts({ browser, context });
  await patchDemoConfig((config) => ({ ...config, hours: alwaysOpenSchedule }));
});

test('a handoff at 3 am in the queue’s zone offers a callback in the visitor’s zone, and operators see it', async ({ browser }) => {
  const queueZone = zoneAtThreeAm();
  const visitorZone = hourIn('Asia/Tokyo') === 3 ? 'America/Sao_Paulo' : 'Asia/Tokyo';
  const day = [{ start: '09:00', end: '17:00' }];
  await patchDemoConfig((config) => ({
    ...config,
    hours: { timeZone: queueZone, weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day } },
  }));

  const visitor = await (await browser.newContext({ timezoneId: visitorZone, locale: 'en-GB' })).newPage();
  await openWidget(visitor);
  await visitor.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(visitor.getByText(/outside our working hours/i).first()).toBeVisible();
  // Never a fake promise: no "connecting you" while nobody can be connected.
  await expect(visitor.getByText(/Connecting you with a person/i)).toHaveCount(0);
  const slots = visitor.getByRole('radiogroup');
  await expect(slots).toBeVisible();

  // The first slot is today's 09:00 in the queue's zone, shown at the visitor's own wall time.
  const opening = new Date();
  const shift =
    (9 - hourIn(queueZone)) * 3600_000 - (opening.getMinutes() * 60_000 + opening.getSeconds() * 1000 + opening.getMilliseconds());
  const firstSlot = new Date(opening.getTime() + shift);
  const visitorWallTime = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', timeZone: visitorZone }).format(firstSlot);
  // "Any time" comes first and is the default; the visitor here picks the first time instead.
  await expect(slots.getByRole('radio', { name: 'Any time — just get back to me' })).toBeChecked();
  // Grouped by the visitor's days: a slot in their night is behind "More times".
  const first = slots
    .locator('label')
    .filter({ hasText: new RegExp(`^${visitorWallTime}–`) })
    .first();
  if (!(await first.isVisible())) await slots.getByText('More times').click();
  await expect(first).toBeVisible();
  await expect(visitor.getByText(new RegExp(visitorZone.replace('/', '.').replace('_', ' ')))).toBeVisible();
  await first.getByRole('radio').check();

  await visitor.getByLabel('Phone number or email').fill('+1 555 0100');
  await visitor.getByRole('button', { name: 'Request a callback' }).click();
  await expect(visitor.getByText('Thanks, we have your request.').first()).toBeVisible();
  const stored = await withE2eDb((db) =>
    db.collection('callbacks').find({ 'contact.value': '+1 555 0100' }).sort({ createdAt: -1 }).next(),
  );
  expect(Date.parse(stored?.slot?.start)).toBe(firstSlot.getTime());

  const { page: operator } = await signIn(browser, 'demo@baton.test');
  await operator
    .getByRole('link', { name: /^Callbacks/ })
    .first()
    .click();
  await expect(operator.getByRole('main')).toContainText('+1 555 0100');
});

test('a visitor’s place and wait range update live as operators claim the conversations ahead', async ({ browser }) => {
  await closeOpenConversations();
  await seedRecentHandoffs(8, 45, 240);
  const { page: dana } = await signIn(browser, 'demo@baton.test');
  const { page: sam } = await signIn(browser, 'sam@baton.test');

  const visitors = [];
  for (let i = 0; i < 3; i++) {
    const page = await (await browser.newContext()).newPage();
    await openWidget(page);
    await page.getByRole('button', { name: 'Talk to a person' }).click();
    await expect(page.getByText(`You are number ${i + 1} in the queue.`)).toBeVisible();
    visitors.push(page);
  }
  const last = visitors[2]!;
  const range = last.getByText(/Expected wait: \d+–\d+ minutes?\./);
  const readRange = async () => (/(\d+)–(\d+)/.exec((await range.textContent()) ?? '') ?? []).slice(1).map(Number) as [number, number];
  await expect(range).toBeVisible();
  let before = await readRange();

  for (const [operator, place] of [
    [dana, 2],
    [sam, 1],
  ] as const) {
    await operator
      .getByRole('link', { name: /^Awaiting handoff/ })
      .first()
      .click();
    await operator
      .getByRole('link', { name: /Waiting for a person|Queue: General/ })
      .first()
      .click();
    await operator.getByRole('button', { name: 'Claim' }).click();
    await expect(last.getByText(`You are number ${place} in the queue.`)).toBeVisible();
    await expect(range).toBeVisible();
    // Fewer people ahead never means a longer wait.
    const after = await readRange();
    expect(after[0]).toBeLessThanOrEqual(before[0]);
    expect(after[1]).toBeLessThanOrEqual(before[1]);
    before = after;
  }
});

test('outside hours the launcher says when the team is back, or hides, as the site chooses', async ({ browser }) => {
  const queueZone = zoneAtThreeAm();
  const day = [{ start: '09:00', end: '17:00' }];
  const closed = { timeZone: queueZone, weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day } };
  await patchDemoConfig((config) => ({ ...config, hours: closed, widget: { ...config.widget, whenUnavailable: 'show_back_at' } }));
  const visitor = await (await browser.newContext({ timezoneId: 'Asia/Tokyo', locale: 'en-GB' })).newPage();
  await visitor.goto('/demo');
  const opening = new Date(Date.now() + (9 - hourIn(queueZone)) * 3600_000);
  const back = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', timeZone: 'Asia/Tokyo' })
    .format(opening)
    .replace(/:\d\d/, '');
  await expect(visitor.getByText(/We’re back/)).toContainText(back);
  await expect(visitor.getByRole('button', { name: 'Open chat' })).toBeVisible();

  await patchDemoConfig((config) => ({ ...config, widget: { ...config.widget, whenUnavailable: 'hide_launcher' } }));
  const later = await (await browser.newContext()).newPage();
  await later.goto('/demo');
  await later.waitForLoadState('networkidle');
  await expect(later.getByRole('button', { name: 'Open chat' })).toBeHidden();
  await patchDemoConfig((config) => ({ ...config, widget: { ...config.widget, whenUnavailable: 'show_back_at' } }));
});
