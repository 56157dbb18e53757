import { expect, test } from '@playwright/test';
import { alwaysOpenSchedule } from '../shared/config/hours';
import { patchDemoConfig } from './support/db';
import { DANA, closeContexts, openInbox, showView } from './support/inbox';

test.afterEach(async () => {
  await closeContexts();
  await patchDemoConfig((config) => ({ ...config, hours: alwaysOpenSchedule }));
});

test('a French visitor asks when the shop is open and gets the configured hours in French, in their zone; an admin’s edit changes the answer', async ({ browser }) => {
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
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) await dana.getByLabel(day, { exact: true }).fill('09:00-17:30');
  for (const day of ['Saturday', 'Sunday']) await dana.getByLabel(day, { exact: true }).fill('');
  await dana.getByLabel('Sunday', { exact: true }).press('Tab');
  await dana.getByRole('button', { name: 'Save settings' }).click();
  await expect(dana.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  await ask('Quelles sont vos heures d’ouverture ?');
  // Amsterdam's 09:00–17:30 is 08:00–16:30 in Lisbon.
  await expect(log).toContainText('Notre équipe est là du lundi au vendredi 08:00–16:30 (votre heure, Europe/Lisbon).');
});
