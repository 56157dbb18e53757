import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CasePackage } from '../../shared/case-package';
import type { SiteConfigInput } from '../../shared/site-config';
import { demoBotConfig } from '../seed/demo-knowledge-base';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
let siteBot: Server | null = null;

beforeEach(async () => {
  h = await startHarness();
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'], role: 'admin' });
});
afterEach(async () => {
  await h.close();
  siteBot?.closeAllConnections();
  await new Promise((r) => (siteBot ? siteBot.close(r) : r(null)));
  siteBot = null;
});

/** A site's own bot behind a real HTTP webhook, answering each request with the next of `answers`. */
async function startSiteBot(answers: unknown[]): Promise<string> {
  let next = 0;
  siteBot = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answers[Math.min(next++, answers.length - 1)]));
    });
  });
  await new Promise<void>((r) => siteBot!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(siteBot.address() as AddressInfo).port}/bot`;
}

async function seedWebhookSite(url: string, timeoutMs = 4000): Promise<void> {
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { bot: { kind: 'webhook', url, timeoutMs } } });
}

async function caseOf(conversationId: string): Promise<CasePackage> {
  const stored = await h.deps.store.conversations.get(conversationId);
  expect(stored?.casePackage).not.toBeNull();
  return stored!.casePackage!;
}

describe('a bot tool failure in the case package', () => {
  it('names what the site bot said failed, and keeps the facts it found', async () => {
    await seedWebhookSite(
      await startSiteBot([{ reply: null, toolError: 'order lookup timed out after 5 s', facts: { orderNumber: 'A-48213' } }]),
    );
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'Where is my parcel?' });
    const conversationId = (await client.waitFor('message_added')).message.conversationId;
    await client.waitFor('handoff_started');
    const pkg = await caseOf(conversationId);
    expect(pkg.triggers[0]).toEqual({ trigger: 'tool_failure', evidence: 'tool error: order lookup timed out after 5 s' });
    expect(pkg.botAttempts).toEqual([{ text: 'order lookup timed out after 5 s', confidence: null, fallback: false, toolError: true }]);
    expect(pkg.summary[1]).toContain('order lookup timed out after 5 s');
    expect(pkg.facts).toMatchObject({ orderNumber: 'A-48213' });
    const audit = await h.deps.store.audit.forConversation(conversationId);
    expect(audit[0]).toMatchObject({
      action: 'escalated',
      reasons: ['tool_failure'],
      evidence: ['tool error: order lookup timed out after 5 s'],
    });
    client.close();
  });

  it('names a webhook that did not answer in time', async () => {
    siteBot = createServer(() => {}); // accepts and never answers
    await new Promise<void>((r) => siteBot!.listen(0, '127.0.0.1', r));
    await seedWebhookSite(`http://127.0.0.1:${(siteBot.address() as AddressInfo).port}/bot`, 300);
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'Where is my parcel?' });
    const conversationId = (await client.waitFor('message_added')).message.conversationId;
    await client.waitFor('handoff_started');
    const pkg = await caseOf(conversationId);
    expect(pkg.triggers[0]).toEqual({ trigger: 'tool_failure', evidence: 'tool error: The bot webhook did not answer within 300 ms.' });
    expect(pkg.botAttempts[0]?.text).toBe('The bot webhook did not answer within 300 ms.');
    client.close();
  });
});

describe('facts the site bot reports', () => {
  it('are kept on the conversation, spare the visitor the question and reach the case package', async () => {
    await seedWebhookSite(
      await startSiteBot([
        { reply: 'I found your order; it ships Monday.', confidence: 0.9, facts: { orderNumber: 'A-48213', plan: 'pro' } },
      ]),
    );
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'Where is my parcel?' });
    const conversationId = (await client.waitFor('message_added')).message.conversationId;
    await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    // The facts are stored before the reply is posted.
    expect((await h.deps.store.conversations.get(conversationId))?.facts).toEqual({ orderNumber: 'A-48213', plan: 'pro' });

    // A refund needs an order number: the bot already has it, so nobody asks for it again.
    client.send({ type: 'send_message', clientMessageId: 'r', text: 'Actually I want a refund' });
    await client.waitFor('handoff_started');
    const pkg = await caseOf(conversationId);
    expect(pkg).toMatchObject({ intent: 'refund', queue: 'billing', missingFacts: [], facts: { orderNumber: 'A-48213', plan: 'pro' } });
    expect(pkg.summary[0]).toContain('order A-48213');
    const bot = client.events.filter((e) => e.type === 'message_added' && e.message.sender.kind === 'bot');
    expect(bot).toHaveLength(1);
    client.close();
  });
});

