import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteConfigResponse } from '../../shared/http';
import { demoBotConfig } from '../seed/demo-knowledge-base';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
// A Monday, 10:00 UTC: Amsterdam's weekday team is at work.
const now = new Date('2026-12-21T10:00:00Z');

beforeEach(async () => {
  h = await startHarness({ clock: { now: () => now } });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'], role: 'admin' });
  const weekday = [{ start: '09:00', end: '17:30' }];
  await seedSite(h, {
    siteId: 'site-a',
    siteKey: 'key-a',
    config: {
      bot: demoBotConfig,
      hours: { timeZone: 'Europe/Amsterdam', weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday } },
    },
  });
});
afterEach(() => h.close());

async function ask(locale: string, timeZone: string, text: string): Promise<string> {
  const { client } = await visitorSession(h, 'key-a', { context: { locale, timeZone } });
  client.send({ type: 'send_message', clientMessageId: `q-${Math.random()}`, text });
  const reply = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
  client.close();
  return reply.message.text;
}

describe('the built-in bot in the visitor’s language', () => {
  it('answers a French visitor’s hours question with the configured hours, in French, in their zone, and follows an admin’s edit', async () => {
    expect(await ask('fr-FR', 'Europe/Lisbon', 'Quand êtes-vous ouverts ?')).toBe(
      "Notre équipe est là du lundi au vendredi 08:00–16:30 (votre heure, Europe/Lisbon). Nous sommes ouverts en ce moment, jusqu'à 16:30.",
    );

    const ana = await loginOperator(h, 'ana@a.test');
    const current = SiteConfigResponse.parse((await ana.fetch('/api/sites/site-a/config')).body);
    const saturday = [{ start: '10:00', end: '14:00' }];
    const put = await ana.fetch('/api/sites/site-a/config', {
      method: 'PUT',
      body: {
        config: { ...current.config, hours: { ...current.config.hours, weekly: { ...current.config.hours.weekly, sat: saturday } } },
        configVersion: current.configVersion,
      },
    });
    expect(put.status).toBe(200);

    expect(await ask('fr-FR', 'Europe/Lisbon', 'Quand êtes-vous ouverts ?')).toBe(
      "Notre équipe est là du lundi au vendredi 08:00–16:30 et samedi 09:00–13:00 (votre heure, Europe/Lisbon). Nous sommes ouverts en ce moment, jusqu'à 16:30.",
    );
  });

  it.each([
    ['es', '¿Dónde está mi pedido?', 'Puedes seguir tu paquete'],
    ['de', 'Wo ist meine Bestellung?', 'Sie können Ihr Paket'],
    ['pt', 'Onde está a minha encomenda?', 'Pode seguir a sua encomenda'],
  ])('answers in %s from that language’s articles', async (locale, question, start) => {
    expect((await ask(locale, 'Europe/Berlin', question)).startsWith(start)).toBe(true);
  });
});
