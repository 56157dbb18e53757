import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoBotConfig } from '../seed/demo-knowledge-base';
import { connectOperator, loginOperator, visitorSession } from '../test-support/clients';
import { type InstanceHarness, seedOperator, seedSite } from '../test-support/harness';
import { eventually } from '../test-support/eventually';
import { type Instances, startInstances } from '../test-support/instances';

// A visitor message the bot answers is decided on the instance's copy of the conversation, and the
// bot's reply, checked by a read of the conversation, writes the stamps of both behind
// (store/conversation-copies.ts, store/stamps-behind.ts). These show the copy never makes the bot
// speak in a conversation a person holds: dropped when another instance announces a change, and
// refused by the reply's check when nobody announced it.
let instances: Instances;
let a: InstanceHarness;
let b: InstanceHarness;

beforeEach(async () => {
  instances = await startInstances(['a', 'b']);
  [a, b] = instances.all as [InstanceHarness, InstanceHarness];
  await seedSite(a, { siteId: 'site-a', siteKey: 'key-a', config: { bot: demoBotConfig } });
  await seedOperator(a, { operatorId: 'op-sam', email: 'sam@a.test', name: 'Sam Rivera', siteIds: ['site-a'] });
});
afterEach(() => instances.close());

const conversationOf = (h: InstanceHarness, id: string) => h.db.collection('conversations').findOne({ _id: id as never });
const botMessages = (h: InstanceHarness, id: string) =>
  h.db.collection('messages').countDocuments({ conversationId: id, 'sender.kind': 'bot' });

async function botConversationOnA() {
  const { client, welcome } = await visitorSession(a, 'key-a');
  client.send({ type: 'send_message', clientMessageId: 'm1', text: 'How long does shipping take?' });
  const reply = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
  const id = reply.message.conversationId;
  expect(a.deps.store.conversations.copyOf(id)?.state).toBe('bot');
  // This exchange's stamps have landed: what a test writes next is not raced by them.
  await eventually(
    () => conversationOf(a, id),
    (c) => c?.lastSeq === 2,
  );
  return { client, welcome, id };
}

