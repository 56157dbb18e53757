import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginOperator, type OperatorSession, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
let operators: OperatorSession[];

beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  operators = [];
  for (let i = 0; i < 20; i++) {
    await seedOperator(h, { operatorId: `op-${i}`, email: `op${i}@a.test`, name: `Operator ${i}`, siteIds: ['site-a'] });
  }
  operators = await Promise.all(Array.from({ length: 20 }, (_, i) => loginOperator(h, `op${i}@a.test`)));
});
afterEach(() => h.close());

async function conversationIn(state: 'bot' | 'queued'): Promise<string> {
  const { client } = await visitorSession(h, 'key-a');
  client.send({ type: 'send_message', clientMessageId: 'c1', text: 'Are you a bot?' });
  const added = await client.waitFor('message_added');
  await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
  if (state === 'queued') {
    client.send({ type: 'request_human', clientMessageId: 'h' });
    await client.waitFor('handoff_started');
  }
  client.close();
  return added.message.conversationId;
}

describe('exactly one owner', () => {
  it('gives a conversation to one of 20 operators claiming at the same instant', async () => {
    const id = await conversationIn('queued');
    const results = await Promise.all(operators.map((op) => op.fetch(`/api/conversations/${id}/claim`, { body: {} })));
    const winners = results.filter((r) => r.status === 200);
    const losers = results.filter((r) => r.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    const owner = winners[0]!.body.conversation.owner as { operatorId: string; name: string };
    for (const l of losers) expect(l.body).toEqual({ code: 'already_claimed', message: `Already claimed by ${owner.name}.`, owner });
    const audit = await h.db.collection('audit').countDocuments({ conversationId: id, action: 'claimed' });
    expect(audit).toBe(1);
  });

  it('lets a claim and a barge-in race end with one owner', async () => {
    const id = await conversationIn('queued');
    const [a, b] = await Promise.all([
      operators[0]!.fetch(`/api/conversations/${id}/claim`, { body: {} }),
      operators[1]!.fetch(`/api/conversations/${id}/barge-in`, { body: {} }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const doc = await h.deps.store.conversations.get(id);
    expect(doc?.state).toBe('owned');
    expect([a, b].find((r) => r.status === 200)!.body.conversation.owner.operatorId).toBe(doc?.owner?.operatorId);
  });

  it('lets 20 operators barge in on a bot conversation with one winner', async () => {
    const id = await conversationIn('bot');
    const results = await Promise.all(operators.map((op) => op.fetch(`/api/conversations/${id}/barge-in`, { body: {} })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
  });

  it('settles return-to-bot racing a new claim in a consistent state', async () => {
    const id = await conversationIn('queued');
    expect((await operators[0]!.fetch(`/api/conversations/${id}/claim`, { body: {} })).status).toBe(200);
    const [back, claim] = await Promise.all([
      operators[0]!.fetch(`/api/conversations/${id}/return-to-bot`, { body: { note: 'answered' } }),
      operators[1]!.fetch(`/api/conversations/${id}/claim`, { body: {} }),
    ]);
    expect(back.status).toBe(200);
    // The claim either lost to the owner (409) or saw the bot holding it (409): never a second owner.
    expect(claim.status).toBe(409);
    const doc = await h.deps.store.conversations.get(id);
    expect(doc).toMatchObject({ state: 'bot', owner: null });
  });

  it('refuses a reply from anyone but the owner', async () => {
    const id = await conversationIn('queued');
    await operators[0]!.fetch(`/api/conversations/${id}/claim`, { body: {} });
    const other = await operators[1]!.fetch(`/api/conversations/${id}/reply`, { body: { clientMessageId: 'x', text: 'me too' } });
    expect(other).toEqual({ status: 409, body: { code: 'already_claimed', message: 'Claimed by Operator 0: only they can reply.', owner: { operatorId: 'op-0', name: 'Operator 0' } } });
  });

  it('refuses an intent correction from anyone but the owner, and takes the owner\'s', async () => {
    const id = await conversationIn('queued');
    await operators[0]!.fetch(`/api/conversations/${id}/claim`, { body: {} });
    const other = await operators[1]!.fetch(`/api/conversations/${id}/intent`, { body: { intent: 'refund' } });
    expect(other.status).toBe(409);
    expect(other.body.owner).toEqual({ operatorId: 'op-0', name: 'Operator 0' });
    const own = await operators[0]!.fetch(`/api/conversations/${id}/intent`, { body: { intent: 'refund' } });
    expect(own.status).toBe(200);
    expect(own.body.conversation.intent).toBe('refund');
  });
});
