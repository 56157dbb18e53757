import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SiteConfigInput } from '../../shared/site-config';
import type { VisitorEvent } from '../../shared/visitor-protocol';
import { demoKnowledgeBaseEntries } from '../seed/demo-knowledge-base';
import { loginOperator, type OperatorSession, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';
import { type OpenAiTestServer, startOpenAiTestServer } from '../test-support/openai-test-server';

let h: Harness;
let model: OpenAiTestServer;
let admin: OperatorSession;

const agentConfig = (overrides: Record<string, unknown> = {}): SiteConfigInput => ({
  bot: {
    kind: 'openai',
    baseUrl: model.baseUrl,
    model: 'test-model',
    instructions: 'Be warm and brief.',
    entries: demoKnowledgeBaseEntries,
    firstTokenTimeoutMs: 2000,
    idleTimeoutMs: 2000,
    ...overrides,
  } as SiteConfigInput['bot'],
  hours: { timeZone: 'UTC', weekly: { mon: [{ start: '09:00', end: '17:00' }] } },
});

async function seedAgentSite(overrides: Record<string, unknown> = {}): Promise<void> {
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: agentConfig(overrides) });
  expect(await admin.fetch('/api/sites/site-a/bot/api-key', { method: 'PUT', body: { apiKey: 'sk-local' } })).toEqual({
    status: 200,
    body: { set: true },
  });
}

