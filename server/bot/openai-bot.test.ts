import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenAiBotConfig } from '../../shared/config/bot';
import { alwaysOpenSchedule } from '../../shared/config/hours';
import { verifyWebhookSignature } from '../security/signing';
import { demoKnowledgeBaseEntries } from '../seed/demo-knowledge-base';
import { type OpenAiTestServer, startOpenAiTestServer } from '../test-support/openai-test-server';
import { loopbackFetch } from '../test-support/outbound';
import { createOutboundFetch } from '../security/outbound-fetch';
import { STRICT_OUTBOUND_POLICY } from '../security/outbound-url';
import type { AgentBudget, BotInput } from './bot';
import { createBot } from './create-bot';

let model: OpenAiTestServer;
let tools: Server;
let toolsUrl: string;
let toolAnswer: (body: string, verified: boolean) => { status: number; body: unknown } = () => ({ status: 200, body: { result: null } });
const SECRET = 'site-secret';

beforeAll(async () => {
  model = await startOpenAiTestServer({ apiKey: 'sk-unit' });
  tools = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const verified = verifyWebhookSignature(
        SECRET,
        String(req.headers['x-baton-timestamp']),
        body,
        String(req.headers['x-baton-signature']),
        Date.now(),
      );
      const answer = toolAnswer(body, verified);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => tools.listen(0, '127.0.0.1', r));
  toolsUrl = `http://127.0.0.1:${(tools.address() as AddressInfo).port}/tools`;
});
afterAll(async () => {
  await model.close();
  tools.closeAllConnections();
  await new Promise((r) => tools.close(r));
});
beforeEach(() => model.clearScript());

const config = (overrides: Record<string, unknown> = {}) =>
  OpenAiBotConfig.parse({ kind: 'openai', baseUrl: model.baseUrl, model: 'm', entries: demoKnowledgeBaseEntries, ...overrides });
const input = (text: string, locale: BotInput['locale'] = 'en'): BotInput => ({
  siteId: 'site-1',
  conversationId: 'c-1',
  turns: [{ from: 'visitor', text }],
  visitor: { name: null, email: null, locale, page: null, verified: false, tags: [] },
  locale,
  hours: { schedule: alwaysOpenSchedule, now: new Date('2026-12-21T10:00:00Z'), visitorTimeZone: 'Europe/Paris' },
});
const bot = (overrides: Record<string, unknown> = {}, extra: { apiKey?: string | null; budget?: AgentBudget } = {}) =>
  createBot(
    config(overrides),
    {
      siteSecret: SECRET,
      apiKey: 'apiKey' in extra ? extra.apiKey : 'sk-unit',
      fetch: loopbackFetch,
      ...(extra.budget ? { budget: extra.budget } : {}),
    },
    { queues: ['general', 'billing'] },
  );

