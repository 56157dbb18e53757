import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HandoffWebhookPayload, SlackMessage } from '../../shared/handoff-webhook';
import { verifyWebhookSignature } from './signature';
import { conversation, SECRET, siteWith, T0 } from './test-fixtures';
import { createWebhookSender, type WebhookSenderDeps } from './webhook-sender';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  atMs: number;
}

// Each request takes the next answer; 'hang' never answers, so the sender's timeout fires.
type Answer = number | 'hang';

let server: Server;
let baseUrl: string;
let answers: Answer[];
let received: Received[];
let onRequest: () => void;
let clockMs: number;
let logs: { level: string; context: Record<string, unknown>; message: string }[];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), atMs: clockMs });
      // Later attempts then carry a later timestamp, as they would after a real backoff.
      clockMs += 60_000;
      onRequest();
      answer(answers.shift() ?? 200, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  answers = [];
  received = [];
  onRequest = () => {};
  clockMs = T0.getTime() + 3_600_000;
  logs = [];
});

function answer(status: Answer, res: ServerResponse): void {
  if (status === 'hang') return;
  res.writeHead(status, status === 302 ? { location: '/elsewhere' } : {});
  res.end('ok');
}

function sender(overrides: Partial<WebhookSenderDeps> = {}) {
  let ids = 0;
  const record = (level: string) => (context: object, message: string) =>
    logs.push({ level, context: context as Record<string, unknown>, message });
  return createWebhookSender({
    log: { info: record('info'), warn: record('warn'), error: record('error') },
    now: () => new Date(clockMs),
    newId: () => `delivery-${++ids}`,
    retryDelaysMs: [10, 10, 10],
    timeoutMs: 2_000,
    ...overrides,
  });
}

const signatureOf = (r: Received, nowMs = r.atMs) =>
  verifyWebhookSignature(SECRET, String(r.headers['x-baton-timestamp']), r.body, String(r.headers['x-baton-signature']), nowMs);

const failureContext = { siteId: 'site-1', conversationId: 'conv-1', deliveryId: 'delivery-1', event: 'escalated' };

