import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

// Insights through the real app: the counters move as the handoff happens, a reopening keeps the
// first episode's rating, an operator sees only their own work, and each figure lists its conversations.

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'], role: 'admin' });
  await seedOperator(h, { operatorId: 'op-bo', email: 'bo@a.test', name: 'Bo Chen', siteIds: ['site-a'], role: 'operator' });
});
afterEach(() => h.close());

async function handOff(key: string) {
  const { client } = await visitorSession(h, key);
  client.send({ type: 'send_message', clientMessageId: 'm1', text: 'my order number is 48213' });
  const id = (await client.waitFor('message_added', (e) => e.message.clientMessageId === 'm1')).message.conversationId;
  client.send({ type: 'request_human', clientMessageId: 'h' });
  await client.waitFor('handoff_started');
  return { client, id };
}

describe('insights', () => {
  it('count a handoff through to its rating, keep it across a reopening, and list the conversations behind each figure', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const bo = await loginOperator(h, 'bo@a.test');
    const { client, id } = await handOff('key-a');
    expect((await bo.fetch(`/api/conversations/${id}/claim`, { body: {} })).status).toBe(200);
    expect(
      (
        await bo.fetch(`/api/conversations/${id}/reply`, {
          body: { clientMessageId: 'r1', text: 'Hi! Could you tell me your order number?' },
        })
      ).status,
    ).toBe(200);
    expect((await bo.fetch(`/api/conversations/${id}/resolve`, { body: {} })).status).toBe(200);
    await client.waitFor('conversation_resolved');
    client.send({ type: 'rate', score: 5, comment: 'Quick' });
    await client.waitFor('conversation_updated', (e) => e.conversation.rated);
    // Reopened: the first episode's figures stay.
    client.send({ type: 'send_message', clientMessageId: 'again', text: 'one more thing' });
    await client.waitFor('message_added', (e) => e.message.clientMessageId === 'again');

    const site = await ana.fetch('/api/sites/site-a/insights');
    expect(site.status).toBe(200);
    const f = site.body.figures;
    expect(site.body.scope).toBe('site');
    expect(f.handoffs).toBe(1);
    expect(f.byTrigger).toEqual([{ key: 'human_request', count: 1 }]);
    expect(f.timeToHuman.count).toBe(1);
    expect(f.timeToFirstReply.count).toBe(1);
    expect(f.resolutionTime.count).toBe(1);
    expect(f.satisfaction.handoff).toEqual({ rated: 1, average: 5 });
    expect(f.repeatExplanation).toMatchObject({ count: 1, of: 1, byOperator: 1 });
    expect(f.scorecard).toEqual([
      { trigger: 'human_request', handoffs: 1, resolvedByPerson: 1, returnedToBot: 0, rated: 1, reopened24h: 1 },
    ]);

    const behind = await ana.fetch('/api/sites/site-a/insights/conversations?measure=rated_handoff');
    expect(behind.body.conversations).toEqual([
      expect.objectContaining({
        conversationId: id,
        episode: 1,
        trigger: 'human_request',
        outcome: 'resolved',
        rating: { score: 5, comment: 'Quick' },
      }),
    ]);
    expect((await ana.fetch('/api/sites/site-a/insights/conversations?measure=abandoned')).body.conversations).toEqual([]);

    // Bo took it, so Bo's own Insights count it; filtered to another trigger, nothing.
    const mine = await bo.fetch('/api/sites/site-a/insights');
    expect(mine.body.scope).toBe('mine');
    expect(mine.body.figures.handoffs).toBe(1);
    expect((await ana.fetch('/api/sites/site-a/insights?trigger=frustration')).body.figures.handoffs).toBe(0);

    const csv = await fetch(`${h.baseUrl}/api/sites/site-a/insights.csv`, { headers: { cookie: ana.cookie } });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).split('\n');
    expect(lines).toContain('handoffs,,1,,');
    expect(lines).toContain('scorecard_rated,human_request,1,,1');
  });

  it('refuse a site the operator does not belong to and a measure it does not know', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    expect((await ana.fetch('/api/sites/site-b/insights')).status).toBe(404);
    const bad = await ana.fetch('/api/sites/site-a/insights/conversations?measure=nonsense');
    expect(bad.status).toBe(400);
  });
});
