import { describe, expect, it } from 'vitest';
import { HandoffWebhookPayload, SlackMessage } from '../../shared/handoff-webhook';
import { buildHandoffPayload } from './payload';
import { escapeSlack, toSlackMessage } from './slack-message';
import { conversation, T0 } from '../test-support/webhook-fixtures';

const now = new Date(T0.getTime() + 300_000);

describe('handoff webhook payload', () => {
  it('describes an escalation with the second summary line as the reason, and no inbox link without PUBLIC_URL', () => {
    const payload = buildHandoffPayload({ deliveryId: 'd-1', event: 'escalated', conversation: conversation(), now, publicUrl: null });
    expect(payload).toEqual({
      version: 1,
      deliveryId: 'd-1',
      event: 'escalated',
      siteId: 'site-1',
      conversationId: 'conv-1',
      occurredAt: '2025-03-10T14:01:00.000Z',
      queue: 'billing',
      state: 'queued',
      urgency: 'high',
      triggers: ['human_request', 'frustration'],
      reason: 'The bot answered once (confidence 0.41); the visitor asked for a person.',
      operator: null,
      visitorName: 'Ana Silva',
    });
    expect(HandoffWebhookPayload.parse(payload)).toEqual(payload);
  });

  it('names the operator of a claim by name only and links to the live conversation in the inbox', () => {
    const claimed = conversation({
      _id: 'conv/7',
      state: 'owned',
      owner: { operatorId: 'op-9', name: 'Bea Costa' },
      claimedAt: new Date(T0.getTime() + 120_000),
    });
    const payload = buildHandoffPayload({
      deliveryId: 'd-2',
      event: 'claimed',
      conversation: claimed,
      now,
      publicUrl: 'https://chat.example.com/',
    });
    expect(payload).toMatchObject({
      operator: { name: 'Bea Costa' },
      occurredAt: '2025-03-10T14:02:00.000Z',
      inboxUrl: 'https://chat.example.com/inbox/#/live/conv%2F7',
    });
    expect(JSON.stringify(payload)).not.toMatch(/op-9|@/);
  });

  it('falls back to the handoff topic and to the current time when the event has no timestamp of its own', () => {
    const waiting = conversation({ state: 'callback_requested', casePackage: null });
    const payload = buildHandoffPayload({ deliveryId: 'd-3', event: 'callback_requested', conversation: waiting, now, publicUrl: null });
    expect(payload).toMatchObject({ reason: 'a refund', occurredAt: now.toISOString(), state: 'callback_requested' });
  });
});

describe('slack message', () => {
  const payloadOf = (overrides: Parameters<typeof conversation>[0], publicUrl: string | null = null) =>
    buildHandoffPayload({ deliveryId: 'd-1', event: 'escalated', conversation: conversation(overrides), now, publicUrl });

  it('states the event, queue, urgency and reason, with the inbox link, and leaves the visitor out', () => {
    const message = toSlackMessage(payloadOf({}, 'https://chat.example.com'));
    expect(SlackMessage.parse(message)).toEqual(message);
    expect(message.text).toBe(
      [
        ':rotating_light: *A conversation needs a person*',
        'Queue: *billing* · Urgency: *high*',
        '> The bot answered once (confidence 0.41); the visitor asked for a person.',
        '<https://chat.example.com/inbox/#/awaiting/conv-1|Open in the Baton inbox>',
      ].join('\n'),
    );
    expect(message.blocks).toHaveLength(2);
    expect(JSON.stringify(message)).not.toMatch(/Ana|@/);
  });

  it('escapes &, < and > so text cannot ping a channel or forge a link', () => {
    const reason = 'Refund & <!channel> now, see <https://evil.example|your order> > soon';
    const message = toSlackMessage(payloadOf({ casePackage: null, handoffTopic: reason, queue: '<b&q>' }));
    expect(message.text).toContain('> Refund &amp; &lt;!channel&gt; now, see &lt;https://evil.example|your order&gt; &gt; soon');
    expect(message.text).toContain('Queue: *&lt;b&amp;q&gt;*');
    expect(message.text).not.toMatch(/<!channel>|<https/);
  });

  it('escapes the operator name of a claim and cuts a long reason before escaping', () => {
    const claimed = buildHandoffPayload({
      deliveryId: 'd-1',
      event: 'claimed',
      conversation: conversation({
        urgency: 'normal',
        owner: { operatorId: 'op-1', name: 'Bea <admin>' },
        casePackage: null,
        handoffTopic: `${'&'.repeat(600)}`,
      }),
      now,
      publicUrl: null,
    });
    const { text } = toSlackMessage(claimed);
    expect(text.split('\n')[0]).toBe('*Bea &lt;admin&gt; took a conversation*');
    expect(text.split('\n')[2]).toBe(`> ${'&amp;'.repeat(499)}…`);
  });

  it('escapes only the three characters Slack reserves', () => {
    expect(escapeSlack('a & b < c > d * _ ~ "')).toBe('a &amp; b &lt; c &gt; d * _ ~ "');
  });
});
