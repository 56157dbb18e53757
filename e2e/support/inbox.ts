import { randomUUID } from 'node:crypto';
import { type Browser, type BrowserContext, expect, type Locator, type Page } from '@playwright/test';

export const DANA = { email: 'demo@baton.test', name: 'Dana Demo', badge: 'Dana' } as const;
export const SAM = { email: 'sam@baton.test', name: 'Sam Rivera', badge: 'Sam' } as const;
type Operator = typeof DANA | typeof SAM;

// The server allows 10 sign-ins a minute per address and email, and a run signs the same two
// operators in far more often than that: the first sign-in's cookie serves the rest of the run.
const signedIn = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();
const opened = new Set<BrowserContext>();

async function newContext(browser: Browser, options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  opened.add(context);
  return context;
}

/** A page in a fresh browser context of its own (nobody signed in), closed by closeContexts. */
export async function freshPage(browser: Browser): Promise<Page> {
  return (await newContext(browser)).newPage();
}

/** Closes every context the helpers opened: operators' sockets go, so presence follows reality. */
export async function closeContexts(): Promise<void> {
  const all = [...opened];
  opened.clear();
  await Promise.all(all.map((c) => c.close()));
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name no other conversation of the run has, so a test finds its own rows among everyone else's. */
export const uniqueName = (label: string) => `${label} ${randomUUID().slice(0, 6)}`;

/**
 * A visitor on the demo page who told the site their name (the page's `Baton.identify`), with
 * the widget open and connected. The name is on every inbox row of their conversation.
 */
export async function startVisitor(browser: Browser, label: string): Promise<{ page: Page; name: string }> {
  const name = uniqueName(label);
  const page = await (await newContext(browser)).newPage();
  await page.goto('/demo');
  await page.waitForFunction(() => 'Baton' in window);
  await page.evaluate(
    (identity) => (window as unknown as { Baton: { identify(i: { id: string; name: string }): void } }).Baton.identify(identity),
    { id: `e2e-${name.replace(/\s+/g, '-')}`, name },
  );
  await page.getByRole('button', { name: /open chat|chat with us/i }).click();
  await expect(page.getByLabel('Message', { exact: true })).toBeVisible();
  // Enabled once the server welcomed the widget; the identity goes out right then, before any message.
  await expect(page.getByRole('button', { name: 'Talk to a person' })).toBeEnabled();
  return { page, name };
}

/**
 * Where the visitor reads how the conversation stands: each status is said once, either as the
 * transcript's notice (connecting, who joined, closed…) or on the stage card (place, wait, facts,
 * forms; StageCard.tsx), so this is the panel holding both.
 */
export const visitorStage = (visitor: Page) => visitor.getByRole('dialog', { name: 'Chat with us' });

/** An operator's inbox in its own browser context, showing Awaiting handoff. */
export async function openInbox(browser: Browser, operator: Operator): Promise<Page> {
  const page = await (await newContext(browser, { storageState: signedIn.get(operator.email) })).newPage();
  await page.goto('/inbox/');
  const awaiting = viewLink(page, 'Awaiting handoff');
  const signInButton = page.getByRole('button', { name: 'Sign in' });
  await expect(awaiting.or(signInButton)).toBeVisible();
  if (await signInButton.isVisible()) {
    await page.getByLabel('Email').fill(operator.email);
    await page.getByLabel('Password').fill('baton-demo');
    await signInButton.click();
    await expect(awaiting).toBeVisible();
    signedIn.set(operator.email, await page.context().storageState());
  }
  await expect(page.getByText(`Signed in as ${operator.name}`)).toBeVisible();
  // An inbox closed for over 30 s left its operator "away", and opening it again does not undo
  // that (server/transport/operator-socket.ts only lifts "offline"): say "Online" as a person would.
  const status = page.getByLabel('Status');
  await status.selectOption('online');
  await expect(status).toHaveValue('online');
  return page;
}

export type View = 'Awaiting handoff' | 'Live' | 'Mine' | 'Callbacks' | 'Resolved' | 'Settings';

export const viewLink = (page: Page, view: View) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true });

export async function showView(page: Page, view: View): Promise<void> {
  // A click that lands while the inbox is still re-rendering after sign-in can be lost; clicking a
  // view link again is harmless, so retry until the view is the current one.
  await expect(async () => {
    await viewLink(page, view).click();
    await expect(viewLink(page, view)).toHaveAttribute('aria-current', 'page', { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 2, name: view === 'Settings' ? 'Site settings' : view })).toBeVisible();
}

/** The list row (a link) of the conversation with this visitor. */
export const conversationRow = (page: Page, visitorName: string) =>
  page.getByRole('list', { name: /conversations$/ }).getByRole('link', { name: new RegExp(escapeRegExp(visitorName)) });

/** The open conversation, a region named after its visitor. */
export const conversationPane = (page: Page, visitorName: string) => page.getByRole('region', { name: visitorName, exact: true });

export async function openConversation(page: Page, visitorName: string): Promise<Locator> {
  await conversationRow(page, visitorName).click();
  const pane = conversationPane(page, visitorName);
  await expect(pane.getByRole('log')).toBeVisible();
  return pane;
}

export const operatorTranscript = (pane: Locator) => pane.getByRole('log');

/** Bot messages in the operator's transcript: each item starts with its sender. */
export const botMessages = (pane: Locator) =>
  operatorTranscript(pane)
    .getByRole('listitem')
    .filter({ hasText: /^Bot\s/ });

/** Sends a reply and waits until the server confirmed it (the "sending…" mark is gone). */
export async function replyAsOperator(page: Page, pane: Locator, text: string): Promise<void> {
  await page.getByLabel('Reply').fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const item = operatorTranscript(pane).getByRole('listitem').filter({ hasText: text });
  await expect(item).toBeVisible();
  await expect(item).not.toContainText('sending…');
}

export const auditEntries = (pane: Locator) => pane.getByRole('region', { name: 'Audit trail' }).getByRole('listitem');

export const action = (page: Page, name: 'Claim' | 'Barge in' | 'Take over') => page.getByRole('button', { name, exact: true });

const dialogs = {
  Resolve: 'Resolve the conversation',
  'Return to bot': 'Return the conversation to the bot',
  Transfer: 'Transfer the conversation',
} as const;

/** An action that takes a note: its toolbar button opens a small dialog, confirmed there. */
export async function confirmAction(
  page: Page,
  name: keyof typeof dialogs,
  options: { note?: string; transferTo?: string } = {},
): Promise<void> {
  await page.getByRole('button', { name: `${name}…`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogs[name] });
  await expect(dialog).toBeVisible();
  if (options.transferTo) await dialog.getByLabel('Transfer to').selectOption({ label: options.transferTo });
  if (options.note) await dialog.getByLabel('Note for the audit trail (optional)').fill(options.note);
  await dialog.getByRole('button', { name, exact: true }).click();
  await expect(dialog).toBeHidden();
}