describe('the AI agent bot', () => {
  it('answers with the streamed text, reports each piece, and grounds the prompt in the visitor’s language', async () => {
    model.script({ kind: 'text', tokens: ['Nous sommes', ' ouverts 24 h/24.'] });
    const pieces: string[] = [];
    const reply = await bot().reply(input('Quand êtes-vous ouverts ?', 'fr'), undefined, (d) => pieces.push(d));
    expect(reply).toMatchObject({
      reply: 'Nous sommes ouverts 24 h/24.',
      fallback: false,
      toolError: false,
      handoff: false,
      confidence: null,
    });
    expect(pieces).toEqual(['Nous sommes', ' ouverts 24 h/24.']);
    const system = model.requests.at(-1)!.body.messages[0].content as string;
    expect(system).toContain('Answer in French');
    expect(system).toContain('Nous sommes ouverts 24 h/24 : notre équipe est là tous les jours.');
    expect(system).toContain("Quels sont vos horaires d'ouverture ?");
    expect(system).toContain('general, billing');
  });

  it("counts the model's own \"I'm not sure\" as a fallback, in the visitor's language too", async () => {
    model.script(
      { kind: 'text', tokens: ['Je ne suis pas sûr de pouvoir répondre à cela.'] },
      { kind: 'text', tokens: ["I'm not sure about that one, sorry."] },
    );
    expect(await bot().reply(input('Question ?', 'fr'))).toMatchObject({ fallback: true, toolError: false });
    expect(await bot().reply(input('Question?'))).toMatchObject({ fallback: true });
  });

  it('calls a site tool through the signed tools webhook and answers with its result', async () => {
    let received: { body: unknown; verified: boolean } | null = null;
    toolAnswer = (body, verified) => {
      received = { body: JSON.parse(body), verified };
      return { status: 200, body: { result: { status: 'shipped', eta: 'Tuesday' } } };
    };
    model.script(
      { kind: 'tool_calls', calls: [{ name: 'order_status', arguments: { order: '48213' } }] },
      { kind: 'text', tokens: ['It ships Tuesday.'] },
    );
    const tool = {
      name: 'order_status',
      description: 'Look up an order',
      parameters: { type: 'object', properties: { order: { type: 'string' } } },
    };
    const reply = await bot({ tools: [tool], toolsUrl }).reply(input('Where is order 48213?'));
    expect(reply).toMatchObject({ reply: 'It ships Tuesday.', toolError: false });
    expect(received).toEqual({
      verified: true,
      body: { siteId: 'site-1', conversationId: 'c-1', tool: 'order_status', arguments: { order: '48213' } },
    });
    const second = model.requests.at(-1)!.body.messages;
    expect(second.at(-1)).toMatchObject({ role: 'tool', content: JSON.stringify({ status: 'shipped', eta: 'Tuesday' }) });
    expect(second.at(-2)).toMatchObject({ role: 'assistant', tool_calls: [{ type: 'function', function: { name: 'order_status' } }] });
  });

  it.each([
    [
      'a tool that reports an error',
      { status: 200, body: { error: 'order service is down' } },
      'The tool order_status failed: order service is down',
    ],
    ['a tool that answers 500', { status: 500, body: {} }, 'The tool order_status answered HTTP 500.'],
    ['a tool answering outside the contract', { status: 200, body: { nope: 1 } }, 'The tool order_status answered outside the contract'],
  ])('treats %s as a tool failure, never an invented answer', async (_name, answer, error) => {
    toolAnswer = () => answer;
    model.script({ kind: 'tool_calls', calls: [{ name: 'order_status', arguments: { order: '1' } }] });
    const tool = { name: 'order_status', description: 'Look up an order' };
    const reply = await bot({ tools: [tool], toolsUrl }).reply(input('Where is order 1?'));
    expect(reply).toMatchObject({ reply: null, toolError: true });
    expect(reply.error).toContain(error);
  });

  it('refuses a tool the site did not define, and malformed arguments', async () => {
    model.script({ kind: 'tool_calls', calls: [{ name: 'delete_account', arguments: {} }] });
    expect(await bot({ toolsUrl }).reply(input('hi'))).toMatchObject({
      toolError: true,
      error: 'The model called an unknown tool "delete_account".',
    });
    model.script({ kind: 'tool_calls', calls: [{ name: 'order_status', arguments: [1, 2] }] });
    const tool = { name: 'order_status', description: 'Look up an order' };
    expect(await bot({ tools: [tool], toolsUrl }).reply(input('hi'))).toMatchObject({
      toolError: true,
      error: 'The model called order_status with arguments that are not a JSON object.',
    });
  });

  it('hands off with the reason and summary of its hand_off call', async () => {
    model.script({
      kind: 'tool_calls',
      calls: [{ name: 'hand_off', arguments: { reason: 'refund', summary: 'Wants a refund.\nOrder 48213.' } }],
    });
    expect(await bot().reply(input('Refund please'))).toMatchObject({
      reply: null,
      handoff: true,
      handoffReason: 'refund',
      summary: 'Wants a refund.\nOrder 48213.',
      toolError: false,
    });
  });

  it('is a tool failure without an API key, and past its budget, without calling the model', async () => {
    const before = model.requests.length;
    expect(await bot({}, { apiKey: null }).reply(input('hi'))).toMatchObject({
      toolError: true,
      error: expect.stringContaining('no API key'),
    });
    const spent: AgentBudget = { exceeded: async () => 'The AI agent’s daily token budget (1000) is used up.', record: async () => {} };
    expect(await bot({}, { budget: spent }).reply(input('hi'))).toMatchObject({
      toolError: true,
      error: 'The AI agent’s daily token budget (1000) is used up.',
    });
    expect(model.requests.length).toBe(before);
  });

  it('records each request and its tokens against the budget', async () => {
    const recorded: [number, number][] = [];
    const budget: AgentBudget = { exceeded: async () => null, record: async (_s, r, t) => void recorded.push([r, t]) };
    model.script({ kind: 'text', tokens: ['Hi!'], usage: { prompt_tokens: 120, completion_tokens: 2, total_tokens: 122 } });
    await bot({}, { budget }).reply(input('hi'));
    expect(recorded).toEqual([[1, 122]]);
  });

  it('writes case notes as JSON the case package can use, and nothing when the model does not', async () => {
    const notes = {
      summary: ['Wants a refund for order 48213.', 'Bot could not help.'],
      reply: 'Hallo! Ich sehe mir Ihre Bestellung 48213 gleich an.',
    };
    model.script({ kind: 'text', tokens: [JSON.stringify(notes)] }, { kind: 'text', tokens: ['Sure! Here you go.'] });
    const agent = bot();
    const caseInput = {
      siteId: 'site-1',
      turns: [{ from: 'visitor' as const, text: 'Ich will mein Geld zurück' }],
      locale: 'de' as const,
      tone: 'formal' as const,
      reasons: ['policy_topic: refund'],
    };
    expect(await agent.caseNotes?.(caseInput)).toEqual({ summary: notes.summary, suggestedReply: notes.reply });
    expect(model.requests.at(-1)!.body.messages[0].content).toContain("in German, the visitor's language, in a formal tone");
    expect(await agent.caseNotes?.(caseInput)).toBeNull();
    expect(bot({ writeCaseNotes: false }).caseNotes).toBeUndefined();
  });
});

