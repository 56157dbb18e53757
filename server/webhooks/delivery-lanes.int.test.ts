import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookDeliveryDoc } from '../store/documents';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database';
import { conversation, siteWith } from '../test-support/webhook-fixtures';
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

const deliveries = () => t.db.collection<WebhookDeliveryDoc>('webhook_deliveries');
/** Generous for a loaded machine; without the fairness rule the wait is the hanging receiver's (10 min). */
const WAIT = { timeout: 10_000 };
const statusOf = async (deliveryId: string) => (await bench.row(deliveryId))?.status;

describe('the webhook lanes', () => {
  it("sends other sites' deliveries, stored before and during the wait, while one site's receiver hangs", async () => {
    bench.answerFor = (r) => (r.path === '/slow' ? 'hang' : 200);
    // Far past the test: the slow site's attempt stays in flight until the bench closes its connection.
    const webhooks = bench.sender({ timeoutMs: 600_000 });
    const slow = await bench.seed({ ...siteWith({ url: `${bench.baseUrl}/slow` }), _id: 'site-slow', siteKey: 'slow' });
    const fast = await bench.seed(siteWith({ url: `${bench.baseUrl}/fast` }));
    // More slow deliveries than lanes, all older than the fast one: oldest-first alone would give them every lane.
    for (let i = 1; i <= 5; i++) webhooks.notify(slow, 'escalated', conversation({ _id: `slow-${i}`, siteId: 'site-slow' }));
    bench.advance(1_000);
    webhooks.notify(fast, 'escalated', conversation({ _id: 'fast-1' }));

    await expect.poll(() => statusOf('delivery-6'), WAIT).toBe('delivered');
    webhooks.notify(fast, 'claimed', conversation({ _id: 'fast-1', state: 'owned', owner: { operatorId: 'op-1', name: 'Bea' } }));
    await expect.poll(() => statusOf('delivery-7'), WAIT).toBe('delivered');

    const slowRows = await deliveries().find({ siteId: 'site-slow' }).toArray();
    expect(slowRows.map((r) => r.status).sort()).toEqual(['pending', 'pending', 'pending', 'pending', 'sending']);
    await expect.poll(() => bench.received.length).toBe(3);
    expect(bench.received.map((r) => r.path).sort()).toEqual(['/fast', '/fast', '/slow']);
  });

  it('fails a delivery whose attempts keep ending before they are recorded, instead of taking it after every lease', async () => {
    const site = await bench.seed(siteWith({ url: `${bench.baseUrl}/hooks` }));
    const brokenSites = {
      ...t.store.sites,
      get: async () => {
        throw new Error('site lookup failed');
      },
    };
    // One retry: two attempts in all. The lease is timeoutMs + 30 s.
    const webhooks = bench.sender({
      store: { webhookDeliveries: t.store.webhookDeliveries, sites: brokenSites },
      retryDelaysMs: [60_000],
      pollMs: 10,
    });
    const unrecorded = () => bench.logs.filter((l) => l.message === 'webhook attempt failed before it was recorded').length;
    webhooks.start();
    webhooks.notify(site, 'escalated', conversation());
    await expect.poll(unrecorded).toBe(1);
    bench.advance(32_000);
    await expect.poll(unrecorded).toBe(2);
    bench.advance(32_000);
    await expect.poll(() => statusOf('delivery-1')).toBe('failed');

    expect(await bench.row('delivery-1')).toMatchObject({ attempt: 2, leaseUntil: null, lastProblem: 'gave up after 2 attempts' });
    expect(bench.logs.at(-1)).toMatchObject({
      level: 'error',
      context: { siteId: 'site-1', deliveryId: 'delivery-1', attempt: 2, problem: 'gave up after 2 attempts' },
      message: 'webhook delivery failed; its attempts ended before recording an outcome',
    });
    bench.advance(600_000);
    await webhooks.idle();
    expect(unrecorded()).toBe(2);
    expect(bench.received).toHaveLength(0);
  });
});
