import { Webhook } from 'standardwebhooks';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotWebhookRequest } from '../../shared/bot-webhook';
import { BotConfig } from '../../shared/config/bot';
import type { BotInput } from './bot';
import { createOutboundFetch } from '../security/outbound-fetch';
import { STRICT_OUTBOUND_POLICY } from '../security/outbound-url';
import { loopbackFetch } from '../test-support/outbound';
import { createBot } from './create-bot';

const SECRET = 'site-secret-for-tests';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler = (_req, _body, res) => res.end();
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bot`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const input: BotInput = {
  siteId: 'site-1',
  conversationId: 'conv-1',
  turns: [{ from: 'visitor', text: 'Where is my order 48213?' }],
  visitor: { name: 'Ana', email: 'ana@example.com', locale: 'en', page: '/lamps', verified: false, tags: ['vip'] },
};

const json = (status: number, body: unknown) => (_req: IncomingMessage, _body: string, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

const bot = (timeoutMs = 4000, now = () => 1_700_000_000_000) =>
  createBot(BotConfig.parse({ kind: 'webhook', url, timeoutMs }), { siteSecret: SECRET, now, fetch: loopbackFetch });

/** What a site owner's endpoint does: recompute the HMAC over the raw body and compare in constant time. */
function verifies(req: IncomingMessage, body: string, secret: string): boolean {
  const timestamp = String(req.headers['x-baton-timestamp']);
  const given = Buffer.from(String(req.headers['x-baton-signature']));
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('webhook bot', () => {
  it("signs each request per Standard Webhooks too, which the specification's own verifier accepts", async () => {
    const whsec = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    const seen: { headers: IncomingMessage['headers']; body: string }[] = [];
    handler = (req, body, res) => {
      seen.push({ headers: req.headers, body });
      json(200, { reply: 'Yes.', confidence: 0.9 })(req, body, res);
    };
    const now = Date.now();
    await createBot(BotConfig.parse({ kind: 'webhook', url, timeoutMs: 4000 }), {
      siteSecret: whsec,
      now: () => now,
      fetch: loopbackFetch,
    }).reply(input);
    const { headers, body } = seen[0]!;
    expect(headers['webhook-id']).toMatch(/^msg_/);
    expect(() => new Webhook(whsec).verify(body, headers as Record<string, string>)).not.toThrow();
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 8).toString('base64')}`).verify(body, headers as Record<string, string>)).toThrow();
  });

  it('returns the answer of a valid response', async () => {
    handler = json(200, { reply: 'It ships today.', confidence: 0.9, intent: 'order_status', facts: { orderNumber: '48213' } });
    expect(await bot().reply(input)).toEqual({
      reply: 'It ships today.',
      confidence: 0.9,
      intent: 'order_status',
      facts: { orderNumber: '48213' },
      handoff: false,
      fallback: false,
      toolError: false,
    });
  });

  it('passes on a handoff request without a reply', async () => {
    handler = json(200, { reply: null, handoff: true, intent: 'refund' });
    const reply = await bot().reply(input);
    expect(reply).toMatchObject({ reply: null, handoff: true, intent: 'refund', toolError: false });
  });

  it("passes on the bot's own tool failure with what failed, with or without a reply", async () => {
    handler = json(200, { reply: null, toolError: 'order lookup timed out after 5 s', facts: { orderNumber: '48213' } });
    expect(await bot().reply(input)).toEqual({
      reply: null,
      confidence: null,
      intent: null,
      facts: { orderNumber: '48213' },
      handoff: false,
      fallback: false,
      toolError: true,
      error: 'order lookup timed out after 5 s',
    });
    handler = json(200, { reply: 'Sorry, I could not check that.', toolError: 'carrier API answered 503' });
    expect(await bot().reply(input)).toMatchObject({
      reply: 'Sorry, I could not check that.',
      toolError: true,
      error: 'carrier API answered 503',
    });
  });

  it('signs the request so the receiving side can verify it, and sends the contract body', async () => {
    let received: { verified: boolean; wrongSecret: boolean; timestamp: unknown; body: unknown } | undefined;
    handler = (req, body, res) => {
      received = {
        verified: verifies(req, body, SECRET),
        wrongSecret: verifies(req, body, 'another-secret'),
        timestamp: req.headers['x-baton-timestamp'],
        body: BotWebhookRequest.parse(JSON.parse(body)),
      };
      json(200, { reply: 'ok' })(req, body, res);
    };
    await bot().reply(input);
    expect(received).toEqual({
      verified: true,
      wrongSecret: false,
      timestamp: '1700000000',
      body: {
        siteId: 'site-1',
        conversationId: 'conv-1',
        turns: [{ from: 'visitor', text: 'Where is my order 48213?' }],
        // Tags of an unverified visitor are not passed on.
        visitor: { name: 'Ana', email: 'ana@example.com', locale: 'en', page: '/lamps', verified: false, tags: [] },
      },
    });
  });

  it.each([
    ['an HTTP 500', json(500, { error: 'boom' }), 'HTTP 500'],
    ['a body that is not JSON', json(200, '<html>oops</html>'), 'not JSON'],
    ['a body outside the contract', json(200, { reply: 42, confidence: 7 }), 'does not match the contract'],
    ['no reply without a handoff', json(200, { reply: null }), 'reply may be null only when handoff is true or toolError says what failed'],
    ['an oversized body', json(200, { reply: 'x'.repeat(70_000) }), 'larger than'],
    [
      'a fact name that is not a plain word',
      json(200, { reply: 'ok', facts: { 'order.number': '48213' } }),
      'fact names are letters, digits and _',
    ],
    [
      'a redirect, which is never followed',
      (_req: IncomingMessage, _body: string, res: ServerResponse) => res.writeHead(307, { location: 'http://127.0.0.1:9/elsewhere' }).end(),
      'could not be reached',
    ],
  ])('treats %s as a tool failure, never an answer', async (_name, respond, error) => {
    handler = respond;
    const reply = await bot().reply(input);
    expect(reply).toMatchObject({ reply: null, confidence: null, toolError: true });
    expect(reply.error).toContain(error);
  });

  it('treats a webhook that does not answer in time as a tool failure', async () => {
    handler = () => {}; // never responds; afterAll closes the connection
    const reply = await bot(150).reply(input);
    expect(reply).toMatchObject({ reply: null, toolError: true, error: 'The bot webhook did not answer within 150 ms.' });
  });

  it('treats an unreachable webhook as a tool failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = createBot(BotConfig.parse({ kind: 'webhook', url: `http://127.0.0.1:${port}/bot` }), {
      siteSecret: SECRET,
      fetch: loopbackFetch,
    });
    const reply = await unreachable.reply(input);
    expect(reply).toMatchObject({ reply: null, toolError: true });
    expect(reply.error).toContain('could not be reached');
  });

  it('refuses a loopback bot URL when the outbound allow-list does not name it, without connecting', async () => {
    let reached = false;
    handler = (_req, _body, res) => {
      reached = true;
      res.end();
    };
    const guarded = createBot(BotConfig.parse({ kind: 'webhook', url }), {
      siteSecret: SECRET,
      fetch: createOutboundFetch(STRICT_OUTBOUND_POLICY),
    });
    const reply = await guarded.reply(input);
    expect(reply).toMatchObject({ reply: null, toolError: true });
    expect(reply.error).toMatch(/could not be reached: .*127\.0\.0\.1 is a loopback address/);
    expect(reached).toBe(false);
  });

  it("rejects with the caller's reason when the caller aborts, rather than reporting a tool failure", async () => {
    handler = () => {};
    const controller = new AbortController();
    const pending = bot().reply(input, controller.signal);
    controller.abort(new Error('operator barged in'));
    await expect(pending).rejects.toThrow('operator barged in');
  });
});
