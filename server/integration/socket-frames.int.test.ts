import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES, PROTOCOL_CLOSE_CODE } from '../../shared/protocol-version';
import { connectVisitor, visitorSession } from '../test-support/clients';
import { type Harness, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
});
afterEach(() => h.close());

describe('visitor socket frames', () => {
  it('answers an invalid frame with a typed error, applies nothing and stays open', async () => {
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'bad', text: '' });
    const error = await client.waitFor('error');
    expect(error).toMatchObject({ code: 'invalid_frame', clientMessageId: 'bad' });
    expect(error.issues?.[0]?.path).toBe('text');
    client.send('not json');
    await client.waitFor('error', (e) => e.message.includes('JSON'));
    expect(await h.db.collection('messages').countDocuments({})).toBe(0);
    client.send({ type: 'ping', nonce: 7 });
    expect((await client.waitFor('pong')).nonce).toBe(7);
    client.close();
  });

  it('refuses a frame over the size cap without closing', async () => {
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'big', text: 'x'.repeat(MAX_FRAME_BYTES + 10) });
    expect((await client.waitFor('error')).code).toBe('frame_too_large');
    client.send({ type: 'ping', nonce: 1 });
    await client.waitFor('pong');
    client.close();
  });

  it('rate-limits a burst of frames per connection', async () => {
    const { client } = await visitorSession(h, 'key-a');
    for (let i = 0; i < 40; i++) client.send({ type: 'ping', nonce: i });
    const limited = await client.waitFor('error', (e) => e.code === 'rate_limited');
    expect(limited.message).toMatch(/wait/i);
    expect(limited.retryAfterMs).toBeGreaterThan(0);
    client.close();
  });

  it('names the message it refused for the rate, so the widget sends that one again', async () => {
    const { client } = await visitorSession(h, 'key-a');
    for (let i = 0; i < 30; i++) client.send({ type: 'typing', isTyping: i % 2 === 0 });
    client.send({ type: 'send_message', clientMessageId: 'after-burst', text: 'hello?' });
    const limited = await client.waitFor('error', (e) => e.code === 'rate_limited' && e.clientMessageId === 'after-burst');
    expect(limited.retryAfterMs).toBeGreaterThan(0);
    client.close();
  });

  it('closes with the protocol close code for an unknown site or version', async () => {
    const unknown = await connectVisitor(h, 'nope');
    expect(await unknown.waitClosed()).toEqual({ code: PROTOCOL_CLOSE_CODE, reason: 'unknown_site' });
    const old = await connectVisitor(h, 'key-a', { v: 0 });
    expect(await old.waitClosed()).toEqual({ code: PROTOCOL_CLOSE_CODE, reason: 'unsupported_version' });
  });

  it('requires hello before anything else', async () => {
    const client = await connectVisitor(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'early', text: 'hi' });
    expect((await client.waitFor('error')).message).toBe('Send hello first.');
    client.close();
  });
});

describe('static files', () => {
  it('serves the widget compressed, cacheable and readable from other origins', async () => {
    const res = await fetch(`${h.baseUrl}/widget.js`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toMatch(/max-age=300/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const demo = await fetch(`${h.baseUrl}/demo`);
    expect(demo.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await demo.text()).toContain('<script src="/widget.js" data-site="demo" async></script>');
  });
});
