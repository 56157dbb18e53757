import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultQueues } from '../../shared/config/queues';
import type { Message } from '../../shared/entities';
import { SiteConfigResponse } from '../../shared/http';
import { offerWaiting } from '../flows/handoff/auto-assign';
import { connectOperator, loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, type InstanceHarness, seedOperator, seedSite } from '../test-support/harness';
import { eventually } from '../test-support/eventually';
import { type Instances, startInstances } from '../test-support/instances';

// Three real instances on one database: no sticky sessions, every client picks its own.
const AWAY_MS = 600;
const presenceOf = async (h: Harness, operatorId: string) => (await h.deps.store.operators.get(operatorId))?.presence;
let instances: Instances;
let a: InstanceHarness;
let b: InstanceHarness;
let c: InstanceHarness;

beforeEach(async () => {
  instances = await startInstances(['a', 'b', 'c'], {
    heartbeatMs: 200,
    staleAfterMs: 800,
    presenceDelays: { awayMs: AWAY_MS, offlineMs: 60_000 },
  });
  [a, b, c] = instances.all as [InstanceHarness, InstanceHarness, InstanceHarness];
  await seedSite(a, { siteId: 'site-a', siteKey: 'key-a' });
  await seedOperator(a, { operatorId: 'op-sam', email: 'sam@a.test', name: 'Sam Rivera', siteIds: ['site-a'] });
  await seedOperator(a, { operatorId: 'op-dana', email: 'dana@a.test', name: 'Dana Admin', siteIds: ['site-a'], role: 'admin' });
});
afterEach(() => instances.close());

describe('events crossing instances', () => {
  it('shows a visitor on A live to an operator on B, and B’s reply to the visitor on A', async () => {
    const sam = await loginOperator(b, 'sam@a.test');
    const inbox = await connectOperator(b, sam);
    const { client: visitor } = await visitorSession(a, 'key-a');

    visitor.send({ type: 'send_message', clientMessageId: 'm1', text: 'Hello from instance A' });
    const seen = await inbox.waitFor('message_added', (e) => e.message.text === 'Hello from instance A');
    const id = seen.message.conversationId;
    visitor.send({ type: 'request_human', clientMessageId: 'h1' });
    await inbox.waitFor('handoff_started', (e) => e.conversation.conversationId === id);

    expect((await sam.fetch(`/api/conversations/${id}/claim`, { body: {} })).status).toBe(200);
    await visitor.waitFor('operator_joined', (e) => e.operator.name === 'Sam');
    const replied = await sam.fetch(`/api/conversations/${id}/reply`, { body: { clientMessageId: 'r1', text: 'Sam here, on B' } });
    expect({ status: replied.status, ...replied.body }).toMatchObject({ status: 200 });
    const reply = await visitor.waitFor('message_added', (e) => e.message.text === 'Sam here, on B');
    expect(reply.message.sender).toMatchObject({ kind: 'operator', name: 'Sam' });
    // Delivered once: A gave it to its socket from the bus, and nobody echoed it back.
    const before = await visitor.eventsBeforePong();
    expect(before.filter((e) => e.type === 'message_added' && e.message.text === 'Sam here, on B')).toHaveLength(1);
    expect(inbox.events.filter((e) => e.type === 'message_added' && e.message.text === 'Hello from instance A')).toHaveLength(1);
    visitor.close();
    inbox.close();
  });

  it('ends a session’s sockets on every instance at logout on another', async () => {
    const sam = await loginOperator(a, 'sam@a.test');
    const onB = await connectOperator(b, sam);
    const onC = await connectOperator(c, sam);
    expect((await sam.fetch('/api/auth/logout', { body: {} })).status).toBe(200);
    expect((await onB.waitClosed()).reason).toBe('unauthenticated');
    expect((await onC.waitClosed()).reason).toBe('unauthenticated');
  });
});

