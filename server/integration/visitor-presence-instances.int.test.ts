import { afterEach, describe, expect, it } from 'vitest';
import { connectOperator, loginOperator, visitorSession } from '../test-support/clients';
import { type InstanceHarness, seedOperator, seedSite } from '../test-support/harness';
import { type Instances, startInstances } from '../test-support/instances';

// Two real instances on one database with the event bus: a visitor's tabs may land on either.
const GRACE_MS = 200;
const STALE_AFTER_MS = 800;
let instances: Instances;
let a: InstanceHarness;
let b: InstanceHarness;

async function start(graceMs: number) {
  instances = await startInstances(['a', 'b'], { heartbeatMs: 200, staleAfterMs: STALE_AFTER_MS, visitorLeftGraceMs: graceMs });
  [a, b] = instances.all as [InstanceHarness, InstanceHarness];
  await seedSite(a, { siteId: 'site-a', siteKey: 'key-a' });
  await seedOperator(a, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'] });
}
afterEach(() => instances.close());

async function eventually<T>(probe: () => Promise<T>, done: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  let value = await probe();
  while (!done(value) && Date.now() < end) {
    await sleep(50);
    value = await probe();
  }
  return value;
}

const presenceOf = async (h: InstanceHarness, conversationId: string) =>
  (await h.deps.store.conversations.get(conversationId))?.visitorPresence?.online;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A visitor waiting for a person, their first tab on `h`; an operator on B watches the queue. */
async function waitingVisitor(h: InstanceHarness) {
  const ana = await loginOperator(b, 'ana@a.test');
  const inbox = await connectOperator(b, ana);
  const first = await visitorSession(h, 'key-a');
  first.client.send({ type: 'request_human', clientMessageId: 'h1' });
  const queued = await inbox.waitFor('conversation_updated', (e) => e.conversation.state === 'queued');
  return { inbox, first, id: queued.conversation.conversationId };
}

describe('visitor presence across instances', () => {
  it('keeps a visitor on the page while a tab on another instance is open, and marks them gone when the last closes', async () => {
    await start(GRACE_MS);
    const { inbox, first, id } = await waitingVisitor(a);
    const second = await visitorSession(b, 'key-a', { token: first.welcome.visitorToken });
    expect(
      await eventually(
        () => presenceOf(a, id),
        (online) => online === true,
      ),
    ).toBe(true);

    // The tab on A closes: A's last socket of this visitor, but B still holds one.
    first.client.close();
    await sleep(GRACE_MS + 3 * 200 + STALE_AFTER_MS);
    expect(await presenceOf(a, id)).toBe(true);
    expect(inbox.events.some((e) => e.type === 'conversation_updated' && e.conversation.visitorPresence?.online === false)).toBe(false);

    second.client.close();
    const left = await inbox.waitFor(
      'conversation_updated',
      (e) => e.conversation.conversationId === id && e.conversation.visitorPresence?.online === false,
    );
    expect(left.conversation.visitorPresence?.online).toBe(false);
    expect(await presenceOf(b, id)).toBe(false);
    inbox.close();
  });

  it('marks the visitors of an instance that died as gone, once its records go stale', async () => {
    // A long grace: only the sweep of A's stale records can say the visitor left.
    await start(60_000);

    const { inbox, id } = await waitingVisitor(a);
    expect(await b.db.collection('visitor_sockets').countDocuments({ sockets: { $gt: 0 } })).toBe(1);
    await a.kill();

    const left = await inbox.waitFor(
      'conversation_updated',
      (e) => e.conversation.conversationId === id && e.conversation.visitorPresence?.online === false,
    );
    expect(left.conversation.visitorPresence?.online).toBe(false);
    expect(await b.db.collection('visitor_sockets').countDocuments({})).toBe(0);
    inbox.close();
  });

  it('writes nothing for a page change: the tab closes and the next opens on the same instance within the grace period', async () => {
    await start(1500);
    const { inbox, first, id } = await waitingVisitor(a);
    const pageChange = async (from: typeof first) => {
      from.client.close();
      await from.client.waitClosed();
      return visitorSession(a, 'key-a', { token: first.welcome.visitorToken });
    };
    // The first page change after the conversation started tells its operators the visitor is here.
    const second = await pageChange(first);
    expect(
      await eventually(
        () => presenceOf(a, id),
        (online) => online === true,
      ),
    ).toBe(true);

    const presenceBefore = (await a.db.collection('conversations').findOne({ _id: id as never }))?.visitorPresence;
    const counter = a.countCommands();
    const third = await pageChange(second);
    await sleep(1500 + 3 * 200 + STALE_AFTER_MS);
    counter.stop();
    // No socket record written, and the conversation's presence untouched (a write would date it anew).
    // Other conversation writes may fall in this window on a loaded machine (an assignment offer lapsing).
    const socketWrites = counter.names().filter((n) => /^(insert|update|delete|findAndModify) visitor_sockets$/.test(n));
    expect(socketWrites).toEqual([]);
    expect((await a.db.collection('conversations').findOne({ _id: id as never }))?.visitorPresence).toEqual(presenceBefore);
    expect(await presenceOf(a, id)).toBe(true);
    expect(inbox.events.some((e) => e.type === 'conversation_updated' && e.conversation.visitorPresence?.online === false)).toBe(false);
    third.client.close();
    inbox.close();
  });

  it('does not mark a visitor gone whose tab moved to another instance within the grace period', async () => {
    // A grace long enough for a loaded machine to open the next socket, well under the sweep's wait below.
    await start(1500);
    const { inbox, first, id } = await waitingVisitor(a);
    first.client.close();
    const moved = await visitorSession(b, 'key-a', { token: first.welcome.visitorToken });
    await sleep(GRACE_MS + 3 * 200 + STALE_AFTER_MS);
    expect(await presenceOf(b, id)).toBe(true);
    expect(inbox.events.some((e) => e.type === 'conversation_updated' && e.conversation.visitorPresence?.online === false)).toBe(false);
    await sleep(1500);
    expect(await presenceOf(b, id)).toBe(true);
    moved.client.close();
    inbox.close();
  });
});
