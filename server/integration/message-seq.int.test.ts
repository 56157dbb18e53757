import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visitorSession } from '../test-support/clients';
import { type Harness, seedSite, startHarness } from '../test-support/harness';

// A reconnecting widget resends what it has not seen confirmed, possibly while its old socket's
// frame is still being stored: the message is stored once and takes one seq, with no hole after it.

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
});
afterEach(() => h.close());

describe('message sequence numbers', () => {
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
    const stored = await h.db.collection<{ seq: number; clientMessageId: string | null }>('messages').find({ conversationId: id }).sort({ seq: 1 }).toArray();
    const seqs = stored.map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(stored.filter((m) => m.clientMessageId?.startsWith('m')).map((m) => m.clientMessageId)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    const conversation = await h.deps.store.conversations.get(id!);
    expect(conversation?.lastSeq).toBe(seqs.length);
    first.client.close();
    second.client.close();
  });
});
