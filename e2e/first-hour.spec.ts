import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { alwaysOpenSchedule } from '../shared/config/hours';
import { withE2eDb } from './support/db';
import { closeOpenedContexts } from './support/pages';
import { ServerProcess } from './support/server-process';

// A site owner's first hour, from an empty database: the command line creates the site, the admin
// follows the invite link, sets a password, signs in, pastes the snippet on their shop (another
// port, so another origin) where a visitor chats and hands off, and the admin answers. The same
// snippet pasted on a page of another origin is refused.

const run = promisify(execFile);
const port = Number(process.env.E2E_PORT ?? 3917) + 1;
const database = `${process.env.E2E_DB ?? 'baton_e2e'}_first_hour`;
const baton = new ServerProcess(port, database, { E2E_EMPTY: '1', PUBLIC_URL: `http://127.0.0.1:${port}` });
const servers: Server[] = [];

/** A plain HTTP server on a free loopback port answering every request with one page: a shop the site owner runs. */
async function servePage(html: string): Promise<string> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const shopPage = (title: string, snippet: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${snippet}</body></html>`;

test.beforeAll(async () => {
  await baton.start(false);
});
test.afterAll(async () => {
  await baton.stop();
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});
test.afterEach(closeOpenedContexts);
// The command line twice, a sign-up, a chat and a second page: more than one journey's minute on two shared cores.
test.setTimeout(180_000);

test('from an empty database: baton site create → invite → password → sign in → snippet on the shop → handoff → answer; another origin is refused', async ({
  browser,
}) => {
  // The shop's address must exist before the site is created: it is the allowed origin.
  let shopHtml = '';
  const shop = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(shopHtml);
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  servers.push(shop);
  const shopOrigin = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;

  expect(await withE2eDb((db) => db.collection('sites').countDocuments(), database)).toBe(0);
  const env = { ...process.env, MONGODB_DB: database, PUBLIC_URL: `http://127.0.0.1:${port}` };
  const created = await run('npx', ['baton', 'site', 'create', '--name', 'Acme', '--origin', shopOrigin, '--admin', 'ana@acme.example'], {
    env,
  });
  const snippet = /<script src="[^"]+\/widget\.js" data-site="[^"]+" async><\/script>/.exec(created.stdout)?.[0];
  const inviteUrl = /http:\/\/\S+\/inbox\/#\/invite\/[\w-]+/.exec(created.stdout)?.[0];
  const siteKey = /site key:\s+(\S+)/.exec(created.stdout)?.[1];
  expect(snippet, created.stdout).toBeTruthy();
  expect(inviteUrl, created.stdout).toBeTruthy();
  expect(snippet).toContain(`http://127.0.0.1:${port}/widget.js`);
  // Bad input: one line naming what to fix, and a non-zero exit.
  const refused = await run(
    'npx',
    ['baton', 'site', 'create', '--name', 'Acme', '--origin', 'acme.example/shop', '--admin', 'ana@acme.example'],
    { env },
  ).catch((e) => e);
  expect(refused.code).toBe(2);
  expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: "acme\.example\/shop" is not an origin/)]);
  // The site's people answer around the clock here, so the handoff reaches a person at any hour of the test run.
  await withE2eDb((db) => db.collection('sites').updateOne({ siteKey }, { $set: { 'config.hours': alwaysOpenSchedule } }), database);

  // The admin follows the link, sets a password and signs in.
  const admin = await (await browser.newContext()).newPage();
  await admin.goto(inviteUrl!);
  await expect(admin.getByRole('heading', { name: 'Join Acme' })).toBeVisible();
  await admin.getByLabel('Your name, as visitors will see it').fill('Ana Lima');
  await admin.getByLabel('Choose a password (at least 10 characters)').fill('acme-first-hour');
  await admin.getByLabel('The same password again').fill('acme-first-hour');
  await admin.getByRole('button', { name: 'Set password' }).click();
  await expect(admin.getByRole('status')).toContainText('You can now sign in as ana@acme.example');
  await admin.getByRole('link', { name: 'Sign in' }).click();
  await expect(admin.getByLabel('Email')).toHaveValue('ana@acme.example');
  await admin.getByLabel('Password').fill('acme-first-hour');
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin.getByText('Signed in as Ana Lima')).toBeVisible();
  // The link was for one use.
  const again = await (await browser.newContext()).newPage();
  await again.goto(inviteUrl!);
  await expect(again.getByRole('alert')).toContainText('unknown, already used or expired');

  // The snippet, pasted on the shop, works there.
  shopHtml = shopPage('Acme shop', snippet!);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(shopOrigin);
  await visitor.getByRole('button', { name: /open chat|chat with us/i }).click();
  await expect(visitor.getByRole('button', { name: 'Talk to a person' })).toBeEnabled();
  await visitor.getByLabel('Message', { exact: true }).fill('I want to talk to a person');
  await visitor.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(visitor.getByRole('log')).toContainText('I want to talk to a person');

  // The admin sees the handoff, claims it and answers.
  await admin.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Awaiting handoff', exact: true }).click();
  await admin
    .getByRole('list', { name: /conversations$/ })
    .getByRole('link')
    .first()
    .click();
  await expect(admin.getByRole('log').first()).toContainText('I want to talk to a person');
  await admin.getByRole('button', { name: 'Claim', exact: true }).click();
  await expect(admin.getByLabel('Reply')).toBeEditable();
  await admin.getByLabel('Reply').fill('Hi, Ana from Acme here. How can I help?');
  const replied = admin.waitForResponse((r) => r.url().endsWith('/reply'));
  await admin.getByRole('button', { name: 'Send', exact: true }).click();
  expect((await replied).status()).toBe(200);
  await expect(visitor.getByRole('log')).toContainText('Hi, Ana from Acme here. How can I help?');

  // The same snippet on a page of another origin: the key does nothing there.
  const copycatOrigin = await servePage(shopPage('Copycat shop', snippet!));
  const stranger = await (await browser.newContext()).newPage();
  const consoleErrors: string[] = [];
  stranger.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await stranger.goto(copycatOrigin);
  await stranger.getByRole('button', { name: /open chat|chat with us/i }).click();
  await expect(stranger.getByText('The chat is not available right now.')).toBeVisible();
  // Never welcomed: nothing of the site (its config, a conversation) reached this page.
  await expect(stranger.getByRole('button', { name: 'Talk to a person' })).toHaveCount(0);
  expect(consoleErrors.join('\n')).toContain(`Baton: ${copycatOrigin} is not one of this site's allowed origins`);
});