describe("the site's low-confidence setting with the built-in bot", () => {
  const quietFallback = { ...demoBotConfig, fallbackReply: "I don't know that one yet." };
  const seedKnowledgeBaseSite = (triggers: SiteConfigInput['triggers']) =>
    seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { bot: quietFallback, triggers } });

  it("in offer mode offers a person in the visitor's language, and a yes hands off", async () => {
    await seedKnowledgeBaseSite({ low_confidence: { mode: 'offer' } });
    const { client } = await visitorSession(h, 'key-a', { context: { locale: 'de' } });
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'Do you ship to Norway?' });
    const reply = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    expect(reply.message.text).toBe("I don't know that one yet.\n\nMöchten Sie mit einem Menschen sprechen?");
    expect(client.events.some((e) => e.type === 'handoff_started')).toBe(false);
    client.send({ type: 'send_message', clientMessageId: 'yes', text: 'ja gerne' });
    await client.waitFor('handoff_started');
    const conversation = await h.deps.store.conversations.get(reply.message.conversationId);
    expect(conversation?.triggers[0]).toBe('human_request');
    client.close();
  });

  it('in handoff mode (the default) hands off on an answer the bot held back', async () => {
    await seedKnowledgeBaseSite({});
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'Do you ship to Norway?' });
    const conversationId = (await client.waitFor('message_added')).message.conversationId;
    await client.waitFor('handoff_started');
    const pkg = await caseOf(conversationId);
    expect(pkg.triggers[0]).toMatchObject({
      trigger: 'low_confidence',
      evidence: expect.stringMatching(/^held back an answer at confidence 0\.\d+$/),
    });
    client.close();
  });

  it('in handoff mode does not ask whether to bring a person while bringing one: the reply says a person is coming', async () => {
    // The built-in bot's default fallback asks "Would you like to talk to a person?"; here the system hands over at once.
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { bot: { ...demoBotConfig, fallbackReply: undefined } } });
    const { client } = await visitorSession(h, 'key-a', { context: { locale: 'de' } });
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'Do you ship to Norway?' });
    const reply = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    await client.waitFor('handoff_started');
    expect(reply.message.text).toBe('Ich bin mir bei der Antwort nicht sicher und hole deshalb eine Person aus unserem Team dazu.');
    const pkg = await caseOf(reply.message.conversationId);
    expect(pkg.triggers[0]?.trigger).toBe('low_confidence');
    client.close();
  });

  it('in offer mode waits for the answer to its question: a no stays with the bot', async () => {
    await seedSite(h, {
      siteId: 'site-a',
      siteKey: 'key-a',
      config: { bot: { ...demoBotConfig, fallbackReply: undefined }, triggers: { low_confidence: { mode: 'offer' } } },
    });
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'Do you ship to Norway?' });
    const offer = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    expect(offer.message.text).toBe("I'm not sure I have the right answer to that. Would you like to talk to a person from our team?");
    client.send({ type: 'send_message', clientMessageId: 'no', text: 'No thanks' });
    // The bot answers the no (nobody else would) and keeps the conversation.
    await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot' && e.message.seq > offer.message.seq + 1);
    expect(client.events.some((e) => e.type === 'handoff_started')).toBe(false);
    expect((await h.deps.store.conversations.get(offer.message.conversationId))?.state).toBe('bot');
    client.close();
  });

  it('in offer mode a yes to the default fallback hands off as a request for a person', async () => {
    await seedSite(h, {
      siteId: 'site-a',
      siteKey: 'key-a',
      config: { bot: { ...demoBotConfig, fallbackReply: undefined }, triggers: { low_confidence: { mode: 'offer' } } },
    });
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'Do you ship to Norway?' });
    const offer = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    expect(client.events.some((e) => e.type === 'handoff_started')).toBe(false);
    client.send({ type: 'send_message', clientMessageId: 'yes', text: 'yes please' });
    await client.waitFor('handoff_started');
    expect((await h.deps.store.conversations.get(offer.message.conversationId))?.triggers[0]).toBe('human_request');
    client.close();
  });

  it('while the visitor waits for a person, a fallback does not offer one again', async () => {
    await seedSite(h, {
      siteId: 'site-a',
      siteKey: 'key-a',
      config: { bot: { ...demoBotConfig, fallbackReply: undefined }, botAnswersWhileWaiting: true },
    });
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'request_human', clientMessageId: 'h' });
    await client.waitFor('handoff_started');
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'Do you ship to Norway?' });
    const reply = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    expect(reply.message.text).toBe('I’m not sure I have the right answer to that, so I’m bringing in a person from our team.');
    client.close();
  });

  it('off, leaves the held-back answer a plain fallback', async () => {
    await seedKnowledgeBaseSite({ low_confidence: { enabled: false } });
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'Do you ship to Norway?' });
    const reply = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    expect(reply.message.text).toBe("I don't know that one yet.");
    // Had the first reply handed off, the bot would not answer again.
    client.send({ type: 'send_message', clientMessageId: 'r', text: 'What are your opening hours?' });
    await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot' && e.message.seq > reply.message.seq + 1);
    expect(client.events.some((e) => e.type === 'handoff_started')).toBe(false);
    expect((await h.deps.store.conversations.get(reply.message.conversationId))?.state).toBe('bot');
    client.close();
  });
});

describe('transfers in the audit trail', () => {
  it('record where the conversation went', async () => {
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
    await seedOperator(h, { operatorId: 'op-bo', email: 'bo@a.test', name: 'Bo Berg', siteIds: ['site-a'] });
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'request_human', clientMessageId: 'h' });
    const conversationId = (await client.waitFor('message_added')).message.conversationId;
    const ana = await loginOperator(h, 'ana@a.test');
    expect((await ana.fetch(`/api/conversations/${conversationId}/claim`, { body: {} })).status).toBe(200);
    expect((await ana.fetch(`/api/conversations/${conversationId}/transfer`, { body: { operatorId: 'op-bo' } })).status).toBe(200);
    const bo = await loginOperator(h, 'bo@a.test');
    expect(
      (await bo.fetch(`/api/conversations/${conversationId}/transfer`, { body: { queue: 'billing', note: 'invoice question' } })).status,
    ).toBe(200);
    const transfers = (await h.deps.store.audit.forConversation(conversationId)).filter((a) => a.action === 'transferred');
    expect(transfers.map((a) => [a.reasons, a.note])).toEqual([
      [['to_operator:Bo Berg'], null],
      [['to_queue:billing'], 'invoice question'],
    ]);
    client.close();
  });
});
