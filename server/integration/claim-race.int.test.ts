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

  it("settles return-to-bot racing another operator's barge-in with one consistent outcome", async () => {
    const id = await conversationIn('queued');
    expect((await operators[0]!.fetch(`/api/conversations/${id}/claim`, { body: {} })).status).toBe(200);
    const [back, barge] = await Promise.all([
      operators[0]!.fetch(`/api/conversations/${id}/return-to-bot`, { body: { note: 'answered' } }),
      operators[1]!.fetch(`/api/conversations/${id}/barge-in`, { body: {} }),
    ]);
    expect(back.status).toBe(200);
    const doc = await h.deps.store.conversations.get(id);
    // Either the barge-in came first and met the owner (409, the bot keeps it), or it came after
    // the return and took the conversation from the bot: never both owners, never a lost update.
    if (barge.status === 200) expect(doc).toMatchObject({ state: 'owned', owner: { operatorId: 'op-1' } });
    else expect([barge.status, doc?.state, doc?.owner]).toEqual([409, 'bot', null]);
    const actions = (await h.deps.store.audit.forConversation(id)).map((a) => a.action);
    expect(actions.filter((a) => a === 'returned_to_bot')).toHaveLength(1);
    expect(actions.filter((a) => a === 'barged_in')).toHaveLength(barge.status === 200 ? 1 : 0);
  });

  it('gives one owner when the claims arrive at two server instances sharing the database', async () => {
    // Each instance has its own in-process locks: only the database can settle this race.
    const second = await startHarness({ databaseName: h.db.databaseName });
    try {
      const id = await conversationIn('queued');
      const viaSecond = await Promise.all(Array.from({ length: 10 }, (_, i) => loginOperator(second, `op${i + 10}@a.test`)));
      const claims = [...operators.slice(0, 10), ...viaSecond].map((op) => op.fetch(`/api/conversations/${id}/claim`, { body: {} }));
      const results = await Promise.all(claims);
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(19);
      expect(await h.db.collection('audit').countDocuments({ conversationId: id, action: 'claimed' })).toBe(1);
    } finally {
      await second.app.close();
    }
  });

  it('refuses a reply from anyone but the owner', async () => {
    const id = await conversationIn('queued');
    await operators[0]!.fetch(`/api/conversations/${id}/claim`, { body: {} });
    const other = await operators[1]!.fetch(`/api/conversations/${id}/reply`, { body: { clientMessageId: 'x', text: 'me too' } });
    expect(other).toEqual({
      status: 409,
      body: {
        code: 'already_claimed',
        message: 'Claimed by Operator 0: only they can reply.',
        owner: { operatorId: 'op-0', name: 'Operator 0' },
      },
    });
  });

  it("refuses an intent correction from anyone but the owner, and takes the owner's", async () => {
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
