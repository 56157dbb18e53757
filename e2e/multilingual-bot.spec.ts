import { expect, test } from '@playwright/test';
import { alwaysOpenSchedule } from '../shared/config/hours';
import { patchDemoConfig, withE2eDb } from './support/db';
import { DANA, closeContexts, openInbox, showView } from './support/inbox';

test.afterEach(async () => {
  await closeContexts();
  await patchDemoConfig((config) => ({ ...config, hours: alwaysOpenSchedule }));
});

test('a French visitor asks when the shop is open and gets the configured hours in French, in their zone; an admin’s edit changes the answer', async ({
  browser,
}) => {
  const visitor = await (await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Lisbon' })).newPage();
  await visitor.goto('/demo');
  await visitor.getByRole('button', { name: 'Ouvrir le chat' }).click();
  const log = visitor.getByRole('log');
  const ask = async (text: string) => {
    await visitor.getByLabel('Message', { exact: true }).fill(text);
    await visitor.getByRole('button', { name: 'Envoyer', exact: true }).click();
  };
  await ask('Quand êtes-vous ouverts ?');
  // The demo site is open around the clock (UTC): no invented Amsterdam office hours.
  await expect(log).toContainText('Nous sommes ouverts 24 h/24 : notre équipe est là tous les jours.');

  // The admin sets weekday hours in Amsterdam in Settings.
  const dana = await openInbox(browser, DANA);
  await showView(dana, 'Settings');
  await dana.getByLabel('Time zone (IANA, e.g. Europe/Berlin)').fill('Europe/Amsterdam');
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
    await dana.getByLabel(day, { exact: true }).fill('09:00-17:30');
  for (const day of ['Saturday', 'Sunday']) await dana.getByLabel(day, { exact: true }).fill('');
  await dana.getByLabel('Sunday', { exact: true }).press('Tab');
  await dana.getByRole('button', { name: 'Save hours' }).click();
  await expect(dana.getByRole('status').filter({ hasText: 'Hours saved.' })).toBeVisible();

  await ask('Quelles sont vos heures d’ouverture ?');
  // Amsterdam's 09:00–17:30 is 08:00–16:30 in Lisbon.
  await expect(log).toContainText('Notre équipe est là du lundi au vendredi 08:00–16:30 (votre heure, Europe/Lisbon).');
});

test('an admin adds a French article in Settings, tests a question against it, and a French visitor gets it', async ({ browser }) => {
  const dana = await openInbox(browser, DANA);
  await showView(dana, 'Settings');
  await dana.getByLabel('Articles in').selectOption('fr');
  await dana.getByRole('button', { name: 'Add a French article' }).click();
  const article = dana.getByRole('list', { name: 'French articles' }).getByRole('listitem').last();
  await article.getByLabel('Question', { exact: true }).fill('Faites-vous des cartes cadeaux ?');
  await article.getByLabel('Question', { exact: true }).press('Tab');
  await article.getByLabel('Answer', { exact: true }).fill('Oui : des cartes cadeaux de 25 €, 50 € et 100 €, valables deux ans.');
  await article.getByLabel('Answer', { exact: true }).press('Tab');
  await article.getByLabel('Other words visitors use (comma separated)').fill('carte cadeau, bon cadeau, offrir');
  await article.getByLabel('Other words visitors use (comma separated)').press('Tab');
  await article.getByLabel('Article id (the same in every language)').fill('gift_cards');
  await article.getByLabel('Article id (the same in every language)').press('Tab');
  await dana.getByRole('button', { name: 'Save knowledge base' }).click();
  await expect(dana.getByRole('status').filter({ hasText: 'Knowledge base saved.' })).toBeVisible();

  await dana.getByLabel('Question to test').fill('Vous vendez des cartes cadeaux ?');
  await dana.getByLabel('Asked in').selectOption('fr');
  await dana.getByRole('button', { name: 'Test question' }).click();
  await expect(
    dana.getByText(/Answered by “Faites-vous des cartes cadeaux \?” \(fr, id gift_cards\) with confidence 0\.\d+/),
  ).toBeVisible();

  const visitor = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await visitor.goto('/demo');
  await visitor.getByRole('button', { name: 'Ouvrir le chat' }).click();
  await visitor.getByLabel('Message', { exact: true }).fill('Vous vendez des cartes cadeaux ?');
  await visitor.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await expect(visitor.getByRole('log')).toContainText('Oui : des cartes cadeaux de 25 €, 50 € et 100 €, valables deux ans.');

  // Deleted again, so later journeys see the demo as seeded.
  await dana.getByLabel('Articles in').selectOption('fr');
  await dana.getByRole('button', { name: 'Delete article Faites-vous des cartes cadeaux ?' }).click();
  await dana.getByRole('button', { name: 'Save knowledge base' }).click();
  await expect(dana.getByRole('status').filter({ hasText: 'Knowledge base saved.' })).toBeVisible();
});

test('the AI agent’s API key is write-only in Settings', async ({ browser }) => {
  const dana = await openInbox(browser, DANA);
  await showView(dana, 'Settings');
  await expect(dana.getByText('The AI agent has no API key yet.')).toBeVisible();
  await dana.getByLabel('AI agent API key').fill('sk-settings-e2e-123');
  await dana.getByRole('button', { name: 'Save API key' }).click();
  await expect(dana.getByText('API key saved. It is stored encrypted and never shown again.')).toBeVisible();
  await expect(dana.getByLabel('AI agent API key')).toHaveValue('');
  await expect(dana.getByText('The AI agent has an API key.')).toBeVisible();
  const stored = await withE2eDb((db) => db.collection('sites').findOne({ _id: 'site-demo' as never }));
  expect(JSON.stringify(stored)).not.toContain('sk-settings-e2e-123');
  await dana.getByRole('button', { name: 'Remove API key' }).click();
  await expect(dana.getByText('API key removed.')).toBeVisible();
});