describe('webhook sender', () => {
  it('returns at once, then posts a signed JSON payload that matches the contract', async () => {
    const webhooks = sender({ publicUrl: 'https://chat.example.com' });
    webhooks.notify(siteWith({ url: `${baseUrl}/hooks` }), 'escalated', conversation());
    expect(received).toHaveLength(0);
    await webhooks.idle();

    expect(received).toHaveLength(1);
    const [request] = received as [Received];
    expect(request.path).toBe('/hooks');
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'x-baton-event': 'escalated',
      'x-baton-delivery': 'delivery-1',
      'x-baton-timestamp': String(Math.floor(request.atMs / 1000)),
    });
    const payload = HandoffWebhookPayload.parse(JSON.parse(request.body));
    expect(payload).toMatchObject({ deliveryId: 'delivery-1', event: 'escalated', conversationId: 'conv-1', inboxUrl: 'https://chat.example.com/inbox/#/awaiting/conv-1' });
    expect(signatureOf(request)).toBe(true);
    expect(verifyWebhookSignature('another-secret', String(request.headers['x-baton-timestamp']), request.body, String(request.headers['x-baton-signature']), request.atMs)).toBe(false);
    expect(logs).toEqual([{ level: 'info', context: { ...failureContext, attempt: 1, status: 200 }, message: 'webhook delivered' }]);
  });

  it('sends nothing for a site without a URL or for an event the site did not choose', async () => {
    const webhooks = sender();
    webhooks.notify(siteWith({ url: null }), 'escalated', conversation());
    webhooks.notify(siteWith({ url: `${baseUrl}/hooks`, events: ['resolved'] }), 'claimed', conversation());
    webhooks.notify(siteWith({ url: `${baseUrl}/hooks`, events: ['resolved'] }), 'resolved', conversation({ state: 'resolved' }));
    await webhooks.idle();
    expect(received.map((r) => r.headers['x-baton-event'])).toEqual(['resolved']);
  });

  it('retries a 500 with the same delivery id and body, signing each attempt afresh', async () => {
    answers = [500, 503, 200];
    const webhooks = sender();
    webhooks.notify(siteWith({ url: `${baseUrl}/hooks` }), 'escalated', conversation());
    await webhooks.idle();

    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers['x-baton-delivery']))).toEqual(new Set(['delivery-1']));
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    expect(new Set(received.map((r) => r.headers['x-baton-timestamp'])).size).toBe(3);
    expect(received.map((r) => signatureOf(r))).toEqual([true, true, true]);
    // The first attempt's signature is stale by the time of the third: a replay of it is refused.
    expect(signatureOf(received[0]!, received[0]!.atMs + 10 * 60_000)).toBe(false);
    expect(logs.map((l) => [l.level, l.context.problem, l.context.attempt])).toEqual([
      ['warn', 'HTTP 500', 1],
      ['warn', 'HTTP 503', 2],
      ['info', undefined, 3],
    ]);
    expect(logs[0]?.context).toMatchObject({ ...failureContext, retryInMs: 10 });
  });

  it('retries a 429', async () => {
    answers = [429, 200];
    const webhooks = sender();
    webhooks.notify(siteWith({ url: `${baseUrl}/hooks` }), 'escalated', conversation());
    await webhooks.idle();
    expect(received).toHaveLength(2);
  });

  it.each([
    [400, 'HTTP 400'],
    [302, 'HTTP 302 (redirects are not followed: configure the final URL)'],
  ])('gives up at once on HTTP %i', async (status, problem) => {
    answers = [status];
    const webhooks = sender();
    webhooks.notify(siteWith({ url: `${baseUrl}/hooks` }), 'escalated', conversation());
    await webhooks.idle();
    expect(received.map((r) => r.path)).toEqual(['/hooks']);
    expect(logs).toEqual([{ level: 'error', context: { ...failureContext, attempt: 1, problem }, message: 'webhook delivery failed; not retrying' }]);
  });

  it('retries an attempt that gets no answer within the timeout', async () => {
    answers = ['hang', 200];
    const webhooks = sender({ timeoutMs: 200 });
    webhooks.notify(siteWith({ url: `${baseUrl}/hooks` }), 'escalated', conversation());
    await webhooks.idle();
    expect(received).toHaveLength(2);
    expect(logs.map((l) => [l.level, l.context.problem])).toEqual([
      ['warn', 'no answer within 200 ms'],
      ['info', undefined],
    ]);
  });

  it('gives up after the last retry and keeps the webhook URL out of the logs', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    const webhooks = sender({ retryDelaysMs: [5, 5] });
    webhooks.notify(siteWith({ url: `http://127.0.0.1:${port}/hooks/T000/SECRET-TOKEN` }), 'escalated', conversation());
    await webhooks.idle();
    expect(logs.map((l) => l.level)).toEqual(['warn', 'warn', 'error']);
    expect(logs[2]).toMatchObject({ context: { ...failureContext, attempt: 3 }, message: 'webhook delivery failed; giving up after 3 attempts' });
    expect(String(logs[2]?.context.problem)).toMatch(/ECONNREFUSED/);
    expect(JSON.stringify(logs)).not.toContain('SECRET-TOKEN');
  });

  it('posts a Slack message when the site chose the slack format', async () => {
    const webhooks = sender();
    const claimed = conversation({ state: 'owned', owner: { operatorId: 'op-1', name: 'Bea Costa' }, claimedAt: T0 });
    webhooks.notify(siteWith({ url: `${baseUrl}/slack`, format: 'slack' }), 'claimed', claimed);
    await webhooks.idle();
    const message = SlackMessage.parse(JSON.parse(received[0]?.body ?? ''));
    expect(Object.keys(message)).toEqual(['text', 'blocks']);
    expect(message.text).toMatch(/^:rotating_light: \*Bea Costa took a conversation\*\nQueue: \*billing\* · Urgency: \*high\*\n> The bot answered once/);
    expect(received[0]?.headers['x-baton-event']).toBe('claimed');
  });

  it('drops a waiting retry on close, logging it, without waiting for its backoff', async () => {
    answers = [500];
    const firstAttempt = new Promise<void>((resolve) => {
      onRequest = resolve;
    });
    const webhooks = sender({ retryDelaysMs: [60_000] });
    webhooks.notify(siteWith({ url: `${baseUrl}/hooks` }), 'escalated', conversation());
    await firstAttempt;
    await expect.poll(() => logs.length).toBe(1);
    await webhooks.close();
    expect(received).toHaveLength(1);
    expect(logs.map((l) => [l.level, l.message])).toEqual([
      ['warn', 'webhook delivery failed; will retry'],
      ['error', 'webhook delivery abandoned: shutting down before its retry'],
    ]);
    webhooks.notify(siteWith({ url: `${baseUrl}/hooks` }), 'escalated', conversation());
    expect(logs[2]).toMatchObject({ level: 'error', message: 'webhook not sent: shutting down' });
  });
});
