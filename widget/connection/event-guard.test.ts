import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/entities';
import { VisitorEvent } from '../../shared/visitor-protocol';
import { isVisitorEvent } from './event-guard';
import { message, view, welcome } from '../testing/fixtures';

// Typed as VisitorEvent, so the compiler keeps every sample a frame the server may really send;
// keyed by type, so a new event type fails to compile here until it has samples.
const named: Message = message(7, { sender: { kind: 'operator', id: 'op-1', name: 'Dana' }, clientMessageId: 'c-7' });
const slot = { start: '2025-03-05T13:00:00Z', end: '2025-03-05T13:30:00Z' };
const samples: Record<VisitorEvent['type'], VisitorEvent[]> = {
  welcome: [
    welcome(),
    welcome({ conversation: null, messages: [message(1), named] }),
    welcome({ conversation: view({ state: 'queued', position: 2, estimate: { kind: 'range', minMinutes: 3, maxMinutes: 8 } }) }),
  ],
  message_added: [
    { type: 'message_added', message: message(1) },
    { type: 'message_added', message: named },
    { type: 'message_added', message: message(2, { sender: { kind: 'system' } }) },
  ],
  bot_delta: [{ type: 'bot_delta', streamId: 's-1', at: 0, text: 'We are' }],
  bot_stream_ended: [
    { type: 'bot_stream_ended', streamId: 's-1', interrupted: false },
    { type: 'bot_stream_ended', streamId: 's-1', interrupted: true },
  ],
  history: [
    { type: 'history', messages: [] },
    { type: 'history', messages: [message(1), message(2, { sender: { kind: 'visitor' }, clientMessageId: 'x' })] },
  ],
  conversation_updated: [
    { type: 'conversation_updated', conversation: view() },
    {
      type: 'conversation_updated',
      conversation: view({
        state: 'queued',
        handoffTopic: 'your refund',
        missingFacts: ['order number'],
        position: 1,
        estimate: { kind: 'unknown', reason: 'too_little_data' },
      }),
    },
    {
      type: 'conversation_updated',
      conversation: view({
        state: 'queued',
        callbackOffer: { reason: 'closed', slots: [slot], siteTimeZone: 'Europe/Berlin', nextOpenAt: '2025-03-06T08:00:00Z' },
      }),
    },
    { type: 'conversation_updated', conversation: view({ state: 'owned', operator: { name: 'Dana', initial: 'D', avatarUrl: '/a.png' } }) },
    { type: 'conversation_updated', conversation: view({ state: 'callback_requested', callbackBooked: { slot, contactKind: 'phone' } }) },
    {
      type: 'conversation_updated',
      conversation: view({ state: 'callback_requested', callbackBooked: { slot: null, contactKind: 'email' } }),
    },
    { type: 'conversation_updated', conversation: view({ state: 'resolved', rated: true }) },
  ],
  handoff_started: [
    { type: 'handoff_started', topic: 'your return', missingFacts: ['order number'] },
    { type: 'handoff_started', topic: null, missingFacts: [] },
  ],
  operator_joined: [{ type: 'operator_joined', operator: { name: 'Dana', initial: 'D' } }],
  operator_typing: [
    { type: 'operator_typing', isTyping: true },
    { type: 'operator_typing', isTyping: false },
  ],
  returned_to_bot: [{ type: 'returned_to_bot' }],
  conversation_resolved: [{ type: 'conversation_resolved' }],
  callback_confirmed: [{ type: 'callback_confirmed' }],
  identity_checked: [{ type: 'identity_checked', verified: false }],
  error: [
    { type: 'error', code: 'rate_limited', message: 'Too many messages.' },
    { type: 'error', code: 'callback_slot_unavailable', message: 'Taken.', clientMessageId: 'c-1' },
    { type: 'error', code: 'invalid_frame', message: 'Bad.', issues: [{ path: 'text', message: 'Too long' }] },
  ],
  pong: [{ type: 'pong', nonce: 3 }],
};
const valid = Object.values(samples).flat();

