import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenAiTestServer, startOpenAiTestServer } from '../../test-support/openai-test-server';
import { type ChatCall, streamChat } from './chat-completions';

let server: OpenAiTestServer;
beforeAll(async () => {
  server = await startOpenAiTestServer({ apiKey: 'sk-local' });
});
afterAll(() => server.close());

const timeouts = { firstTokenMs: 2000, idleMs: 2000, totalMs: 5000 };
const call = (overrides: Partial<ChatCall> = {}): ChatCall => ({
  endpoint: { baseUrl: server.baseUrl, apiKey: 'sk-local', auth: 'bearer', model: 'test-model' },
  messages: [{ role: 'user', content: 'When are you open?' }],
  timeouts,
  ...overrides,
});

describe('streamChat against the local OpenAI-compatible server', () => {
  it('streams content deltas as they arrive and returns the whole text with usage', async () => {
    server.script({
      kind: 'text',
      tokens: ['We are', ' open', ' around the clock.'],
      usage: { prompt_tokens: 42, completion_tokens: 3, total_tokens: 45 },
    });
    const deltas: string[] = [];
    const outcome = await streamChat(call({ temperature: 0.2, maxTokens: 300 }), { onText: (d) => deltas.push(d) });
    expect(outcome).toEqual({
      ok: true,
      text: 'We are open around the clock.',
      toolCalls: [],
      finishReason: 'stop',
      usage: { promptTokens: 42, completionTokens: 3 },
    });
    expect(deltas).toEqual(['We are', ' open', ' around the clock.']);
    const sent = server.requests.at(-1)!;
    expect(sent.headers.authorization).toBe('Bearer sk-local');
    expect(sent.body).toMatchObject({
      model: 'test-model',
      stream: true,
      temperature: 0.2,
      max_tokens: 300,
      messages: [{ role: 'user', content: 'When are you open?' }],
    });
  });

  it('sends the key in the api-key header for Azure OpenAI', async () => {
    server.script({ kind: 'text', tokens: ['ok'] });
    const azure = call({ endpoint: { baseUrl: server.baseUrl, apiKey: 'sk-local', auth: 'api-key', model: 'deployment-1' } });
    expect(await streamChat(azure)).toMatchObject({ ok: true, text: 'ok' });
    expect(server.requests.at(-1)!.headers['api-key']).toBe('sk-local');
    expect(server.requests.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('assembles tool calls whose arguments arrive in fragments, and offers the tools', async () => {
    server.script({
      kind: 'tool_calls',
      before: ['Let me get someone.'],
      calls: [{ name: 'hand_off', arguments: { reason: 'refund request', summary: 'Wants a refund for order 48213.' } }],
      pieces: 5,
    });
    const tools = [{ name: 'hand_off', description: 'Bring in a person', parameters: { type: 'object', properties: {} } }];
    const outcome = await streamChat(call({ tools }));
    expect(outcome).toMatchObject({ ok: true, text: 'Let me get someone.', finishReason: 'tool_calls' });
    if (!outcome.ok) throw new Error('expected an answer');
    expect(outcome.toolCalls).toHaveLength(1);
    expect(outcome.toolCalls[0]!.name).toBe('hand_off');
    expect(JSON.parse(outcome.toolCalls[0]!.arguments)).toEqual({ reason: 'refund request', summary: 'Wants a refund for order 48213.' });
    expect(server.requests.at(-1)!.body.tools).toEqual([{ type: 'function', function: tools[0] }]);
  });

  it.each([
    [
      { kind: 'http_error', status: 429, message: 'Rate limit reached for requests', retryAfter: 20 } as const,
      'rate_limited',
      'The AI endpoint is rate limiting requests (HTTP 429, retry after 20 s): Rate limit reached for requests.',
    ],
    [
      { kind: 'http_error', status: 503, message: 'The engine is currently overloaded' } as const,
      'server_error',
      'The AI endpoint failed (HTTP 503): The engine is currently overloaded.',
    ],
    [
      { kind: 'broken', tokens: ['We are'], ending: 'garbage' } as const,
      'malformed',
      'The AI endpoint sent a stream chunk that is not valid JSON.',
    ],
    [
      { kind: 'refusal', text: "I'm sorry, I can't help with that." } as const,
      'refusal',
      "The model refused to answer: I'm sorry, I can't help with that.",
    ],
  ])('turns %o into a failure the operator can read', async (behaviour, kind, message) => {
    server.script(behaviour);
    expect(await streamChat(call())).toMatchObject({ ok: false, failure: { kind, message } });
  });

  it('reports a stream cut mid-answer as broken, keeping what had arrived', async () => {
    server.script({ kind: 'broken', tokens: ['We are', ' open'], ending: 'cut', delayMs: 20 });
    const outcome = await streamChat(call());
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'malformed' }, partialText: 'We are open' });
  });

  it('reports a wrong key with what the endpoint said', async () => {
    const outcome = await streamChat(call({ endpoint: { baseUrl: server.baseUrl, apiKey: 'sk-wrong', auth: 'bearer', model: 'm' } }));
    expect(outcome).toMatchObject({
      ok: false,
      failure: { kind: 'http_error', message: 'The AI endpoint refused the API key (HTTP 401): Incorrect API key provided..' },
    });
    if (!outcome.ok) expect(outcome.failure.message).not.toContain('sk-wrong');
  });

  it('times out when the first token is late, and when the stream stalls', async () => {
    server.script({ kind: 'hang' });
    expect(await streamChat(call({ timeouts: { ...timeouts, firstTokenMs: 150 } }))).toMatchObject({
      ok: false,
      failure: { kind: 'timeout', message: 'The AI endpoint sent no answer within 150 ms.' },
    });
    server.script({ kind: 'text', tokens: ['one', ' two'], delayMs: 600 });
    expect(await streamChat(call({ timeouts: { ...timeouts, idleMs: 200 } }))).toMatchObject({
      ok: false,
      failure: { kind: 'timeout', message: "The AI endpoint's stream stalled for 200 ms." },
      partialText: 'one',
    });
  });

  it('reports an endpoint nobody listens on as unreachable', async () => {
    const gone = await startOpenAiTestServer();
    const baseUrl = gone.baseUrl;
    await gone.close();
    const outcome = await streamChat(call({ endpoint: { baseUrl, apiKey: 'k', auth: 'bearer', model: 'm' } }));
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'unreachable' } });
  });

  it("stops at once on the caller's abort: it rejects with the reason and the server writes nothing more", async () => {
    server.script({ kind: 'text', tokens: Array.from({ length: 40 }, (_, i) => ` t${i}`), delayMs: 25 });
    const controller = new AbortController();
    const deltas: string[] = [];
    const pending = streamChat(call(), {
      signal: controller.signal,
      onText: (d) => {
        deltas.push(d);
        if (deltas.length === 3) controller.abort(new Error('operator barged in'));
      },
    });
    await expect(pending).rejects.toThrow('operator barged in');
    const request = server.requests.at(-1)!;
    await request.done;
    expect(request.clientClosedAt).not.toBeNull();
    expect(request.unsent).toBeGreaterThan(30);
    expect(deltas).toHaveLength(3);
  });
});