beforeEach(async () => {
  h = await startHarness();
  model = await startOpenAiTestServer({ apiKey: 'sk-local' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'], role: 'admin' });
  admin = await loginOperator(h, 'ana@a.test');
});
afterEach(async () => {
  await h.close();
  await model.close();
});

const deltasOf = (events: VisitorEvent[]) => events.filter((e) => e.type === 'bot_delta').map((e) => (e as { text: string }).text);

/** A visitor whose question the agent is answering slowly (60 tokens, 30 ms apart), three tokens in. */
async function visitorMidAnswer() {
  await seedAgentSite();
  model.script({ kind: 'text', tokens: Array.from({ length: 60 }, (_, i) => ` word${i}`), delayMs: 30 });
  const { client } = await visitorSession(h, 'key-a');
  client.send({ type: 'send_message', clientMessageId: 'q', text: 'Tell me about your lamps' });
  await client.waitFor('bot_delta', () => deltasOf(client.events).length >= 3);
  const conversationId = (await client.waitFor('message_added')).message.conversationId;
  return { client, conversationId };
}

describe('the AI agent', () => {
  it('keeps its API key write-only: sealed in the database, never in an API answer', async () => {
    await seedAgentSite();
    const stored = await h.deps.store.sites.get('site-a');
    expect(JSON.stringify(stored)).not.toContain('sk-local');
    expect(stored?.botApiKey).toMatchObject({ iv: expect.any(String), data: expect.any(String), tag: expect.any(String) });
    const config = await admin.fetch('/api/sites/site-a/config');
    expect(JSON.stringify(config.body)).not.toContain('sk-local');
    expect(await admin.fetch('/api/sites/site-a/bot/api-key')).toEqual({ status: 200, body: { set: true } });
    const audit = await h.deps.store.db.collection('audit').find({ siteId: 'site-a' }).toArray();
    expect(JSON.stringify(audit)).not.toContain('sk-local');
  });

  it('streams its answer to the visitor, then stores the whole text; the prompt carries the site’s hours and articles', async () => {
    await seedAgentSite();
    model.script({ kind: 'text', tokens: ['Our team', ' is here', ' on Mondays,', ' 09:00–17:00.'], delayMs: 20 });
    const { client } = await visitorSession(h, 'key-a', { context: { locale: 'en', timeZone: 'UTC' } });
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'When are you open?' });
    const stored = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    expect(stored.message.text).toBe('Our team is here on Mondays, 09:00–17:00.');
    expect(deltasOf(client.events)).toEqual(['Our team', ' is here', ' on Mondays,', ' 09:00–17:00.']);
    expect(client.events.flatMap((e) => (e.type === 'bot_delta' ? [e.at] : []))).toEqual([0, 8, 16, 28]);
    const ended = await client.waitFor('bot_stream_ended');
    expect(ended.interrupted).toBe(false);

    const system = model.requests[0]!.body.messages[0].content as string;
    expect(system).toContain('Our team is here Monday 09:00–17:00');
    expect(system).toContain('What are your opening hours?');
    expect(system).toContain('Be warm and brief.');
    expect(model.requests[0]!.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(['hand_off']);
    client.close();
  });

  it('stores what the visitor saw, marked interrupted, when the instance closes mid-answer: the close waits for it before the database goes', async () => {
    const { conversationId } = await visitorMidAnswer();

    await h.app.close();
    expect(h.deps.runningBotTurns.size).toBe(0);
    const messages = await h.db.collection('messages').find({ conversationId }).sort({ seq: 1 }).toArray();
    expect(messages.map((m) => m.sender.kind)).toEqual(['visitor', 'bot']);
    expect(messages[1]?.text).toMatch(/^ word0 word1 word2.*… \(answer interrupted\)$/);
    const conversation = await h.db.collection('conversations').findOne({ _id: conversationId as never });
    expect(conversation?.lastSeq).toBe(messages[1]?.seq);
  });

  it("stops the stream at once on an operator's barge-in: no later token reaches the visitor, and the stored message says it was interrupted", async () => {
    const { client, conversationId } = await visitorMidAnswer();

    expect((await admin.fetch(`/api/conversations/${conversationId}/barge-in`, { body: {} })).status).toBe(200);
    const ended = await client.waitFor('bot_stream_ended');
    expect(ended.interrupted).toBe(true);
    const interrupted = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    const request = model.requests[0]!;
    await request.done;

    const events = await client.eventsBeforePong();
    const shown = deltasOf(events).join('');
    expect(interrupted.message.text).toBe(`${shown.trimEnd()}… (answer interrupted)`);
    // Nothing of the stream after the operator took over.
    const takeover = events.findIndex((e) => e.type === 'conversation_updated' && e.conversation.state === 'owned');
    expect(takeover).toBeGreaterThan(-1);
    expect(events.slice(takeover).some((e) => e.type === 'bot_delta')).toBe(false);
    // The model's connection was closed, most of the answer never generated for the visitor.
    expect(request.clientClosedAt).not.toBeNull();
    expect(request.unsent).toBeGreaterThan(30);
    const conversation = await h.deps.store.conversations.get(conversationId);
    expect(conversation?.state).toBe('owned');
    client.close();
  });

  it('hands off through the hand_off tool with the model’s own summary in the case package', async () => {
    await seedAgentSite();
    model.script({
      kind: 'tool_calls',
      before: ['Let me bring in a colleague.'],
      calls: [
        {
          name: 'hand_off',
          arguments: { reason: 'refund request', summary: 'Ana wants a refund for order 48213.\nThe lamp arrived broken.' },
        },
      ],
    });
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'My lamp from order 48213 arrived broken' });
    const conversationId = (await client.waitFor('message_added')).message.conversationId;
    await client.waitFor('handoff_started');
    const pkg = (await h.deps.store.conversations.get(conversationId))?.casePackage;
    expect(pkg?.summary).toEqual(['Ana wants a refund for order 48213.', 'The lamp arrived broken.']);
    const said = client.events.find((e) => e.type === 'message_added' && e.message.sender.kind === 'bot');
    expect(said?.type === 'message_added' && said.message.text).toBe('Let me bring in a colleague.');
    client.close();
  });

  it('hands off a broken stream as a tool failure the operator can read', async () => {
    await seedAgentSite();
    model.script({ kind: 'broken', tokens: ['We are', ' open'], ending: 'cut', delayMs: 10 });
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'When are you open?' });
    const conversationId = (await client.waitFor('message_added')).message.conversationId;
    await client.waitFor('handoff_started');
    const pkg = (await h.deps.store.conversations.get(conversationId))?.casePackage;
    expect(pkg?.triggers[0]).toMatchObject({
      trigger: 'tool_failure',
      evidence: expect.stringContaining("The AI endpoint's stream broke off"),
    });
    const stored = client.events.filter((e) => e.type === 'message_added' && e.message.sender.kind === 'bot');
    expect(stored.map((e) => e.type === 'message_added' && e.message.text)).toEqual(['We are open… (answer interrupted)']);
    client.close();
  });

  it('hands off when a site tool fails, never inventing an answer', async () => {
    await seedAgentSite({
      tools: [
        {
          name: 'order_status',
          description: 'Look up an order',
          parameters: { type: 'object', properties: { order: { type: 'string' } } },
        },
      ],
      toolsUrl: 'http://127.0.0.1:9/tools',
      toolTimeoutMs: 500,
      writeCaseNotes: false,
    });
    model.script({ kind: 'tool_calls', calls: [{ name: 'order_status', arguments: { order: '48213' } }] });
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'Where is order 48213?' });
    const conversationId = (await client.waitFor('message_added')).message.conversationId;
    await client.waitFor('handoff_started');
    const pkg = (await h.deps.store.conversations.get(conversationId))?.casePackage;
    expect(pkg?.triggers[0]).toMatchObject({
      trigger: 'tool_failure',
      evidence: expect.stringContaining('The tool order_status could not be reached'),
    });
    expect(model.requests).toHaveLength(1);
    client.close();
  });

  it('hands off with a clear reason once the daily request budget is used up', async () => {
    await seedAgentSite({ budget: { requestsPerDay: 1 }, writeCaseNotes: false });
    model.script({ kind: 'text', tokens: ['Hello!'] });
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q1', text: 'Hi there, do you sell lamps?' });
    const conversationId = (await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot')).message.conversationId;
    client.send({ type: 'send_message', clientMessageId: 'q2', text: 'And bulbs?' });
    await client.waitFor('handoff_started');
    const pkg = (await h.deps.store.conversations.get(conversationId))?.casePackage;
    expect(pkg?.triggers[0]).toMatchObject({
      trigger: 'tool_failure',
      evidence: expect.stringContaining('daily request budget (1) is used up'),
    });
    expect(model.requests).toHaveLength(1);
    client.close();
  });

  it('writes the case summary and the first reply when a conversation is handed over, in the visitor’s language and the site’s tone', async () => {
    await seedAgentSite();
    const notes = {
      summary: ['Visitor wants a person about a late parcel (order 48213).', 'No answer tried yet; asked for a person.'],
      reply: 'Bonjour ! Je regarde votre commande 48213 tout de suite.',
    };
    model.script({ kind: 'text', tokens: [JSON.stringify(notes).slice(0, 40), JSON.stringify(notes).slice(40)] });
    const { client } = await visitorSession(h, 'key-a', { context: { locale: 'fr' } });
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'Je veux parler à une personne, ma commande 48213 est en retard' });
    const conversationId = (await client.waitFor('message_added')).message.conversationId;
    await client.waitFor('handoff_started');
    await expect
      .poll(async () => (await h.deps.store.conversations.get(conversationId))?.casePackage?.suggestedReply, { timeout: 5000 })
      .toBe(notes.reply);
    const pkg = (await h.deps.store.conversations.get(conversationId))?.casePackage;
    expect(pkg?.summary).toEqual(notes.summary);
    const prompt = model.requests.at(-1)!.body.messages[0].content as string;
    expect(prompt).toContain('in French');
    expect(prompt).toContain('friendly tone');
    client.close();
  });

  it('keeps the templates when the model’s notes are not usable', async () => {
    await seedAgentSite();
    model.script({ kind: 'http_error', status: 500, message: 'boom' });
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'I want to talk to a person' });
    const conversationId = (await client.waitFor('message_added')).message.conversationId;
    await client.waitFor('handoff_started');
    await expect.poll(() => model.requests.length).toBe(1);
    const pkg = (await h.deps.store.conversations.get(conversationId))?.casePackage;
    expect(pkg?.modelNotes).toBeNull();
    expect(pkg?.suggestedReply).not.toBe('');
    client.close();
  });
});
