import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandoffEpisode } from '../entities/episode';
import { alwaysOpenSchedule } from '../../shared/config/hours';
import { countEpisodeChange } from '../flows/handoff/episode-record';
import { handoffEpisode } from '../test-support/handoff-episode';
import { loginOperator, type OperatorSession, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

// The conversations behind a figure follow the episode as it changes (written through the episode
// recorder, read through the API): a row leaves a measure that no longer holds and joins the new one,
// retention's deletion takes it out, and only the days the Insights counters say hold such episodes
// are read (FerretDB scans the table for each query, so each day skipped is a scan saved).

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'], role: 'admin' });
});
afterEach(() => h.close());

const conv = (id: string) => ({ _id: id, siteId: 'site-a', visitorName: null });
const start = new Date(Date.now() - 3_600_000);
const later = (ms: number) => new Date(start.getTime() + ms);
const waiting: HandoffEpisode = handoffEpisode({
  startedAt: start,
  outcome: 'abandoned',
  endedAt: later(600_000),
  intentCorrectedTo: null,
  repeats: { visitorRestated: 0, operatorAsked: 0 },
});
const claimed: HandoffEpisode = {
  ...waiting,
  claimedAt: later(60_000),
  firstHumanReplyAt: later(90_000),
  actualWaitMs: 60_000,
  operatorId: 'op-ana',
  outcome: 'resolved',
  resolvedAt: later(600_000),
};

describe('the conversations behind a figure', () => {
  it('follow a row out of a measure that no longer holds, and drop it when retention deletes it', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const listed = async (measure: string) =>
      (await ana.fetch(`/api/sites/site-a/insights/conversations?measure=${measure}`)).body.conversations.map(
        (c: { conversationId: string }) => c.conversationId,
      );

    await countEpisodeChange(h.deps, conv('conv-1'), undefined, [waiting]);
    expect(await listed('abandoned')).toEqual(['conv-1']);
    expect(await listed('claimed')).toEqual([]);

    // Claimed after all: out of "abandoned", into "claimed" and "time_to_human".
    await countEpisodeChange(h.deps, conv('conv-1'), [waiting], [claimed]);
    expect(await listed('abandoned')).toEqual([]);
    expect(await listed('claimed')).toEqual(['conv-1']);
    expect(await listed('time_to_human')).toEqual(['conv-1']);

    await h.deps.store.visitorData.deleteConversations([{ _id: 'conv-1', version: 0 }]);
    expect(await h.deps.store.episodeRollups.get('conv-1#1')).toBeNull();
    expect(await listed('claimed')).toEqual([]);
  });

  it('read only the days whose counters hold episodes of the measure, newest first', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const daysAgo = (n: number, e: HandoffEpisode, number: number): HandoffEpisode => {
      const at = new Date(start.getTime() - n * 86_400_000);
      return { ...e, number, startedAt: at, escalatedAt: at, endedAt: at };
    };
    await countEpisodeChange(h.deps, conv('old'), undefined, [daysAgo(3, waiting, 1)]);
    await countEpisodeChange(h.deps, conv('new'), undefined, [daysAgo(1, waiting, 1)]);
    await countEpisodeChange(h.deps, conv('taken'), undefined, [daysAgo(2, claimed, 1)]);

    const counter = h.countCommands();
    const res = await ana.fetch('/api/sites/site-a/insights/conversations?measure=abandoned');
    counter.stop();
    expect(res.body.conversations.map((c: { conversationId: string }) => c.conversationId)).toEqual(['new', 'old']);
    // Two days hold abandoned handoffs; the other 28 of the 30 are not read.
    expect(counter.names().filter((n) => n === 'find episode_rows')).toHaveLength(2);
  });

  it("carry the visitor's name on the row: no conversation read, renamed when they identify, blanked by erasure", async () => {
    await seedSite(h, { siteId: 'site-n', siteKey: 'key-n', config: { hours: alwaysOpenSchedule } });
    await seedOperator(h, { operatorId: 'op-nia', email: 'nia@n.test', name: 'Nia Admin', siteIds: ['site-n'], role: 'admin' });
    const nia = await loginOperator(h, 'nia@n.test');
    const { client } = await visitorSession(h, 'key-n');
    client.send({ type: 'identify', identity: { id: 'u-1', name: 'Mia Rossi' } });
    await client.waitFor('identity_checked');
    client.send({ type: 'send_message', clientMessageId: 'm1', text: 'My invoice is wrong' });
    const conversationId = (await client.waitFor('message_added')).message.conversationId;
    client.send({ type: 'request_human', clientMessageId: 'h1' });
    await client.waitFor('conversation_updated', (e) => e.conversation.state === 'queued');
    const visitorId = (await h.deps.store.conversations.get(conversationId))!.visitorId;

    // The escalation's tail (queue positions, offers) reads conversations after its event: let it finish
    // so that the count below is the request's own.
    const quiet = async () => {
      for (let i = 0; i < 50; i++) {
        const window = h.countCommands();
        await new Promise((r) => setTimeout(r, 150));
        window.stop();
        if (!window.names().some((n) => n.endsWith(' conversations'))) return;
      }
      throw new Error('the conversations never went quiet');
    };
    const escalated = async (session: OperatorSession) => {
      await quiet();
      const counter = h.countCommands();
      const res = await session.fetch('/api/sites/site-n/insights/conversations?measure=escalated');
      counter.stop();
      return { conversations: res.body.conversations, read: counter.names() };
    };
    const first = await escalated(nia);
    expect(first.conversations).toMatchObject([{ conversationId, visitorName: 'Mia Rossi' }]);
    // The name comes with the row: the conversations (which FerretDB scans for `_id $in`) are not read.
    expect(first.read.filter((n) => n.endsWith(' conversations'))).toEqual([]);
    expect(first.read).toContain('find episode_rows');

    // She corrects her name: the row follows, still without a conversation read.
    client.send({ type: 'identify', identity: { id: 'u-1', name: 'Mia Rossi-Berg' } });
    await client.waitFor('identity_checked');
    const renamed = await escalated(nia);
    expect(renamed.conversations).toMatchObject([{ conversationId, visitorName: 'Mia Rossi-Berg' }]);
    expect(renamed.read.filter((n) => n.endsWith(' conversations'))).toEqual([]);
    client.close();

    const erased = await nia.fetch(`/api/sites/site-n/visitors/${visitorId}/erase`, { method: 'POST' });
    expect(erased.status).toBe(200);
    expect((await escalated(nia)).conversations).toMatchObject([{ conversationId, visitorName: null }]);
    expect((await h.deps.store.episodeRollups.get(`${conversationId}#1`))?.visitorName).toBeNull();
  });

  it('read the name from the conversation only for rows written before rows kept it', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    await countEpisodeChange(h.deps, { _id: 'conv-old', siteId: 'site-a', visitorName: 'Olga Old' }, undefined, [waiting]);
    await h.db.collection('episode_rows').updateOne({ _id: 'conv-old#1' } as never, { $unset: { visitorName: '' } });
    await h.db.collection('conversations').insertOne({ _id: 'conv-old', siteId: 'site-a', visitorName: 'Olga Older' } as never);
    const res = await ana.fetch('/api/sites/site-a/insights/conversations?measure=abandoned');
    expect(res.body.conversations).toMatchObject([{ conversationId: 'conv-old', visitorName: 'Olga Older' }]);
  });
});
