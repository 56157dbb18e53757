import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultQueues } from '../../shared/config/queues';
import type { OperatorEvent } from '../../shared/operator-protocol';
import { connectOperator, loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;

/** Billing lists Ana and Cy as members, but Cy works only for another site; General lists nobody. */
beforeEach(async () => {
  h = await startHarness();
  const queues = defaultQueues.map((q) => (q.id === 'billing' ? { ...q, members: ['op-ana', 'op-cy'] } : q));
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { queues } });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana', siteIds: ['site-a'] });
  await seedOperator(h, { operatorId: 'op-bo', email: 'bo@a.test', name: 'Bo', siteIds: ['site-a'] });
  await seedOperator(h, { operatorId: 'op-cy', email: 'cy@b.test', name: 'Cy', siteIds: ['site-b'] });
});
afterEach(() => h.close());

async function handOff(text: string) {
  const { client } = await visitorSession(h, 'key-a');
  client.send({ type: 'send_message', clientMessageId: 'm', text });
  const conversationId = (await client.waitFor('message_added')).message.conversationId;
  await client.waitFor('handoff_started');
  return { client, conversationId };
}

const pagesAbout = (events: OperatorEvent[], conversationId: string) =>
  events.flatMap((e) => (e.type === 'paged' && e.conversation.conversationId === conversationId ? [e.reason] : []));

describe('who is paged', () => {
  it('pages the members of the queue about a handoff and lists it for everyone on the site', async () => {
    const [ana, bo, cy] = await Promise.all(
      ['ana@a.test', 'bo@a.test', 'cy@b.test'].map(async (email) => connectOperator(h, await loginOperator(h, email))),
    );
    const billing = await handOff('I want a refund for order 48213, it arrived broken.');
    const page = await ana!.waitFor('paged', (e) => e.conversation.conversationId === billing.conversationId);
    expect(page).toMatchObject({ reason: 'handoff', conversation: { queue: 'billing', state: 'queued' } });
    await bo!.waitFor('handoff_started', (e) => e.conversation.conversationId === billing.conversationId);

    // General lists no members, so it is everyone's: by the time Bo is paged about it, any page about Billing would have come first.
    const general = await handOff('I want to talk to a person');
    await bo!.waitFor('paged', (e) => e.conversation.conversationId === general.conversationId && e.reason === 'handoff');
    await ana!.waitFor('paged', (e) => e.conversation.conversationId === general.conversationId);
    expect(pagesAbout(bo!.events, billing.conversationId)).toEqual([]);
    // A member id that outlived the operator's access to the site pages nobody.
    expect(cy!.events.filter((e) => e.type !== 'welcome')).toEqual([]);
    for (const socket of [ana, bo, cy]) socket!.close();
    billing.client.close();
    general.client.close();
  });

  it('pages the operator a conversation is transferred to, and nobody else', async () => {
    const anaSession = await loginOperator(h, 'ana@a.test');
    const [ana, bo] = [await connectOperator(h, anaSession), await connectOperator(h, await loginOperator(h, 'bo@a.test'))];
    const { client, conversationId } = await handOff('I want a refund for order 48213, it arrived broken.');
    expect((await anaSession.fetch(`/api/conversations/${conversationId}/claim`, { body: {} })).status).toBe(200);
    expect((await anaSession.fetch(`/api/conversations/${conversationId}/transfer`, { body: { operatorId: 'op-bo' } })).status).toBe(200);
    const page = await bo!.waitFor('paged', (e) => e.conversation.conversationId === conversationId);
    expect(page).toMatchObject({ reason: 'transfer', conversation: { state: 'owned', owner: { operatorId: 'op-bo' } } });
    await ana!.waitFor('conversation_updated', (e) => e.conversation.owner?.operatorId === 'op-bo');
    expect(pagesAbout(ana!.events, conversationId)).toEqual(['handoff']);
    ana!.close();
    bo!.close();
    client.close();
  });
});
