import { afterEach, describe, expect, it } from 'vitest';
import { alwaysOpenSchedule } from '../../shared/config/hours';
import { defaultQueues } from '../../shared/config/queues';
import { requeueLapsedOffers } from '../flows/handoff/auto-assign';
import { createHoursWatch } from '../jobs/hours-watch';
import { visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };
afterEach(async () => {
  offsetMs = 0;
  await h.close();
});

async function waitingVisitor() {
  const session = await visitorSession(h, 'key-a');
  session.client.send({ type: 'request_human', clientMessageId: 'h' });
  const id = (await session.client.waitFor('message_added')).message.conversationId;
  await session.client.waitFor('handoff_started');
  return { ...session, id };
}

describe('the clock crossing a closing time', () => {
  it('tells a waiting visitor the queue closed, without any other event', async () => {
    h = await startHarness({ clock });
    const closingAt = new Date(Date.now() + 10 * 60_000);
    const closure = { start: closingAt.toISOString(), end: new Date(closingAt.getTime() + 3600_000).toISOString() };
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { hours: { ...alwaysOpenSchedule, closures: [closure] } } });
    await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana', siteIds: ['site-a'] });
    const watch = createHoursWatch(h.deps);
    const { client } = await waitingVisitor();
    const open = await client.waitFor('conversation_updated', (e) => e.conversation.position !== null);
    expect(open.conversation.callbackOffer ?? null).toBeNull();

    expect(await watch()).toBe(0); // nothing changed yet
    offsetMs = 11 * 60_000;
    expect(await watch()).toBe(1);
    const closed = await client.waitFor('conversation_updated', (e) => e.conversation.callbackOffer?.reason === 'closed');
    expect(closed.conversation.callbackOffer?.nextOpenAt).toBe(closure.end);
    client.close();
  });
});

describe('automatic offers', () => {
  it('go on to the conversations behind one the only free operator let lapse', async () => {
    h = await startHarness({ clock });
    const queues = defaultQueues.map((q) => (q.id === 'general' ? { ...q, mode: 'automatic' as const, offerTimeoutSeconds: 30 } : q));
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { queues } });
    await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana', siteIds: ['site-a'], capacity: 1 });
    const first = await waitingVisitor();
    // The offer follows the visitor's notice (handoff_started) within the escalation: wait for it.
    const offeredTo = async (id: string) => (await h.deps.store.conversations.get(id))?.offer?.operatorId;
    await expect.poll(() => offeredTo(first.id), { timeout: 10_000 }).toBe('op-ana');
    const second = await waitingVisitor();
    await expect.poll(async () => (await h.deps.store.conversations.get(second.id))?.state, { timeout: 10_000 }).toBe('queued');
    expect(await offeredTo(second.id)).toBeUndefined();

    offsetMs = 31_000;
    await requeueLapsedOffers(h.deps);
    // Ana let the first lapse, so it is not hers again; the second must not wait behind it.
    const [head, next] = await Promise.all([h.deps.store.conversations.get(first.id), h.deps.store.conversations.get(second.id)]);
    expect(head).toMatchObject({ state: 'queued', declinedBy: ['op-ana'], claimedAt: null });
    expect(next?.offer?.operatorId).toBe('op-ana');
    first.client.close();
    second.client.close();
  });
});
