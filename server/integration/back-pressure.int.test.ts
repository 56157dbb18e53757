import { afterEach, describe, expect, it } from 'vitest';
import { visitorSession } from '../test-support/clients';
import { type Harness, seedSite, startHarness } from '../test-support/harness';

let h: Harness;

afterEach(async () => {
  await h.close();
});

describe('back-pressure on the visitor socket', () => {
  it('refuses frames beyond the per-socket queue as busy, applying none of them', async () => {
    h = await startHarness({ socketQueueLimit: 2 });
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
    const { client } = await visitorSession(h, 'key-a');
    // Sent in one burst: the server reads them all before the first has been stored.
    for (let i = 0; i < 10; i++) client.send({ type: 'send_message', clientMessageId: `m${i}`, text: `message ${i}` });
    await client.eventsBeforePong();
    await new Promise((r) => setTimeout(r, 300));
    await client.eventsBeforePong();
    const busy = client.events.filter((e) => e.type === 'error' && e.code === 'busy');
    const stored = client.events.filter((e) => e.type === 'message_added' && e.message.sender.kind === 'visitor');
    expect(busy.length).toBeGreaterThan(0);
    for (const e of busy) expect(e).toMatchObject({ retryAfterMs: expect.any(Number), clientMessageId: expect.stringMatching(/^m\d$/) });
    const ids = new Set(stored.map((e) => (e.type === 'message_added' ? e.message.clientMessageId : null)));
    expect(ids.size + busy.length).toBe(10);
    for (const e of busy) expect(ids.has(e.type === 'error' ? (e.clientMessageId ?? null) : null)).toBe(false);
    expect(await h.db.collection('messages').countDocuments({ 'sender.kind': 'visitor' })).toBe(ids.size);
    client.close();
  });

  it('refuses new work as overloaded with a retry delay while the database is behind, and still answers pings', async () => {
    h = await startHarness();
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
    const { client } = await visitorSession(h, 'key-a');
    // A limit below zero: from now on every check finds the database "behind".
    Object.assign(h.app.overloadLimits, { maxInFlightCommands: -1, retryAfterMs: 1234 });
    client.send({ type: 'send_message', clientMessageId: 'm1', text: 'hello?' });
    const refused = await client.waitFor('error');
    expect(refused).toMatchObject({ code: 'overloaded', clientMessageId: 'm1', retryAfterMs: 1234 });
    expect(await client.eventsBeforePong()).not.toContainEqual(expect.objectContaining({ type: 'message_added' }));
    expect(await h.db.collection('messages').countDocuments({})).toBe(0);
    // HTTP requests and socket upgrades: 503 with Retry-After and the same coded body (after the health check's next sample).
    await new Promise((r) => setTimeout(r, 700));
    const res = await fetch(`${h.baseUrl}/api/widget/availability?site=key-a`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.json()).toMatchObject({ code: 'overloaded', retryAfterMs: 1234 });
    // Back under the limit, the same message goes through.
    Object.assign(h.app.overloadLimits, { maxInFlightCommands: 400 });
    client.send({ type: 'send_message', clientMessageId: 'm1', text: 'hello?' });
    await client.waitFor('message_added', (e) => e.message.clientMessageId === 'm1');
    client.close();
  });
});
