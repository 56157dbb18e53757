import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  // A queue closed now whatever the day and hour the test runs (a one-off closure around now; the
  // Monday hour alone was open on Mondays 09:00-10:00 Berlin), so the visitor is offered a callback.
  const closedNow = [{ start: new Date(Date.now() - 3_600_000).toISOString(), end: new Date(Date.now() + 86_400_000).toISOString() }];
  await seedSite(h, {
    siteId: 'site-a',
    siteKey: 'key-a',
    config: { hours: { timeZone: 'Europe/Berlin', weekly: { mon: [{ start: '09:00', end: '10:00' }] }, closures: closedNow } },
  });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'] });
  await seedOperator(h, { operatorId: 'op-sam', email: 'sam@a.test', name: 'Sam Roy', siteIds: ['site-a'] });
});
afterEach(async () => {
  await h.close();
});

/** A visitor books a "contact me when you can" callback; returns its id. */
async function bookCallback(): Promise<string> {
  const { client } = await visitorSession(h, 'key-a');
  client.send({ type: 'request_human', clientMessageId: 'h' });
  await client.waitFor('conversation_updated', (e) => e.conversation.callbackOffer !== null);
  client.send({ type: 'request_callback', clientMessageId: 'cb', contact: { kind: 'phone', value: '+49 30 1234567' } });
  await client.waitFor('callback_confirmed');
  client.close();
  const [callback] = await h.deps.store.callbacks.forSites(['site-a']);
  return callback!._id;
}

const doneAudits = () => h.db.collection('audit').countDocuments({ action: 'callback_done' });

describe('marking a callback done', () => {
  it('audits once when the same operator marks it done twice', async () => {
    const callbackId = await bookCallback();
    const ana = await loginOperator(h, 'ana@a.test');
    const first = await ana.fetch(`/api/callbacks/${callbackId}/done`, { body: {} });
    const second = await ana.fetch(`/api/callbacks/${callbackId}/done`, { body: {} });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.callback).toEqual(first.body.callback);
    expect(first.body.callback).toMatchObject({ status: 'done', doneBy: 'Ana Lima' });
    expect(await doneAudits()).toBe(1);
  });

  it('audits once and keeps the first name when two operators race', async () => {
    const callbackId = await bookCallback();
    const [ana, sam] = await Promise.all([loginOperator(h, 'ana@a.test'), loginOperator(h, 'sam@a.test')]);
    const results = await Promise.all([ana, sam].map((op) => op.fetch(`/api/callbacks/${callbackId}/done`, { body: {} })));
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const stored = await h.deps.store.callbacks.get(callbackId);
    expect(results.map((r) => r.body.callback.doneBy)).toEqual([stored!.doneBy, stored!.doneBy]);
    expect(await doneAudits()).toBe(1);
  });
});