const real =
  process.env.OPENAI_BASE_URL && process.env.OPENAI_API_KEY
    ? { baseUrl: process.env.OPENAI_BASE_URL, apiKey: process.env.OPENAI_API_KEY }
    : null;
if (!real)
  console.info('streamChat against a real endpoint: skipped (set OPENAI_BASE_URL and OPENAI_API_KEY, optionally OPENAI_MODEL, to run it)');

describe.skipIf(!real)('streamChat against the real endpoint in OPENAI_BASE_URL', () => {
  const endpoint = () => ({
    baseUrl: real!.baseUrl,
    apiKey: real!.apiKey,
    auth: 'bearer' as const,
    model: process.env.OPENAI_MODEL ?? 'gpt-4o-mini',
  });
  const slow = { firstTokenMs: 30_000, idleMs: 30_000, totalMs: 60_000 };

  it('streams an answer in several deltas', async () => {
    const deltas: string[] = [];
    const outcome = await streamChat(
      { endpoint: endpoint(), messages: [{ role: 'user', content: 'Count from 1 to 20, separated by spaces.' }], timeouts: slow },
      { onText: (d) => deltas.push(d) },
    );
    expect(outcome.ok).toBe(true);
    expect(deltas.length).toBeGreaterThan(1);
  });

  it('calls a tool with JSON arguments', async () => {
    const tools = [
      {
        name: 'hand_off',
        description: 'Bring in a human agent.',
        parameters: { type: 'object', properties: { reason: { type: 'string' } }, required: ['reason'] },
      },
    ];
    const outcome = await streamChat({
      endpoint: endpoint(),
      messages: [
        { role: 'system', content: 'Always call hand_off.' },
        { role: 'user', content: 'I want a person.' },
      ],
      tools,
      timeouts: slow,
    });
    expect(outcome.ok && outcome.toolCalls[0]?.name).toBe('hand_off');
  });
});
