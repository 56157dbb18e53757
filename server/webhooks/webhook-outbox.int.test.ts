import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookAttemptDoc, WebhookDeliveryDoc } from '../store/documents';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database';
import { conversation, SECRET, siteWith } from '../test-support/webhook-fixtures';
import { startWebhookBench } from '../test-support/webhook-receiver';

let t: TestDatabase;
let bench: Awaited<ReturnType<typeof startWebhookBench>>;

beforeAll(async () => {
  t = await openTestDatabase();
  bench = await startWebhookBench(t);
});
afterAll(async () => {
  await bench.stop();
  await t.drop();
});
beforeEach(() => bench.reset());

const hooked = () => bench.seed(siteWith({ url: `${bench.baseUrl}/hooks` }));

describe('the webhook outbox', () => {
  it('sends a retry left waiting by a stopped server, and a delivery stored while it stopped, once the next one starts', async () => {
    bench.answers = [500];
    const before = bench.sender();
    const site = await hooked();
    before.notify(site, 'escalated', conversation());
    await before.idle();
    await before.close();
    before.notify(site, 'claimed', conversation({ state: 'owned', owner: { operatorId: 'op-1', name: 'Bea' } }));
    await before.close();
    expect(bench.deliveryIds()).toEqual(['delivery-1']);
    expect(await bench.row('delivery-2')).toMatchObject({ status: 'pending', attempt: 0 });

    bench.advance(60_000);
    const after = bench.sender({ idPrefix: 'after', pollMs: 50 });
    after.start();
    await expect.poll(() => bench.received.length).toBe(3);
    expect(bench.deliveryIds().sort()).toEqual(['delivery-1', 'delivery-1', 'delivery-2']);
    await after.idle();
    expect(await bench.row('delivery-1')).toMatchObject({ status: 'delivered', attempt: 2 });
    expect(await bench.row('delivery-2')).toMatchObject({ status: 'delivered', attempt: 1 });
  });

  it('sends each attempt once when two servers work on one database', async () => {
    // Every delivery fails once, then succeeds: both of its attempts are contended.
    bench.answerFor = (r) =>
      bench.received.filter((x) => x.headers['x-baton-delivery'] === r.headers['x-baton-delivery']).length === 1 ? 500 : 200;
    const one = bench.sender({ idPrefix: 'one' });
    const two = bench.sender({ idPrefix: 'two' });
    const site = await hooked();
    for (let i = 0; i < 12; i++) (i % 2 === 0 ? one : two).notify(site, 'escalated', conversation({ _id: `conv-${i}` }));
    await Promise.all([one.idle(), two.idle()]);
    bench.advance(60_000);
    await Promise.all([one.idle(), two.idle()]);

    const attemptsPerDelivery = new Map<string, number>();
    for (const id of bench.deliveryIds()) attemptsPerDelivery.set(id, (attemptsPerDelivery.get(id) ?? 0) + 1);
    expect(attemptsPerDelivery.size).toBe(12);
    expect([...attemptsPerDelivery.values()]).toEqual(Array(12).fill(2));
    const rows = await t.db.collection<WebhookDeliveryDoc>('webhook_deliveries').find().toArray();
    expect(rows.map((r) => [r.status, r.attempt])).toEqual(Array(12).fill(['delivered', 2]));
    expect(await t.db.collection('webhook_attempts').countDocuments()).toBe(24);
  });

  it('signs a retry with the secret the site has now', async () => {
    bench.answers = [500];
    const webhooks = bench.sender();
    webhooks.notify(await hooked(), 'escalated', conversation());
    await webhooks.idle();
    await t.store.sites.replaceSecret('site-1', SECRET, 'rotated-secret', new Date(bench.clockMs));
    bench.advance(60_000);
    await webhooks.idle();

    const [first, retry] = bench.received;
    expect(bench.signed(first!)).toBe(true);
    expect(bench.signedWith('rotated-secret', retry!)).toBe(true);
    expect(bench.signed(retry!)).toBe(false);
  });

  it('gives a retry up when the site removed its webhook meanwhile', async () => {
    bench.answers = [500];
    const webhooks = bench.sender();
    webhooks.notify(await hooked(), 'escalated', conversation());
    await webhooks.idle();
    await bench.seed(siteWith({ url: null }));
    bench.advance(60_000);
    await webhooks.idle();
    expect(bench.received).toHaveLength(1);
    expect(await bench.row('delivery-1')).toMatchObject({ status: 'failed', attempt: 2, lastProblem: 'webhook removed' });
    expect(bench.logs.at(-1)).toMatchObject({
      level: 'error',
      context: { attempt: 2, problem: 'webhook removed' },
      message: 'webhook delivery failed; not retrying',
    });
  });

  it('takes over an attempt whose server died while sending once its lease has ended', async () => {
    await hooked();
    const now = new Date(bench.clockMs);
    const body = JSON.stringify({ event: 'escalated' });
    await t.db.collection<WebhookDeliveryDoc>('webhook_deliveries').insertOne({
      _id: 'orphan',
      siteId: 'site-1',
      conversationId: 'conv-1',
      event: 'escalated',
      body,
      attempt: 1,
      status: 'sending',
      nextAttemptAt: new Date(now.getTime() - 60_000),
      leaseUntil: new Date(now.getTime() - 1),
      lastProblem: null,
      createdAt: now,
      updatedAt: now,
    });
    await t.db.collection<WebhookAttemptDoc>('webhook_attempts').insertOne({ _id: 'orphan#1', deliveryId: 'orphan', attempt: 1, at: now });
    await bench.sender().idle();
    expect(bench.received.map((r) => [r.headers['x-baton-delivery'], r.body])).toEqual([['orphan', body]]);
    expect(await bench.row('orphan')).toMatchObject({ status: 'delivered', attempt: 2 });
  });

  it('lets the attempt in flight finish and record its outcome on close', async () => {
    bench.answers = ['slow'];
    const arrived = new Promise<void>((resolve) => {
      bench.onRequest = () => resolve();
    });
    const webhooks = bench.sender();
    webhooks.notify(await hooked(), 'escalated', conversation());
    await arrived;
    await webhooks.close();
    expect(await bench.row('delivery-1')).toMatchObject({ status: 'delivered', attempt: 1 });
  });
});
