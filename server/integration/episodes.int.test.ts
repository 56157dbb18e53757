import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

// A visitor writing after resolution used to erase the rating and the handoff's times, and the
// conversation left the Resolved history. Each handoff episode now keeps its facts.

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'], role: 'admin' });
});
afterEach(() => h.close());

describe('handoff episodes', () => {
  it('keep the rating, times and outcome of a resolved handoff after the visitor writes again', async () => {
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'request_human', clientMessageId: 'h' });
    const id = (await client.waitFor('message_added')).message.conversationId;
    // The wait first shown to the visitor is kept in the episode at the end of the escalation.
    const shownWait = async () => (await h.deps.store.conversations.get(id))?.episodes?.[0]?.waitEstimateShown ?? null;
    await expect.poll(shownWait, { timeout: 10_000 }).not.toBeNull();
    const ana = await loginOperator(h, 'ana@a.test');
    expect((await ana.fetch(`/api/conversations/${id}/claim`, { body: {} })).status).toBe(200);
    expect((await ana.fetch(`/api/conversations/${id}/reply`, { body: { clientMessageId: 'r1', text: 'Hello, Ana here.' } })).status).toBe(
      200,
    );
    expect((await ana.fetch(`/api/conversations/${id}/resolve`, { body: {} })).status).toBe(200);
    await client.waitFor('conversation_resolved');
    client.send({ type: 'rate', score: 4, comment: 'Good' });
    await client.waitFor('conversation_updated', (e) => e.conversation.rated);

    // The visitor comes back: the conversation reopens with the bot.
    client.send({ type: 'send_message', clientMessageId: 'again', text: 'one more question please' });
    await client.waitFor('message_added', (e) => e.message.clientMessageId === 'again');
    const reopened = await h.deps.store.conversations.get(id);
    expect(reopened).toMatchObject({ state: 'bot', rating: null, resolvedAt: null });
    expect(reopened?.episodes).toHaveLength(1);
    const [episode] = reopened?.episodes ?? [];
    expect(episode).toMatchObject({
      number: 1,
      startedBy: 'escalated',
      triggers: [{ trigger: 'human_request', evidence: expect.any(String) }],
      outcome: 'resolved',
      rating: { score: 4, comment: 'Good' },
      transfers: [],
    });
    for (const time of ['escalatedAt', 'claimedAt', 'firstHumanReplyAt', 'resolvedAt'] as const)
      expect(episode?.[time]).toBeInstanceOf(Date);
    expect(episode?.actualWaitMs).toBeGreaterThanOrEqual(0);
    expect(episode?.waitEstimateShown).not.toBeNull();

    // Still in the Resolved history, and counted there.
    const resolved = await ana.fetch('/api/conversations?view=resolved');
    expect(resolved.body.conversations.map((c: { conversationId: string }) => c.conversationId)).toContain(id);
    const listed = resolved.body.conversations.find((c: { conversationId: string }) => c.conversationId === id);
    expect(listed).toMatchObject({ state: 'bot', lastResolvedAt: episode?.resolvedAt?.toISOString() });

    // The next handoff is a new episode; the first stays as it was.
    client.events.length = 0;
    client.send({ type: 'request_human', clientMessageId: 'h2' });
    await client.waitFor('handoff_started');
    const again = await h.deps.store.conversations.get(id);
    expect(again?.episodes?.map((e) => [e.number, e.outcome, e.rating?.score ?? null])).toEqual([
      [1, 'resolved', 4],
      [2, null, null],
    ]);
    client.close();
  });
});
