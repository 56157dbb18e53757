import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedSite(h, { siteId: 'site-b', siteKey: 'key-b' });
  await seedOperator(h, { operatorId: 'op-sam', email: 'sam@a.test', name: 'Sam Rivera', siteIds: ['site-a'] });
  await seedOperator(h, { operatorId: 'op-kim', email: 'kim@a.test', name: 'Kim Ito', siteIds: ['site-a'] });
  await seedOperator(h, { operatorId: 'op-dana', email: 'dana@a.test', name: 'Dana Demo', siteIds: ['site-a'], role: 'admin' });
  await seedOperator(h, { operatorId: 'op-bea', email: 'bea@b.test', name: 'Bea Other', siteIds: ['site-b'], role: 'admin' });
});
afterEach(() => h.close());

async function claimedBySam() {
  const session = await visitorSession(h, 'key-a');
  session.client.send({ type: 'request_human', clientMessageId: 'h' });
  const id = (await session.client.waitFor('message_added')).message.conversationId;
  await session.client.waitFor('handoff_started');
  const sam = await loginOperator(h, 'sam@a.test');
  expect((await sam.fetch(`/api/conversations/${id}/claim`, { body: {} })).status).toBe(200);
  await session.client.waitFor('operator_joined', (e) => e.operator.name === 'Sam');
  return { ...session, id, sam };
}

describe('an admin taking over a colleague’s conversation', () => {
  it('moves it to the admin, tells the visitor who joined, audits it, and the old owner can no longer reply', async () => {
    const { client, id, sam } = await claimedBySam();
    const dana = await loginOperator(h, 'dana@a.test');
    const taken = await dana.fetch(`/api/conversations/${id}/take-over`, { body: { note: 'Sam went home' } });
    expect(taken.status).toBe(200);
    expect(taken.body.conversation).toMatchObject({ state: 'owned', owner: { operatorId: 'op-dana', name: 'Dana Demo' } });
    await client.waitFor('operator_joined', (e) => e.operator.name === 'Dana');

    const entry = (await h.deps.store.audit.forConversation(id)).at(-1);
    expect(entry).toMatchObject({
      action: 'taken_over',
      actor: { kind: 'operator', operatorId: 'op-dana' },
      note: 'Sam went home',
      from: 'owned',
      to: 'owned',
    });
    const late = await sam.fetch(`/api/conversations/${id}/reply`, { body: { clientMessageId: 'x', text: 'still here' } });
    expect(late.status).toBe(409);
    expect(late.body.owner).toEqual({ operatorId: 'op-dana', name: 'Dana Demo' });
    client.close();
  });

  it('is refused to a plain operator and invisible to another site’s admin', async () => {
    const { client, id } = await claimedBySam();
    const kim = await loginOperator(h, 'kim@a.test');
    const refused = await kim.fetch(`/api/conversations/${id}/take-over`, { body: {} });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    const bea = await loginOperator(h, 'bea@b.test');
    const hidden = await bea.fetch(`/api/conversations/${id}/take-over`, { body: {} });
    expect(hidden.status).toBe(404);
    expect((await h.deps.store.conversations.get(id))?.owner?.operatorId).toBe('op-sam');
    client.close();
  });
});