const conversation = view();
const malformed: [string, unknown][] = [
  ['null', null],
  ['a string', 'welcome'],
  ['an array', [{ type: 'pong', nonce: 1 }]],
  ['no type', { nonce: 1 }],
  ['a type that is not a string', { type: 7 }],
  ['an unknown type', { type: 'took_over_the_page' }],
  ['a type from Object.prototype', { type: 'constructor' }],
  ['a message without seq', { type: 'message_added', message: { ...message(1), seq: undefined } }],
  ['a seq that is a string', { type: 'message_added', message: { ...message(1), seq: '1' } }],
  ['message text that is not a string', { type: 'message_added', message: { ...message(1), text: { html: '<b>' } } }],
  ['an unknown sender kind', { type: 'message_added', message: { ...message(1), sender: { kind: 'admin' } } }],
  ['a sender name that is not a string', { type: 'message_added', message: { ...message(1), sender: { kind: 'bot', name: 1 } } }],
  ['history that is not a list', { type: 'history', messages: message(1) }],
  ['a bad message inside history', { type: 'history', messages: [message(1), { seq: 2 }] }],
  ['an unknown conversation state', { type: 'conversation_updated', conversation: { ...conversation, state: 'paused' } }],
  ['missing facts that are not a list', { type: 'conversation_updated', conversation: { ...conversation, missingFacts: 'order' } }],
  ['a position that is a string', { type: 'conversation_updated', conversation: { ...conversation, position: '2' } }],
  [
    'a range estimate without numbers',
    { type: 'conversation_updated', conversation: { ...conversation, estimate: { kind: 'range', minMinutes: '3', maxMinutes: 8 } } },
  ],
  ['an operator without a name', { type: 'conversation_updated', conversation: { ...conversation, operator: { initial: 'D' } } }],
  [
    'callback slots that are not a list',
    {
      type: 'conversation_updated',
      conversation: { ...conversation, callbackOffer: { reason: 'closed', slots: {}, siteTimeZone: 'UTC', nextOpenAt: null } },
    },
  ],
  ['rated that is not a boolean', { type: 'conversation_updated', conversation: { ...conversation, rated: 'yes' } }],
  ['a conversation missing', { type: 'conversation_updated' }],
  ['a welcome without a token', { ...welcome(), visitorToken: undefined }],
  ['a welcome in an unknown locale', { ...welcome(), ui: { ...(welcome() as { ui: object }).ui, locale: 'xx' } }],
  ['a welcome whose strings are not all text', { ...welcome(), ui: { ...(welcome() as { ui: object }).ui, strings: { title: 1 } } }],
  ['a welcome without messages', { ...welcome(), messages: undefined }],
  ['an operator_joined without a name', { type: 'operator_joined', operator: { initial: 'D' } }],
  ['typing that is not a boolean', { type: 'operator_typing', isTyping: 'yes' }],
  ['an error without a code', { type: 'error', message: 'x' }],
  ['a pong whose nonce is a string', { type: 'pong', nonce: '1' }],
];

describe('inbound frame guard', () => {
  it.each(valid.map((event) => [event.type, event] as const))('accepts %s as the server sends it', (_type, event) => {
    expect(VisitorEvent.safeParse(event).success).toBe(true); // the sample itself is honest
    expect(isVisitorEvent(event)).toBe(true);
    expect(isVisitorEvent(JSON.parse(JSON.stringify(event)))).toBe(true); // as it arrives on the wire
  });

  it('accepts fields it does not know yet, as the zod schema does', () => {
    expect(isVisitorEvent({ type: 'operator_typing', isTyping: true, since: 3 })).toBe(true);
  });

  it.each(malformed)('rejects %s', (_what, frame) => {
    expect(isVisitorEvent(frame)).toBe(false);
    // Never stricter in a way that matters: whatever the guard rejects, the server's schema rejects too.
    expect(VisitorEvent.safeParse(frame).success).toBe(false);
  });
});