// The same bot against a real endpoint when one is configured: what a real model can be asked to do
// (the scripted failures above need the local server).
const real =
  process.env.OPENAI_BASE_URL && process.env.OPENAI_API_KEY
    ? { baseUrl: process.env.OPENAI_BASE_URL, apiKey: process.env.OPENAI_API_KEY }
    : null;
if (!real)
  console.info(
    'AI agent bot against a real endpoint: skipped (set OPENAI_BASE_URL and OPENAI_API_KEY, optionally OPENAI_MODEL, to run it)',
  );

describe.skipIf(!real)('the AI agent bot against the real endpoint in OPENAI_BASE_URL', () => {
  const realBot = () =>
    createBot(
      OpenAiBotConfig.parse({
        kind: 'openai',
        baseUrl: real!.baseUrl,
        model: process.env.OPENAI_MODEL ?? 'gpt-4o-mini',
        entries: demoKnowledgeBaseEntries,
        temperature: 0,
        firstTokenTimeoutMs: 30_000,
        idleTimeoutMs: 30_000,
        totalTimeoutMs: 60_000,
      }),
      // A real endpoint is public: the strict guard, as in production.
      { siteSecret: SECRET, apiKey: real!.apiKey, fetch: createOutboundFetch(STRICT_OUTBOUND_POLICY) },
    );

  it('streams a grounded answer in the visitor’s language', async () => {
    const pieces: string[] = [];
    const reply = await realBot().reply(input('Quels moyens de paiement acceptez-vous ?', 'fr'), undefined, (d) => pieces.push(d));
    expect(reply.toolError).toBe(false);
    expect(pieces.length).toBeGreaterThan(1);
    expect(reply.reply).toMatch(/PayPal|iDEAL|Klarna/);
  });

  it('calls hand_off when the visitor asks for a person', async () => {
    const reply = await realBot().reply(input('I want to talk to a human agent right now, please hand me over.'));
    expect(reply.handoff || reply.fallback).toBe(true);
  }, 60_000);
});