describe('configuration changes crossing instances', () => {
  it('tells every instance, and A and B route the next handoff by the settings C saved', async () => {
    const heard = new Map<string, number[]>();
    for (const [name, h] of [
      ['a', a],
      ['b', b],
    ] as const) {
      h.deps.hub.onConfigChanged((siteId, version) => heard.set(name, [...(heard.get(name) ?? []), siteId === 'site-a' ? version : -1]));
    }
    const dana = await loginOperator(c, 'dana@a.test');
    const copy = SiteConfigResponse.parse((await dana.fetch('/api/sites/site-a/config')).body);
    const saved = await dana.fetch('/api/sites/site-a/config', {
      method: 'PUT',
      body: { config: { ...copy.config, defaultQueue: 'billing' }, configVersion: copy.configVersion },
    });
    expect(saved.status).toBe(200);
    await eventually(
      () => heard,
      (m) => m.get('a')?.length === 1 && m.get('b')?.length === 1,
    );
    expect(Object.fromEntries(heard)).toEqual({ a: [2], b: [2] });

    for (const h of [a, b]) {
      const { client } = await visitorSession(h, 'key-a');
      client.send({ type: 'request_human', clientMessageId: 'h' });
      const id = (await client.waitFor('message_added')).message.conversationId;
      await client.waitFor('handoff_started');
      expect((await h.deps.store.conversations.get(id))?.queue).toBe('billing');
      client.close();
    }
  });
});

describe('presence across instances', () => {
  it('keeps an operator connected to B online as seen from A, also after A restarts', async () => {
    const sam = await loginOperator(b, 'sam@a.test');
    const inbox = await connectOperator(b, sam);
    await eventually(
      () => a.deps.hub.connectedOperators().has('op-sam'),
      (v) => v,
    );
    expect(a.deps.hub.connectedOperators().has('op-sam')).toBe(true);

    const leaving = a.bus!.instanceId;
    await a.close();
    // A clean stop takes its read position and heartbeats along: nobody keeps events or presence for it.
    expect(await b.db.collection('event_bus_positions').countDocuments({ _id: leaving as never })).toBe(0);
    expect(await b.db.collection('operator_heartbeats').countDocuments({ instanceId: leaving })).toBe(0);
    const restarted = await instances.startOne('a2');
    // What the restart's presence sweep asks before starting anyone's away timer.
    expect(restarted.deps.hub.connectedOperators().has('op-sam')).toBe(true);
    // Well past the away delay: the restarted A started no timer for someone connected to B.
    await new Promise((r) => setTimeout(r, AWAY_MS * 3));
    expect(await presenceOf(restarted, 'op-sam')).toBe('online');

    inbox.close();
    await eventually(
      () => restarted.deps.hub.connectedOperators().has('op-sam'),
      (v) => !v,
    );
    expect(restarted.deps.hub.connectedOperators().has('op-sam')).toBe(false);
    // B held the socket, so B's timer moves Sam on; every instance sees the same document.
    expect(
      await eventually(
        () => presenceOf(restarted, 'op-sam'),
        (p) => p === 'away',
      ),
    ).toBe('away');
  });

  it('notices an operator whose instance was killed: the heartbeats go stale and the others say so', async () => {
    const sam = await loginOperator(b, 'sam@a.test');
    await connectOperator(b, sam);
    await eventually(
      () => a.deps.hub.connectedOperators().has('op-sam'),
      (v) => v,
    );
    const vanished: string[] = [];
    a.deps.hub.onOperatorsVanished((ids) => vanished.push(...ids));
    await b.kill();
    await eventually(
      () => vanished,
      (v) => v.includes('op-sam'),
    );
    expect(vanished).toContain('op-sam');
    expect(a.deps.hub.connectedOperators().has('op-sam')).toBe(false);
    // Nobody's socket closed on a live instance, yet Sam does not stay "online" for good.
    expect(
      await eventually(
        () => presenceOf(a, 'op-sam'),
        (p) => p === 'away',
      ),
    ).toBe('away');
  });
});

