import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/entities';
import { connectOperator, loginOperator, visitorSession } from '../test-support/clients';
import { type InstanceHarness, seedOperator, seedSite } from '../test-support/harness';
import { type Instances, startInstances } from '../test-support/instances';

// A burst of events crossing instances on the real database: what the bench's "lost" events were
// suspected of (the bus skipping a seq under load) must not happen.
let instances: Instances;
let a: InstanceHarness;
let b: InstanceHarness;

beforeEach(async () => {
  instances = await startInstances(['a', 'b']);
  [a, b] = instances.all as [InstanceHarness, InstanceHarness];
  // Bot only: every message is answered and nothing escalates, so the burst is all messages.
  await seedSite(a, { siteId: 'site-a', siteKey: 'key-a', config: { handoffEnabled: false } });
  await seedOperator(a, { operatorId: 'op-sam', email: 'sam@a.test', name: 'Sam', siteIds: ['site-a'] });
});
afterEach(() => instances.close());

const VISITORS = 4;
const MESSAGES = 15;

describe('a burst of events crossing instances', () => {
  it('reaches the inbox on the other instance whole: every message once, each conversation in order', async () => {
    const inbox = await connectOperator(b, await loginOperator(b, 'sam@a.test'));
    const visitors = await Promise.all(Array.from({ length: VISITORS }, () => visitorSession(a, 'key-a')));
    // All at once, as fast as each socket allows (its burst is 20 frames).
    for (const [v, { client }] of visitors.entries()) {
      for (let m = 0; m < MESSAGES; m++)
        client.send({ type: 'send_message', clientMessageId: `v${v}-m${m}`, text: `question ${m} about lamps` });
    }
    const onB = () => inbox.events.flatMap((e) => (e.type === 'message_added' ? [e.message as Message] : []));
    const fromVisitors = () => onB().filter((m) => m.sender.kind === 'visitor');
    const botReplies = () => onB().filter((m) => m.sender.kind === 'bot');
    const end = Date.now() + 20_000;
    while ((fromVisitors().length < VISITORS * MESSAGES || botReplies().length < VISITORS * MESSAGES) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
    }

    const ids = fromVisitors().map((m) => m.clientMessageId);
    expect(ids).toHaveLength(VISITORS * MESSAGES);
    expect(new Set(ids).size).toBe(VISITORS * MESSAGES);
    expect(botReplies()).toHaveLength(VISITORS * MESSAGES);
    const byConversation = new Map<string, Message[]>();
    for (const m of onB()) byConversation.set(m.conversationId, [...(byConversation.get(m.conversationId) ?? []), m]);
    expect(byConversation.size).toBe(VISITORS);
    for (const messages of byConversation.values()) {
      const seqs = messages.map((m) => m.seq);
      // In the order stored, none twice, none missing.
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
      const sent = messages.filter((m) => m.sender.kind === 'visitor').map((m) => m.clientMessageId);
      const visitor = sent[0]!.split('-')[0];
      expect(sent).toEqual(Array.from({ length: MESSAGES }, (_, i) => `${visitor}-m${i}`));
    }
    for (const { client } of visitors) client.close();
  });
});
