import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visitorSession } from '../test-support/clients';
import { type Harness, seedSite, startHarness } from '../test-support/harness';

// A shared browser: one person chats signed in, signs out, the next signs in on the same widget.
// The second verified person must not inherit the first one's visitor, token or transcript.

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', secret: 'site-secret' });
});
afterEach(() => h.close());

const hashFor = (id: string) => createHmac('sha256', 'site-secret').update(id).digest('hex');
const verified = (id: string, name: string) => ({ id, name, userHash: hashFor(id) });

async function chatAs(id: string, name: string) {
  const { client, welcome } = await visitorSession(h, 'key-a');
  client.send({ type: 'identify', identity: verified(id, name) });
  expect(await client.waitFor('identity_checked')).toEqual({ type: 'identity_checked', verified: true });
  client.send({ type: 'send_message', clientMessageId: 'm1', text: `private words of ${name}` });
  await client.waitFor('message_added');
  return { client, token: welcome.visitorToken };
}

describe('a different verified person on the same widget', () => {
  it('becomes a new visitor with its own token and an empty transcript; the first keeps theirs', async () => {
    const { client, token: anasToken } = await chatAs('user-ana', 'Ana');
    client.events.length = 0;
    client.send({ type: 'identify', identity: verified('user-bo', 'Bo') });
    const welcome = await client.waitFor('welcome');
    expect(welcome.visitorToken).not.toBe(anasToken);
    expect(welcome.conversation).toBeNull();
    expect(welcome.messages).toEqual([]);
    expect(await client.waitFor('identity_checked')).toEqual({ type: 'identity_checked', verified: true });
    // Bo writes as Bo, in a conversation of his own.
    client.send({ type: 'send_message', clientMessageId: 'b1', text: 'hello, Bo here' });
    const bos = await client.waitFor('message_added', (e) => e.type === 'message_added' && e.message.clientMessageId === 'b1');
    expect(bos.type === 'message_added' && bos.message.seq).toBe(1);
    client.ws.close();

    const again = await visitorSession(h, 'key-a', { token: welcome.visitorToken });
    expect(again.welcome.messages.map((m) => m.text)).not.toContain('private words of Ana');
    const anaBack = await visitorSession(h, 'key-a', { token: anasToken });
    expect(anaBack.welcome.messages.map((m) => m.text)).toContain('private words of Ana');
    const visitors = await h.db.collection<{ identity: { id: string } | null }>('visitors').find({ siteId: 'site-a' }).toArray();
    expect(visitors.map((v) => v.identity?.id ?? null).sort()).toEqual(['user-ana', 'user-bo']);
    again.client.ws.close();
    anaBack.client.ws.close();
  });

  it('keeps the visitor when the same person identifies again, or when an unverified id is claimed', async () => {
    const { client, token } = await chatAs('user-ana', 'Ana');
    client.events.length = 0;
    client.send({ type: 'identify', identity: verified('user-ana', 'Ana Lima') });
    expect(await client.waitFor('identity_checked')).toEqual({ type: 'identity_checked', verified: true });
    client.send({ type: 'identify', identity: { id: 'user-mallory', name: 'Mallory', userHash: 'forged' } });
    expect(await client.waitFor('identity_checked', (e) => e.type === 'identity_checked' && !e.verified)).toBeTruthy();
    expect(client.events.some((e) => e.type === 'welcome')).toBe(false);
    client.ws.close();
    const back = await visitorSession(h, 'key-a', { token });
    expect(back.welcome.messages.map((m) => m.text)).toContain('private words of Ana');
    back.client.ws.close();
  });

  it('keeps an anonymous visitor’s conversation when they sign in', async () => {
    const { client, welcome } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'a1', text: 'asked before signing in' });
    await client.waitFor('message_added');
    client.events.length = 0;
    client.send({ type: 'identify', identity: verified('user-ana', 'Ana') });
    await client.waitFor('identity_checked');
    expect(client.events.filter((e) => e.type === 'welcome')).toHaveLength(0);
    client.ws.close();
    const back = await visitorSession(h, 'key-a', { token: welcome.visitorToken });
    expect(back.welcome.messages.map((m) => m.text)).toContain('asked before signing in');
    back.client.ws.close();
  });
});
