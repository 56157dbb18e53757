import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultQueues } from '../../shared/config/queues';
import { requeueLapsedOffers } from '../flows/handoff/auto-assign';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

beforeEach(async () => {
  offsetMs = 0;
  h = await startHarness({ clock });
  await seedSite(h, {
    siteId: 'site-a',
    siteKey: 'key-a',
    config: { queues: defaultQueues.map((q) => (q.id === 'general' ? { ...q, mode: 'automatic', offerTimeoutSeconds: 30 } : q)) },
  });
  for (const name of ['Ana', 'Bo', 'Cy']) {
    await seedOperator(h, { operatorId: `op-${name}`, email: `${name}@a.test`, name, siteIds: ['site-a'], capacity: 2 });
  }
});
afterEach(() => h.close());

async function handOff(n: number): Promise<string[]> {
  const sessions = await Promise.all(Array.from({ length: n }, () => visitorSession(h, 'key-a')));
  for (const { client } of sessions) client.send({ type: 'request_human', clientMessageId: 'h' });
  const ids = await Promise.all(sessions.map(async ({ client }) => (await client.waitFor('message_added')).message.conversationId));
  await Promise.all(sessions.map(({ client }) => client.waitFor('handoff_started')));
  for (const { client } of sessions) client.close();
  return ids;
}

async function eventually<T>(probe: () => Promise<T>, done: (v: T) => boolean, ms = 5000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  let value = await probe();
  while (!done(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await probe();
  }
  return value as NonNullable<T>;
}

const owners = async () => {
  const { conversations: docs } = await h.deps.store.conversations.list(['site-a'], 'live', { operatorId: '' });
  const count = new Map<string, number>();
  for (const d of docs) if (d.owner) count.set(d.owner.operatorId, (count.get(d.owner.operatorId) ?? 0) + 1);
  return { docs, count };
};

describe('automatic assignment', () => {
  it('fills free capacity under a burst of handoffs without exceeding it or assigning twice', async () => {
    const ids = await handOff(10);
    const { docs, count } = await eventually(owners, (o) => o.docs.filter((d) => d.state === 'owned').length >= 6);
    expect([...count.values()].every((n) => n <= 2)).toBe(true);
    expect([...count.values()].reduce((a, b) => a + b, 0)).toBe(6);
    expect(docs.filter((d) => d.state === 'queued')).toHaveLength(4);
    for (const id of ids) {
      const assigned = await h.db.collection('audit').countDocuments({ conversationId: id, action: 'assigned' });
      expect(assigned).toBeLessThanOrEqual(1);
    }
  });

  it('offers the backlog at once when an operator frees capacity', async () => {
    await handOff(7);
    const before = await eventually(owners, (o) => o.docs.filter((d) => d.state === 'owned').length >= 6);
    const ana = before.docs.find((d) => d.owner?.operatorId === 'op-Ana')!;
    const session = await loginOperator(h, 'Ana@a.test');
    expect((await session.fetch(`/api/conversations/${ana._id}/claim`, { body: {} })).status).toBe(200); // accept the offer
    expect((await session.fetch(`/api/conversations/${ana._id}/resolve`, { body: {} })).status).toBe(200);
    const after = await eventually(owners, (o) => o.docs.filter((d) => d.state === 'queued').length === 0);
    expect(after.count.get('op-Ana')).toBe(2);
    expect(after.docs.filter((d) => d.state === 'queued')).toHaveLength(0);
  });

  it('moves an offer nobody accepted to the next operator', async () => {
    const [id] = await handOff(1);
    const first = await eventually(
      () => h.deps.store.conversations.get(id!),
      (c) => c?.state === 'owned',
    );
    expect(first.offer?.operatorId).toBe(first.owner!.operatorId);
    offsetMs = 31_000;
    expect(await requeueLapsedOffers(h.deps)).toBe(1);
    const second = (await h.deps.store.conversations.get(id!))!;
    expect(second.state).toBe('owned');
    expect(second.owner?.operatorId).not.toBe(first.owner?.operatorId);
    expect(second.declinedBy).toEqual([first.owner!.operatorId]);
    const actions = (await h.deps.store.audit.forConversation(id!)).map((a) => a.action);
    expect(actions).toEqual(['escalated', 'assigned', 'requeued', 'assigned']);
  });
});