describe("an instance's copy of a bot conversation", () => {
  it('is stamped behind the bot reply: the visitor message and the reply write nothing of their own, then one update stamps both', async () => {
    const { client, id } = await botConversationOnA();
    const counter = a.countCommands();
    const conversationWrites = () => counter.names().filter((n) => n.endsWith(' conversations') && !n.startsWith('find '));
    client.send({ type: 'send_message', clientMessageId: 'm2', text: 'How much does shipping cost?' });
    const reply = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot' && e.message.seq === 4);
    await client.eventsBeforePong();
    expect(conversationWrites()).toEqual([]);
    // This instance already holds the stamped conversation; the database gets it behind.
    expect(a.deps.store.conversations.copyOf(id)).toMatchObject({ lastSeq: 4, lastMessagePreview: reply.message.text.slice(0, 140) });
    const stored = await eventually(
      () => conversationOf(a, id),
      (c) => c?.lastSeq === 4,
    );
    counter.stop();
    expect(conversationWrites()).toEqual(['update conversations']);
    expect(stored).toMatchObject({ lastSeq: 4, lastMessagePreview: reply.message.text.slice(0, 140) });
    const visitorMessage = await a.db.collection('messages').findOne({ conversationId: id, seq: 3 });
    expect(stored?.lastVisitorActivityAt).toEqual(visitorMessage?.createdAt);
    client.close();
  });

  it('has its waiting stamps written when the instance shuts down', async () => {
    const { client, id } = await botConversationOnA();
    client.send({ type: 'send_message', clientMessageId: 'm2', text: 'How much does shipping cost?' });
    const reply = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot' && e.message.seq === 4);
    expect((await conversationOf(b, id))?.lastSeq).toBe(2);
    await a.app.close();
    expect(await conversationOf(b, id)).toMatchObject({ lastSeq: 4, lastMessagePreview: reply.message.text.slice(0, 140) });
  });

  it('has stamps its killed instance never wrote mended when the visitor comes back on another instance', async () => {
    const { client, welcome, id } = await botConversationOnA();
    client.send({ type: 'send_message', clientMessageId: 'm2', text: 'How much does shipping cost?' });
    const reply = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot' && e.message.seq === 4);
    await a.kill();
    expect((await conversationOf(b, id))?.lastSeq).toBe(2);
    const { client: back } = await visitorSession(b, 'key-a', { token: welcome.visitorToken, afterSeq: 4 });
    const visitorMessage = await b.db.collection('messages').findOne({ conversationId: id, seq: 3 });
    expect(await conversationOf(b, id)).toMatchObject({
      lastSeq: 4,
      lastMessagePreview: reply.message.text.slice(0, 140),
      lastActivityAt: new Date(reply.message.createdAt),
      lastVisitorActivityAt: visitorMessage?.createdAt,
    });
    back.close();
  });

  it('is dropped when a person takes over on another instance, and the next message gets no bot answer', async () => {
    const { client, id } = await botConversationOnA();
    const sam = await loginOperator(b, 'sam@a.test');
    const inbox = await connectOperator(b, sam);
    expect((await sam.fetch(`/api/conversations/${id}/barge-in`, { body: {} })).status).toBe(200);
    // B announced the change on the bus: A no longer decides on its copy.
    expect(
      await eventually(
        () => a.deps.store.conversations.copyOf(id),
        (c) => c === null,
      ),
    ).toBeNull();

    client.send({ type: 'send_message', clientMessageId: 'm2', text: 'Are you a real person now?' });
    await inbox.waitFor('message_added', (e) => e.message.text === 'Are you a real person now?');
    await client.eventsBeforePong();
    expect(await botMessages(a, id)).toBe(1);
    const written = await a.db.collection('messages').findOne({ conversationId: id, text: 'Are you a real person now?' });
    expect(await conversationOf(a, id)).toMatchObject({
      state: 'owned',
      lastSeq: written?.seq,
      lastMessagePreview: 'Are you a real person now?',
      lastVisitorActivityAt: written?.createdAt,
    });
    client.close();
    inbox.close();
  });

  it("that went stale unannounced makes no bot reply: the reply's check refuses it and the stamps still land", async () => {
    const { client, id } = await botConversationOnA();
    const before = await conversationOf(a, id);
    // Changed behind the instances' backs: nobody announces it, so A's copy still says the bot holds it.
    await a.db
      .collection('conversations')
      .updateOne({ _id: id as never }, { $set: { state: 'owned', owner: { operatorId: 'op-sam', name: 'Sam' } }, $inc: { version: 1 } });
    expect(a.deps.store.conversations.copyOf(id)?.version).toBe(before?.version);

    client.send({ type: 'send_message', clientMessageId: 'm2', text: 'How much does shipping cost?' });
    const stored = await eventually(
      () => conversationOf(a, id),
      (c) => c?.lastSeq === 3,
    );
    await client.eventsBeforePong();
    expect(stored).toMatchObject({ state: 'owned', lastSeq: 3, lastMessagePreview: 'How much does shipping cost?' });
    expect(await botMessages(a, id)).toBe(1);
    client.close();
  });

  it('that went stale on a resolution reopens the conversation for the message, as writing after a resolution does', async () => {
    const { client, id } = await botConversationOnA();
    const before = await conversationOf(a, id);
    await a.db
      .collection('conversations')
      .updateOne({ _id: id as never }, { $set: { state: 'resolved', resolvedAt: new Date() }, $inc: { version: 1 } });

    client.send({ type: 'send_message', clientMessageId: 'm2', text: 'How much does shipping cost?' });
    const reply = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot' && e.message.seq > 3);
    expect(reply.message.text).toContain('Shipping is free');
    const stored = await conversationOf(a, id);
    // Reopened from the message on: the bot judged it as the first turn of the reopened conversation.
    expect(stored).toMatchObject({ state: 'bot', botSinceSeq: 2, lastSeq: reply.message.seq });
    expect(stored?.version).toBeGreaterThan((before?.version ?? 0) + 1);
    client.close();
  });

  it('that went stale on a resolution after the message leaves the conversation closed: the operator closed it while the bot answered', async () => {
    const { client, id } = await botConversationOnA();
    // Resolved "after" the message: dated past the moment it is written (as an operator's resolve during the bot's answer is).
    await a.db
      .collection('conversations')
      .updateOne({ _id: id as never }, { $set: { state: 'resolved', resolvedAt: new Date(Date.now() + 60_000) }, $inc: { version: 1 } });

    client.send({ type: 'send_message', clientMessageId: 'm2', text: 'How much does shipping cost?' });
    const stored = await eventually(
      () => conversationOf(a, id),
      (c) => c?.lastSeq === 3,
    );
    await client.eventsBeforePong();
    expect(stored).toMatchObject({ state: 'resolved', lastSeq: 3, lastMessagePreview: 'How much does shipping cost?' });
    expect(await botMessages(a, id)).toBe(1);
    client.close();
  });

  it('is written first when the message hands the conversation over, then decided on the fresh one', async () => {
    const { client, id } = await botConversationOnA();
    client.send({ type: 'send_message', clientMessageId: 'm2', text: 'I want to talk to a person please' });
    await client.waitFor('handoff_started');
    const stored = await conversationOf(a, id);
    const visitorMessage = await a.db.collection('messages').findOne({ conversationId: id, seq: 3 });
    expect(stored).toMatchObject({ state: 'queued' });
    expect(stored?.lastVisitorActivityAt).toEqual(visitorMessage?.createdAt);
    const newest = await a.db.collection('messages').find({ conversationId: id }).sort({ seq: -1 }).limit(1).next();
    expect(stored?.lastSeq).toBe(newest?.seq);
    client.close();
  });
});
