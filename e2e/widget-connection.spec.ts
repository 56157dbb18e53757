import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { withE2eDb } from './support/db';
import { closeOpenedContexts, HANDOFF_NOTICE, openWidget, sendAsVisitor } from './support/pages';
import { ServerProcess } from './support/server-process';

test.afterEach(closeOpenedContexts);

test('messages typed while the server restarts are sent once, and nothing is lost or doubled', async ({ browser }) => {
  // Two server starts and a stop: slow by nature on a loaded machine.
  test.slow();
  const server = new ServerProcess(Number(process.env.E2E_PORT ?? 3917) + 50, `${process.env.E2E_DB ?? 'baton_e2e'}_restart`);
  await server.start(false);
  try {
    const page = await (await browser.newContext()).newPage();
    await openWidget(page, `${server.url}/demo`);
    await sendAsVisitor(page, 'first, before the restart');
    const log = page.getByRole('log');
    await expect(log.getByText(/Assistant:/).first()).toBeVisible();

    await server.stop();
    await expect(page.getByText(/Reconnecting/i).first()).toBeVisible();
    await sendAsVisitor(page, 'typed while the server was down');
    await server.start(true);
    await expect(page.getByText(/Reconnecting/i)).toHaveCount(0, { timeout: 30_000 });
    await sendAsVisitor(page, 'after the restart');
    const stored = () =>
      withE2eDb(
        async (db) => (await db.collection('messages').find({ 'sender.kind': 'visitor' }).sort({ seq: 1 }).toArray()).map((m) => m.text),
        server.database,
      );
    // Stored exactly once each, in order: nothing lost, nothing doubled.
    await expect.poll(stored).toEqual(['first, before the restart', 'typed while the server was down', 'after the restart']);
    await expect(log.getByText('typed while the server was down')).toHaveCount(1);
    await expect(log.getByText('after the restart')).toHaveCount(1);
    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect(page.getByRole('log').getByText('typed while the server was down')).toHaveCount(1);
  } finally {
    await server.stop();
  }
});

test('two tabs of the same visitor stay in step', async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await openWidget(first);
  await sendAsVisitor(first, 'hello from tab one');
  await expect(first.getByRole('log')).toContainText('hello from tab one');
  const second = await context.newPage();
  await openWidget(second);
  await expect(second.getByRole('log')).toContainText('hello from tab one');
  await sendAsVisitor(second, 'and from tab two');
  await expect(first.getByRole('log')).toContainText('and from tab two');
  await expect(first.getByRole('log').getByText('and from tab two')).toHaveCount(1);
});

test('identify: a valid hash makes a VIP go straight to the VIP queue; a forged one is ignored', async ({ browser }) => {
  const forged = await (await browser.newContext()).newPage();
  await forged.goto('/demo');
  await forged.evaluate(() => {
    (window as unknown as { Baton: { identify(i: object): void; open(): void } }).Baton.identify({
      id: 'eve',
      name: 'Eve Forger',
      tags: ['vip'],
      userHash: 'ab'.repeat(32),
    });
  });
  await forged.getByRole('button', { name: 'Open chat' }).click();
  await sendAsVisitor(forged, 'How long does shipping take?');
  await expect(
    forged
      .getByRole('log')
      .getByText(/Assistant:/)
      .first(),
  ).toBeVisible();
  await expect(forged.getByText(HANDOFF_NOTICE)).toHaveCount(0);

  const vip = await (await browser.newContext()).newPage();
  await vip.goto('/demo');
  const userHash = createHmac('sha256', 'demo-secret-change-me').update('vera-1').digest('hex');
  await vip.evaluate((hash) => {
    (window as unknown as { Baton: { identify(i: object): void } }).Baton.identify({
      id: 'vera-1',
      name: 'Vera Vip',
      email: 'vera@example.com',
      tags: ['vip'],
      userHash: hash,
    });
  }, userHash);
  await vip.getByRole('button', { name: 'Open chat' }).click();
  await sendAsVisitor(vip, 'How long does shipping take?');
  await expect(vip.getByText(HANDOFF_NOTICE).first()).toBeVisible();
  const queues = await withE2eDb(async (db) => ({
    vera: (await db.collection('conversations').findOne({ visitorName: 'Vera Vip' }))?.queue,
    eve: (await db.collection('conversations').findOne({ visitorName: 'Eve Forger' }))?.state,
  }));
  expect(queues).toEqual({ vera: 'vip', eve: 'bot' });
});

test('nothing is stored and no socket opens before the visitor interacts', async ({ page }) => {
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto('/demo');
  await expect(page.getByRole('button', { name: 'Open chat' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(sockets).toEqual([]);
  expect(await page.evaluate(() => Object.keys(localStorage).length + document.cookie.length)).toBe(0);
  expect(await page.evaluate(() => Object.keys(window).filter((k) => k.toLowerCase().includes('baton')))).toEqual(['Baton']);
  await page.getByRole('button', { name: 'Open chat' }).click();
  await sendAsVisitor(page, 'hi');
  await expect.poll(() => sockets.length).toBe(1);
  expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('baton:demo:')))).toBe(true);
});

test('the host page keeps its styles, scripts and forms, and the widget keeps its own under a strict CSP', async ({ page }) => {
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await openWidget(page);
  const send = page.getByRole('button', { name: 'Send', exact: true });
  const hostButton = page.getByRole('button', { name: 'Subscribe' });
  expect(await hostButton.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(255, 0, 170)');
  expect(await send.evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe('rgb(255, 0, 170)');
  expect(await send.evaluate((b) => getComputedStyle(b).fontFamily)).not.toMatch(/Georgia/);
  await page.getByLabel('Your email').fill('reader@example.com');
  await hostButton.click();
  await expect(page.getByRole('status').filter({ hasText: 'is subscribed' })).toBeVisible();
  expect(cspErrors).toEqual([]);
});

test('under 480 px the panel fills the screen with no horizontal scroll', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 375, height: 700 } })).newPage();
  await openWidget(page);
  const box = await page.getByRole('dialog', { name: 'Chat with us' }).boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(370);
  expect(box?.height).toBeGreaterThanOrEqual(650);
  await sendAsVisitor(page, 'a-very-long-word-without-any-spaces-that-could-push-the-layout-sideways-if-it-were-not-wrapped');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