describe('automatic assignment across instances', () => {
  it('never puts an operator over capacity when three instances run assignment rounds at once', async () => {
    await seedSite(a, {
      siteId: 'site-auto',
      siteKey: 'key-auto',
      config: { queues: defaultQueues.map((q) => (q.id === 'general' ? { ...q, mode: 'automatic', offerTimeoutSeconds: 60 } : q)) },
    });
    // One operator: every round wants her, so a round going by its own stale count would overfill her.
    await seedOperator(a, { operatorId: 'op-Ana', email: 'ana@auto.test', name: 'Ana', siteIds: ['site-auto'], capacity: 2 });
    // Nobody online while the handoffs arrive: they wait in the queue, so every round below sees the same backlog.
    await a.db.collection('operators').updateMany({ siteIds: 'site-auto' }, { $set: { presence: 'offline' } });
    const hosts = [a, b, c];
    const sessions = await Promise.all(Array.from({ length: 6 }, (_, i) => visitorSession(hosts[i % 3]!, 'key-auto')));
    for (const { client } of sessions) client.send({ type: 'request_human', clientMessageId: 'h' });
    await Promise.all(sessions.map(({ client }) => client.waitFor('handoff_started')));
    const queued = () => a.db.collection('conversations').countDocuments({ siteId: 'site-auto', state: 'queued' });
    expect(await eventually(queued, (n) => n === 6)).toBe(6);
    // The handoffs' own rounds (run after handoff_started) found nobody online; let the last of them end.
    await new Promise((r) => setTimeout(r, 500));
    await a.db.collection('operators').updateMany({ siteIds: 'site-auto' }, { $set: { presence: 'online' } });

    const site = (await a.deps.store.sites.get('site-auto'))!;
    const offered = await Promise.all(hosts.map((h) => offerWaiting(h.deps, site, 'general')));
    const docs = await a.db.collection('conversations').find({ siteId: 'site-auto', state: 'owned' }).toArray();
    const count: Record<string, number> = {};
    for (const d of docs) count[d.owner.operatorId] = (count[d.owner.operatorId] ?? 0) + 1;
    expect(count).toEqual({ 'op-Ana': 2 });
    // A handoff's own round still finishing under load may make one of the offers itself; never more than her capacity in all.
    expect(offered.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(2);
    expect(await queued()).toBe(4);
    for (const { client } of sessions) client.close();
  });
});

describe('an instance killed mid-conversation', () => {
  it('loses nothing: its visitor reconnects to another instance and has every message once, in order', async () => {
    const sam = await loginOperator(b, 'sam@a.test');
    const inbox = await connectOperator(b, sam);
    const { client: first, welcome } = await visitorSession(a, 'key-a');
    first.send({ type: 'request_human', clientMessageId: 'h' });
    const id = (await first.waitFor('message_added')).message.conversationId;
    await inbox.waitFor('handoff_started', (e) => e.conversation.conversationId === id);
    expect((await sam.fetch(`/api/conversations/${id}/claim`, { body: {} })).status).toBe(200);
    first.send({ type: 'send_message', clientMessageId: 'v1', text: 'my order is late' });
    await inbox.waitFor('message_added', (e) => e.message.text === 'my order is late');
    await sam.fetch(`/api/conversations/${id}/reply`, { body: { clientMessageId: 'r1', text: 'Let me look' } });
    await first.waitFor('message_added', (e) => e.message.text === 'Let me look');
    const lastSeq = Math.max(...first.events.flatMap((e) => (e.type === 'message_added' ? [e.message.seq] : [])));

    await a.kill();
    const closed = await first.waitClosed();
    expect(closed.code).toBe(1006);
    // Said while the visitor had no socket at all.
    await sam.fetch(`/api/conversations/${id}/reply`, { body: { clientMessageId: 'r2', text: 'Found it: it ships today' } });

    const { client: again, welcome: back } = await visitorSession(c, 'key-a', { token: welcome.visitorToken, afterSeq: lastSeq });
    expect(back.conversation?.conversationId).toBe(id);
    again.send({ type: 'send_message', clientMessageId: 'v2', text: 'thanks!' });
    await inbox.waitFor('message_added', (e) => e.message.text === 'thanks!');
    await sam.fetch(`/api/conversations/${id}/reply`, { body: { clientMessageId: 'r3', text: 'You are welcome' } });
    await again.waitFor('message_added', (e) => e.message.text === 'You are welcome');

    const live = (events: typeof first.events) => events.flatMap((e) => (e.type === 'message_added' ? [e.message] : []));
    // The protocol's contract: a message is (conversation, seq); a welcome after a resume may repeat a
    // live frame (the socket subscribes before it reads the history, so nothing falls in between).
    const seenByVisitor = new Map<number, Message>();
    for (const m of [...live(first.events), ...back.messages, ...live(again.events)]) seenByVisitor.set(m.seq, m);
    const stored = await c.deps.store.messages.after(id, 0);
    const texts = (ms: { text: string }[]) => ms.map((m) => m.text);
    expect(texts([...seenByVisitor.values()].sort((x, y) => x.seq - y.seq))).toEqual(texts(stored));
    // Live frames on each socket: each message once. Across instances one may arrive before an
    // earlier one (its own instance is quicker than the event bus): the widget shows them by seq and
    // resumes after the unbroken run (widget/model/message-list.ts), so the order on the wire is free.
    for (const socket of [first, again]) {
      const seqs = live(socket.events).map((m) => m.seq);
      expect(seqs.length).toBe(new Set(seqs).size);
    }
    expect(texts(stored)).toEqual(
      expect.arrayContaining(['my order is late', 'Let me look', 'Found it: it ships today', 'thanks!', 'You are welcome']),
    );
    again.close();
    inbox.close();
  });
});
