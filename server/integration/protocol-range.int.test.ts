import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OperatorEvent } from '../../shared/operator-protocol';
import { OLDEST_SUPPORTED_PROTOCOL_VERSION, PROTOCOL_CLOSE_CODE, PROTOCOL_VERSION } from '../../shared/protocol-version';
import { connectVisitor, loginOperator, SocketClient } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

// A visitor whose browser still holds the widget of the previous deploy keeps chatting.
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'] });
});
afterEach(() => h.close());

describe('protocol version range', () => {
  it('lets a visitor on the oldest supported version chat, and tells it the current version', async () => {
    expect(OLDEST_SUPPORTED_PROTOCOL_VERSION).toBeLessThan(PROTOCOL_VERSION);
    const old = await connectVisitor(h, 'key-a', { v: OLDEST_SUPPORTED_PROTOCOL_VERSION });
    old.send({ type: 'hello', context: { locale: 'en', timeZone: 'Europe/Berlin' }, afterSeq: 0 });
    expect((await old.waitFor('welcome')).protocolVersion).toBe(PROTOCOL_VERSION);
    old.send({ type: 'send_message', clientMessageId: 'old-1', text: 'Hello from an older widget' });
    await old.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    old.close();
  });

  it('refuses a visitor below the oldest or above the current version with the coded close', async () => {
    for (const v of [OLDEST_SUPPORTED_PROTOCOL_VERSION - 1, PROTOCOL_VERSION + 1]) {
      const client = await connectVisitor(h, 'key-a', { v });
      expect(await client.waitClosed()).toEqual({ code: PROTOCOL_CLOSE_CODE, reason: 'unsupported_version' });
    }
  });

  it('accepts an operator inbox on the oldest supported version and refuses one below it', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const open = async (v: number) => {
      const ws = new WebSocket(`${h.wsUrl}/ws/operator?v=${v}`, { headers: { cookie: ana.cookie } });
      const client = new SocketClient(ws, (d) => OperatorEvent.parse(d));
      await client.opened();
      return client;
    };
    const old = await open(OLDEST_SUPPORTED_PROTOCOL_VERSION);
    expect((await old.waitFor('welcome')).operator.operatorId).toBe('op-ana');
    old.close();
    const older = await open(OLDEST_SUPPORTED_PROTOCOL_VERSION - 1);
    expect(await older.waitClosed()).toEqual({ code: PROTOCOL_CLOSE_CODE, reason: 'unsupported_version' });
  });
});
