import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HandoffWebhookPayload, SlackMessage } from '../../shared/handoff-webhook';
import { createOutboundFetch } from '../security/outbound-fetch';
import { STRICT_OUTBOUND_POLICY } from '../security/outbound-url';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database';
import { conversation, siteWith, T0 } from '../test-support/webhook-fixtures';
import { type Received, startWebhookBench } from '../test-support/webhook-receiver';

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

const failureContext = { siteId: 'site-1', conversationId: 'conv-1', deliveryId: 'delivery-1', event: 'escalated' };
const hooked = () => bench.seed(siteWith({ url: `${bench.baseUrl}/hooks` }));

describe('webhook sender', () => {
  it('returns at once, then stores and posts a signed JSON payload that matches the contract', async () => {
    const webhooks = bench.sender({ publicUrl: 'https://chat.example.com' });
    webhooks.notify(await hooked(), 'escalated', conversation());
    expect(bench.received).toHaveLength(0);
    await webhooks.idle();

    expect(bench.received).toHaveLength(1);
    const [request] = bench.received as [Received];
    expect(request.path).toBe('/hooks');
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'x-baton-event': 'escalated',
      'x-baton-delivery': 'delivery-1',
      'webhook-id': 'delivery-1',
      'webhook-timestamp': String(Math.floor(request.atMs / 1000)),
    });
    const payload = HandoffWebhookPayload.parse(JSON.parse(request.body));
    expect(payload).toMatchObject({
      deliveryId: 'delivery-1',
      event: 'escalated',
      conversationId: 'conv-1',
      inboxUrl: 'https://chat.example.com/inbox/#/awaiting/conv-1',
    });
    expect(bench.signed(request)).toBe(true);
    expect(bench.signedWith('another-secret', request)).toBe(false);
    expect(bench.logs).toEqual([{ level: 'info', context: { ...failureContext, attempt: 1, status: 200 }, message: 'webhook delivered' }]);
    expect(await bench.row('delivery-1')).toMatchObject({
      status: 'delivered',
      attempt: 1,
      body: request.body,
      leaseUntil: null,
      lastProblem: null,
    });
  });

  it('stores and sends nothing for a site without a URL or for an event the site did not choose', async () => {
    const webhooks = bench.sender();
    const resolvedOnly = await bench.seed(siteWith({ url: `${bench.baseUrl}/hooks`, events: ['resolved'] }));
    webhooks.notify(siteWith({ url: null }), 'escalated', conversation());
    webhooks.notify(resolvedOnly, 'claimed', conversation());
    webhooks.notify(resolvedOnly, 'resolved', conversation({ state: 'resolved' }));
    await webhooks.idle();
    expect(bench.received.map((r) => r.headers['x-baton-event'])).toEqual(['resolved']);
    expect(await t.db.collection('webhook_deliveries').countDocuments()).toBe(1);
  });

  it('retries a 500 after its backoff with the same delivery id and body, signing each attempt afresh', async () => {
    bench.answers = [500, 503, 200];
    const webhooks = bench.sender();
    webhooks.notify(await hooked(), 'escalated', conversation());
    await webhooks.idle();
    expect(bench.received).toHaveLength(1);
    expect(await bench.row('delivery-1')).toMatchObject({
      status: 'pending',
      attempt: 1,
      lastProblem: 'HTTP 500',
      nextAttemptAt: new Date(bench.clockMs + 60_000),
    });

    bench.advance(59_000);
    await webhooks.idle();
    expect(bench.received).toHaveLength(1);
    for (const _retry of [1, 2]) {
      bench.advance(60_000);
      await webhooks.idle();
    }

    const { received } = bench;
    expect(received).toHaveLength(3);
    expect(new Set(bench.deliveryIds())).toEqual(new Set(['delivery-1']));
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    expect(new Set(received.map((r) => r.headers['webhook-timestamp'])).size).toBe(3);
    expect(received.map((r) => bench.signed(r))).toEqual([true, true, true]);
    // Ten minutes on, the first attempt's signature is stale: a replay of it is refused.
    expect(bench.signed(received[0]!, received[0]!.atMs + 10 * 60_000)).toBe(false);
    expect(bench.logs.map((l) => [l.level, l.context.problem, l.context.attempt])).toEqual([
      ['warn', 'HTTP 500', 1],
      ['warn', 'HTTP 503', 2],
      ['info', undefined, 3],
    ]);
    expect(bench.logs[0]?.context).toMatchObject({ ...failureContext, retryInMs: 60_000 });
    expect(await bench.row('delivery-1')).toMatchObject({ status: 'delivered', attempt: 3, lastProblem: 'HTTP 503' });
  });

  it.each([
    [429, 'HTTP 429'],
    ['hang' as const, 'no answer within 200 ms'],
  ])('retries after %s', async (first, problem) => {
    bench.answers = [first, 200];
    const webhooks = bench.sender({ timeoutMs: 200 });
    webhooks.notify(await hooked(), 'escalated', conversation());
    await webhooks.idle();
    bench.advance(60_000);
    await webhooks.idle();
    expect(bench.received).toHaveLength(2);
    expect(bench.logs.map((l) => [l.level, l.context.problem])).toEqual([
      ['warn', problem],
      ['info', undefined],
    ]);
  });

  it.each([
    [400, 'HTTP 400'],
    [302, 'HTTP 302 (redirects are not followed: configure the final URL)'],
  ])('gives up at once on HTTP %i and keeps the problem in the delivery log', async (status, problem) => {
    bench.answers = [status];
    const webhooks = bench.sender();
    webhooks.notify(await hooked(), 'escalated', conversation());
    await webhooks.idle();
    bench.advance(600_000);
    await webhooks.idle();
    expect(bench.received.map((r) => r.path)).toEqual(['/hooks']);
    expect(bench.logs).toEqual([
      { level: 'error', context: { ...failureContext, attempt: 1, problem }, message: 'webhook delivery failed; not retrying' },
    ]);
    expect(await bench.row('delivery-1')).toMatchObject({ status: 'failed', attempt: 1, lastProblem: problem });
  });

  it('gives up after the last retry and keeps the webhook URL out of the logs and the delivery log', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    const webhooks = bench.sender({ retryDelaysMs: [1_000, 1_000] });
    webhooks.notify(await bench.seed(siteWith({ url: `http://127.0.0.1:${port}/hooks/T000/SECRET-TOKEN` })), 'escalated', conversation());
    for (const _attempt of [1, 2, 3, 4]) {
      await webhooks.idle();
      bench.advance(1_000);
    }
    expect(bench.logs.map((l) => l.level)).toEqual(['warn', 'warn', 'error']);
    expect(bench.logs[2]).toMatchObject({
      context: { ...failureContext, attempt: 3 },
      message: 'webhook delivery failed; giving up after 3 attempts',
    });
    expect(String(bench.logs[2]?.context.problem)).toMatch(/ECONNREFUSED/);
    const row = await bench.row('delivery-1');
    expect(row).toMatchObject({ status: 'failed', attempt: 3, lastProblem: expect.stringMatching(/ECONNREFUSED/) });
    expect(JSON.stringify([bench.logs, row])).not.toContain('SECRET-TOKEN');
  });

  it('refuses a loopback receiver when the outbound allow-list does not name it, and never connects', async () => {
    const webhooks = bench.sender({ fetch: createOutboundFetch(STRICT_OUTBOUND_POLICY), retryDelaysMs: [] });
    webhooks.notify(await hooked(), 'escalated', conversation());
    await webhooks.idle();
    expect(bench.received).toHaveLength(0);
    const row = await bench.row('delivery-1');
    expect(row?.lastProblem).toMatch(/refused to connect: 127\.0\.0\.1 is a loopback address/);
  });

  it('posts a Slack message when the site chose the slack format', async () => {
    const webhooks = bench.sender();
    const claimed = conversation({ state: 'owned', owner: { operatorId: 'op-1', name: 'Bea Costa' }, claimedAt: T0 });
    webhooks.notify(await bench.seed(siteWith({ url: `${bench.baseUrl}/slack`, format: 'slack' })), 'claimed', claimed);
    await webhooks.idle();
    const message = SlackMessage.parse(JSON.parse(bench.received[0]?.body ?? ''));
    expect(Object.keys(message)).toEqual(['text', 'blocks']);
    expect(message.text).toMatch(
      /^:rotating_light: \*Bea Costa took a conversation\*\nQueue: \*billing\* · Urgency: \*high\*\n> The bot answered once/,
    );
    expect(bench.received[0]?.headers['x-baton-event']).toBe('claimed');
  });
});
