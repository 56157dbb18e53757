import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database';
import type { WebhookAttemptDoc, WebhookDeliveryDoc, WebhookDeliveryStatus } from './documents';
import { SETTLED_DELIVERY_KEEP_MS } from './webhook-deliveries-store';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t.drop());

const NOW = new Date('2025-03-20T12:00:00.000Z');
const DAY = 24 * 60 * 60_000;
const deliveries = () => t.db.collection<WebhookDeliveryDoc>('webhook_deliveries');
const attempts = () => t.db.collection<WebhookAttemptDoc>('webhook_attempts');

beforeEach(async () => {
  await Promise.all([deliveries().deleteMany({}), attempts().deleteMany({})]);
});

/** A delivery last written `ageMs` before NOW, with a ledger row for each of its attempts. */
async function stored(_id: string, status: WebhookDeliveryStatus, ageMs: number, attempt = 1): Promise<void> {
  const at = new Date(NOW.getTime() - ageMs);
  await deliveries().insertOne({
    _id,
    siteId: 'site-1',
    conversationId: 'conv-1',
    event: 'escalated',
    body: '{"visitor":{"email":"ana@example.com"}}',
    attempt,
    status,
    nextAttemptAt: new Date(at.getTime() - 1_000),
    leaseUntil: status === 'sending' ? new Date(at.getTime() + 30_000) : null,
    lastProblem: null,
    createdAt: at,
    updatedAt: at,
  });
  const rows = Array.from({ length: attempt }, (_, i) => ({ _id: `${_id}#${i + 1}`, deliveryId: _id, attempt: i + 1, at }));
  if (rows.length > 0) await attempts().insertMany(rows);
}

describe('deleting settled webhook deliveries', () => {
  it('deletes deliveries delivered or failed longer ago than the retention, with their attempt rows, and keeps the rest', async () => {
    expect(SETTLED_DELIVERY_KEEP_MS).toBe(7 * DAY);
    await stored('old-delivered', 'delivered', 8 * DAY, 2);
    await stored('old-failed', 'failed', 7 * DAY + 60_000, 5);
    await stored('recent-delivered', 'delivered', 7 * DAY - 60_000);
    await stored('recent-failed', 'failed', DAY);
    // Never settled: a row still waiting or being sent is the outbox, not the log, however old.
    await stored('old-pending', 'pending', 30 * DAY, 0);
    await stored('old-sending', 'sending', 30 * DAY);

    expect(await t.store.webhookDeliveries.deleteSettled(NOW)).toBe(2);

    const kept = (await deliveries().find().toArray()).map((d) => d._id).sort();
    expect(kept).toEqual(['old-pending', 'old-sending', 'recent-delivered', 'recent-failed']);
    const keptAttempts = (await attempts().find().toArray()).map((a) => a._id).sort();
    expect(keptAttempts).toEqual(['old-sending#1', 'recent-delivered#1', 'recent-failed#1']);
  });

  it('deletes a backlog larger than one batch in one sweep', async () => {
    const at = new Date(NOW.getTime() - 10 * DAY);
    const backlog = Array.from(
      { length: 1_234 },
      (_, i): WebhookDeliveryDoc => ({
        _id: `d-${i}`,
        siteId: 'site-1',
        conversationId: `conv-${i}`,
        event: 'resolved',
        body: '{}',
        attempt: 1,
        status: 'delivered',
        nextAttemptAt: at,
        leaseUntil: null,
        lastProblem: null,
        createdAt: at,
        updatedAt: at,
      }),
    );
    await deliveries().insertMany(backlog);
    await attempts().insertMany(backlog.map((d) => ({ _id: `${d._id}#1`, deliveryId: d._id, attempt: 1, at })));

    expect(await t.store.webhookDeliveries.deleteSettled(NOW)).toBe(1_234);
    expect(await deliveries().countDocuments()).toBe(0);
    expect(await attempts().countDocuments()).toBe(0);
  });
});
