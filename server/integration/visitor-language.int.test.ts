import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VisitorEvent } from '../../shared/visitor-protocol';
import { visitorSession } from '../test-support/clients';
import { type Harness, seedSite, startHarness } from '../test-support/harness';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const textsFrom = (events: VisitorEvent[], sender: 'bot' | 'system') =>
  events.flatMap((e) => (e.type === 'message_added' && e.message.sender.kind === sender ? [e.message.text] : []));

describe('a visitor who writes in Spanish', () => {
  it('is asked for the order number and told the topic of the handoff in Spanish; operators keep the site’s label', async () => {
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
    const { client } = await visitorSession(h, 'key-a', { context: { locale: 'es-ES' } });

    client.send({ type: 'send_message', clientMessageId: 'q1', text: 'Quiero un reembolso, por favor' });
    const ask = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    expect(ask.message.text).toBe('Para que una persona pueda ayudarte con tu reembolso, ¿puedes indicarnos tu número de pedido?');

    client.send({ type: 'send_message', clientMessageId: 'q2', text: 'Es el pedido 48213' });
    const started = await client.waitFor('handoff_started');
    expect(started).toEqual({ type: 'handoff_started', topic: 'tu reembolso', missingFacts: [] });
    const view = await client.waitFor('conversation_updated', (e) => e.conversation.state === 'queued');
    expect(view.conversation.handoffTopic).toBe('tu reembolso');
    const notice = textsFrom(client.events, 'system').at(-1);
    expect(notice).toMatch(/ Tema: tu reembolso$/);
    expect(notice).not.toMatch(/\b(you|your|refund)\b/i);

    const stored = await h.db.collection('conversations').findOne({ _id: ask.message.conversationId as never });
    expect(stored).toMatchObject({ visitorLocale: 'es', intent: 'refund', handoffTopic: 'your refund' });
    expect(textsFrom(client.events, 'bot')).toEqual([ask.message.text]);
    client.close();
  });

  it('reads a site’s own topic in Spanish when the site gave it one, and its one label when not', async () => {
    const topics = [
      { id: 'warranty', label: { en: 'your warranty claim', es: 'tu reclamación de garantía' }, keywords: ['garantia'], queue: 'general' },
      { id: 'recall', label: 'the product recall', keywords: ['retirada'], queue: 'general' },
    ];
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { triggers: { policy_topic: { topics } } } });
    const first = await visitorSession(h, 'key-a', { context: { locale: 'es' } });
    first.client.send({ type: 'send_message', clientMessageId: 'q1', text: 'Tengo un problema con la garantía de mi lámpara' });
    expect((await first.client.waitFor('handoff_started')).topic).toBe('tu reclamación de garantía');
    first.client.close();

    const second = await visitorSession(h, 'key-a', { context: { locale: 'es' } });
    second.client.send({ type: 'send_message', clientMessageId: 'q1', text: 'Vi lo de la retirada de la lámpara' });
    expect((await second.client.waitFor('handoff_started')).topic).toBe('the product recall');
    second.client.close();
  });
});
