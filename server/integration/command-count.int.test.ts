import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoBotConfig } from '../seed/demo-knowledge-base';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

// How many database commands the hot path costs, counted by the driver's command monitoring.
// A count is behaviour, not timing: each command is a round trip every visitor message pays.

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { bot: demoBotConfig } });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'] });
});
afterEach(async () => {
  await h.close();
});

const isBotReply = (e: { type: string; message?: { sender: { kind: string } } }) =>
  e.type === 'message_added' && e.message?.sender.kind === 'bot';

describe('database commands per visitor message', () => {
  it('stores a visitor message and the bot reply in at most 3 commands', async () => {
    const { client } = await visitorSession(h, 'key-a');
    // The first message starts the conversation; the one counted is an ordinary later message.
    client.send({ type: 'send_message', clientMessageId: 'm1', text: 'How long does shipping take?' });
    await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    const counter = h.countCommands();
    client.send({ type: 'send_message', clientMessageId: 'm2', text: 'How much does shipping cost?' });
    const reply = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot' && e.message.seq === 4);
    await client.eventsBeforePong();
    counter.stop();
    expect(reply.message.text).toContain('Shipping is free');
    console.info(`plain visitor message + bot reply: ${counter.names().length} commands: ${counter.names().join(', ')}`);
    expect(counter.names().length).toBeLessThanOrEqual(3);
    client.close();
  });

  it('answers a resent message with the one stored, storing nothing', async () => {
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'm1', text: 'How long does shipping take?' });
    const first = await client.waitFor('message_added', (e) => e.message.clientMessageId === 'm1');
    await client.waitFor('message_added', isBotReply);
    client.send({ type: 'send_message', clientMessageId: 'm1', text: 'How long does shipping take?' });
    await client.eventsBeforePong();
    const echoes = client.events.filter((e) => e.type === 'message_added' && e.message.clientMessageId === 'm1');
    expect(echoes).toHaveLength(2);
    expect(echoes[1]).toEqual(first);
    expect(await h.db.collection('messages').countDocuments({ conversationId: first.message.conversationId })).toBe(2);
    client.close();
  });

  it('counts the commands of a whole handoff cycle: hello, message, escalate, claim, resolve', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const counter = h.countCommands();
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'm1', text: 'How long does shipping take?' });
    const mine = await client.waitFor('message_added');
    await client.waitFor('message_added', isBotReply);
    client.send({ type: 'request_human', clientMessageId: 'h1' });
    await client.waitFor('handoff_started');
    const id = mine.message.conversationId;
    expect((await ana.fetch(`/api/conversations/${id}/claim`, { body: {} })).status).toBe(200);
    await client.waitFor('operator_joined');
    expect((await ana.fetch(`/api/conversations/${id}/resolve`, { body: {} })).status).toBe(200);
    await client.waitFor('conversation_updated', (e) => e.conversation.state === 'resolved');
    await client.eventsBeforePong();
    counter.stop();
    const names = counter.names();
    const tally = new Map<string, number>();
    for (const n of names) tally.set(n, (tally.get(n) ?? 0) + 1);
    console.info(`handoff cycle: ${names.length} commands: ${JSON.stringify(Object.fromEntries(tally))}`);
    // 61 before the hot-path work (a site read per frame, a read per seq and per de-duplication), 50
    // after it; handoff episodes (recorded at escalate, claim and resolve) came later and add 6, and
    // the welcome's team header (the site's operators and its recent claims, issue 14) adds 2; the
    // search text written at resolve adds 3 (messages, visitor, the write) and the visitor's presence
    // at hello 1 (the instance's record; a returning visitor's latest conversation is read too, a new
    // one has none to read), none of them on the message hot path; the Insights
    // counters one update each at escalate, claim and resolve, and the episode rows one at each of
    // those and at the wait estimate shown (7).
    // The bound keeps it from creeping back.
    expect(names.length).toBeLessThanOrEqual(68);
    client.close();
  });
});
