import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoBotConfig } from '../seed/demo-knowledge-base';
import { visitorSession } from '../test-support/clients';
import { type Harness, seedSite, startHarness } from '../test-support/harness';

// Sequence numbers are claimed by the message insert (unique conversationId + seq) from what each
// instance last knew: two instances writing one conversation must still give 1..n, no gap, no repeat.

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { bot: demoBotConfig } });
});
afterEach(async () => {
  await h.close();
});

describe('message sequence numbers', () => {
  it('stay gap-free and unique when two instances write one conversation at once', async () => {
    const second = await startHarness({ databaseName: h.db.databaseName });
    try {
      const { client: a, welcome } = await visitorSession(h, 'key-a');
      a.send({ type: 'send_message', clientMessageId: 'first', text: 'How long does shipping take?' });
      const first = await a.waitFor('message_added', (e) => e.message.clientMessageId === 'first');
      await a.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
      // The same visitor in a second tab, served by the other instance.
      const { client: b } = await visitorSession(second, 'key-a', { token: welcome.visitorToken });
      const texts = ['How much does shipping cost?', 'What are your opening hours?', 'How long does shipping take?'];
      for (let i = 0; i < 6; i++) {
        (i % 2 === 0 ? a : b).send({ type: 'send_message', clientMessageId: `m${i}`, text: texts[i % 3] });
      }
      for (let i = 0; i < 6; i++) await (i % 2 === 0 ? a : b).waitFor('message_added', (e) => e.message.clientMessageId === `m${i}`);
      // Every visitor message has its bot reply: 2 + 6 * 2 messages in all.
      const conversationId = first.message.conversationId;
      const messages = h.db.collection('messages');
      for (let tries = 0; tries < 50 && (await messages.countDocuments({ conversationId })) < 14; tries++)
        await new Promise((r) => setTimeout(r, 100));
      const seqs = (await messages.find({ conversationId }).sort({ seq: 1 }).toArray()).map((m) => m.seq);
      expect(seqs).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
      const stored = await h.db.collection('conversations').findOne({ _id: conversationId as never });
      expect(stored?.lastSeq).toBe(14);
      a.close();
      b.close();
    } finally {
      await second.close().catch(() => {});
    }
  });

  it('leave no hole when a process died between recording a message on the conversation and storing it', async () => {
    const { client: a, welcome } = await visitorSession(h, 'key-a');
    a.send({ type: 'send_message', clientMessageId: 'first', text: 'How long does shipping take?' });
    const first = await a.waitFor('message_added', (e) => e.message.clientMessageId === 'first');
    await a.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    a.close();
    // What a bot reply's first step leaves when its process dies before the insert.
    const conversationId = first.message.conversationId;
    await h.db.collection('conversations').updateOne({ _id: conversationId as never }, { $set: { lastSeq: 3 } });
    const restarted = await startHarness({ databaseName: h.db.databaseName });
    try {
      const { client: b } = await visitorSession(restarted, 'key-a', { token: welcome.visitorToken, afterSeq: 2 });
      b.send({ type: 'send_message', clientMessageId: 'after', text: 'How much does shipping cost?' });
      const after = await b.waitFor('message_added', (e) => e.message.clientMessageId === 'after');
      expect(after.message.seq).toBe(3);
      b.close();
    } finally {
      await restarted.app.close();
    }
  });

  it('gives a resent message back once, whichever instance the resend reaches', async () => {
    const second = await startHarness({ databaseName: h.db.databaseName });
    try {
      const { client: a, welcome } = await visitorSession(h, 'key-a');
      a.send({ type: 'send_message', clientMessageId: 'once', text: 'How long does shipping take?' });
      const stored = await a.waitFor('message_added', (e) => e.message.clientMessageId === 'once');
      const { client: b } = await visitorSession(second, 'key-a', { token: welcome.visitorToken });
      b.send({ type: 'send_message', clientMessageId: 'once', text: 'How long does shipping take?' });
      const echoed = await b.waitFor('message_added', (e) => e.message.clientMessageId === 'once');
      expect(echoed.message).toEqual(stored.message);
      await b.eventsBeforePong();
      expect(await h.db.collection('messages').countDocuments({ clientMessageId: 'once' })).toBe(1);
      a.close();
      b.close();
    } finally {
      await second.close().catch(() => {});
    }
  });

  it('two tabs whose first messages arrive at the same instant, at two instances, share one conversation', async () => {
    const second = await startHarness({ databaseName: h.db.databaseName });
    try {
      const { client: a, welcome } = await visitorSession(h, 'key-a');
      const { client: b } = await visitorSession(second, 'key-a', { token: welcome.visitorToken });
      a.send({ type: 'send_message', clientMessageId: 'tab-a', text: 'hello from the first tab' });
      b.send({ type: 'send_message', clientMessageId: 'tab-b', text: 'hello from the second tab' });
      const fromA = await a.waitFor('message_added', (e) => e.message.clientMessageId === 'tab-a');
      const fromB = await b.waitFor('message_added', (e) => e.message.clientMessageId === 'tab-b');
      expect(fromB.message.conversationId).toBe(fromA.message.conversationId);
      const conversation = await h.db
        .collection<{ visitorId: string }>('conversations')
        .findOne({ _id: fromA.message.conversationId as never });
      expect(await h.db.collection('conversations').countDocuments({ visitorId: conversation?.visitorId })).toBe(1);
      a.close();
      b.close();
    } finally {
      await second.close().catch(() => {});
    }
  });

  it('a resend racing its first attempt on another socket reserves no second seq', async () => {
    const first = await visitorSession(h, 'key-a');
    // The conversation exists first (two tabs starting one at the same instant is another matter).
    first.client.send({ type: 'send_message', clientMessageId: 'start', text: 'hello' });
    await first.client.waitFor('message_added', (e) => e.message.clientMessageId === 'start');
    const second = await visitorSession(h, 'key-a', { token: first.welcome.visitorToken });
    for (let i = 0; i < 5; i++) {
      const frame = { type: 'send_message', clientMessageId: `m${i}`, text: `message ${i}` };
      first.client.send(frame);
      second.client.send(frame);
    }
    await first.client.waitFor('message_added', (e) => e.message.clientMessageId === 'm4');
    await second.client.waitFor('message_added', (e) => e.message.clientMessageId === 'm4');
    const id = first.client.events.find((e) => e.type === 'message_added')?.message.conversationId;
    // Let the bot's replies land too, then read the whole conversation.
    await new Promise((r) => setTimeout(r, 1_500));
    const stored = await h.db
      .collection<{ seq: number; clientMessageId: string | null }>('messages')
      .find({ conversationId: id })
      .sort({ seq: 1 })
      .toArray();
    const seqs = stored.map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(stored.filter((m) => m.clientMessageId?.startsWith('m')).map((m) => m.clientMessageId)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    const conversation = await h.deps.store.conversations.get(id!);
    expect(conversation?.lastSeq).toBe(seqs.length);
    first.client.close();
    second.client.close();
  });
});
