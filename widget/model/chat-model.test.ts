import { describe, expect, it } from 'vitest';
import type { VisitorConversationView } from '../../shared/visitor-protocol';
import { defaultVisitorStrings } from '../../shared/visitor-strings';
import { createChatModel } from './chat-model';
import { resyncTimeoutMs } from '../connection/resync';
import { describeStage, type StageText } from './stage-text';
import { storageKeys } from '../storage-keys';
import { createFakeClock } from '../testing/fake-clock';
import { createFakeConnection } from '../testing/fake-connection';
import { message, ui, view, welcome } from '../testing/fixtures';
import { MemoryStorage, storageEvent } from '../testing/memory-storage';
import { createVisitorStore } from './visitor-storage';

const site = 'site-1';

function setup(storage = new MemoryStorage(), events = new EventTarget()) {
  const fake = createFakeConnection();
  const time = createFakeClock();
  const notified: [string, unknown][] = [];
  let ids = 0;
  const model = createChatModel({
    connection: fake.connection,
    store: createVisitorStore(site, storage, events),
    clock: time.clock,
    random: () => 0.5,
    newId: () => `id-${++ids}`,
    context: () => ({ page: 'https://shop.example/cart', locale: 'en-GB', timeZone: 'Europe/London' }),
    fallbackStrings: defaultVisitorStrings.en,
    notify: (name, detail) => notified.push([name, detail]),
  });
  model.start();
  const connect = (event = welcome()) => {
    fake.open();
    fake.deliver(event);
  };
  const type = (text: string) => {
    model.setDraft(text);
    return model.send();
  };
  return { model, fake, time, storage, events, notified, connect, type };
}

const visitorMessage = (seq: number, clientMessageId: string, text = 'hi') =>
  message(seq, { sender: { kind: 'visitor' }, clientMessageId, text });

describe('outbox', () => {
  it('queues a message typed while offline and sends it once the server has welcomed the socket', () => {
    const t = setup();
    expect(t.type('hello')).toBe(true);
    expect(t.fake.sent).toEqual([]);
    expect(t.model.pending.value.map((e) => e.text)).toEqual(['hello']);

    t.fake.open();
    expect(t.fake.sentOf('send_message')).toEqual([]); // hello goes first; messages wait for welcome
    t.fake.deliver(welcome());
    expect(t.fake.sentOf('send_message')).toEqual([{ type: 'send_message', clientMessageId: 'id-1', text: 'hello' }]);
  });

  it('resends an unconfirmed message once per reconnect and clears it when the server confirms it', () => {
    const t = setup();
    t.connect();
    t.type('hi');
    t.fake.drop();
    t.connect();
    expect(t.fake.sentOf('send_message').map((c) => c.clientMessageId)).toEqual(['id-1', 'id-1']);

    t.fake.deliver({ type: 'message_added', message: visitorMessage(1, 'id-1') });
    // The server answers a repeated clientMessageId with the message it already has.
    t.fake.deliver({ type: 'message_added', message: visitorMessage(1, 'id-1') });
    expect(t.model.pending.value).toEqual([]);
    expect(t.model.messages.value.map((m) => m.seq)).toEqual([1]);
    expect(t.storage.getItem(storageKeys.outbox(site))).toBeNull();

    t.fake.drop();
    t.connect();
    expect(t.fake.sentOf('send_message')).toHaveLength(2);
  });

  it('clears a message the welcome already contains instead of sending it again', () => {
    const t = setup();
    t.connect();
    t.type('hi');
    t.fake.drop();
    t.connect(welcome({ messages: [visitorMessage(1, 'id-1')] }));
    expect(t.fake.sentOf('send_message')).toHaveLength(1);
    expect(t.model.pending.value).toEqual([]);
  });

  it('keeps queued messages across a reload and sends them from the new page', () => {
    const storage = new MemoryStorage();
    const first = setup(storage);
    first.type('typed before the reload');
    first.model.dispose();

    const second = setup(storage);
    expect(second.model.pending.value.map((e) => e.text)).toEqual(['typed before the reload']);
    second.connect();
    expect(second.fake.sentOf('send_message').map((c) => c.text)).toEqual(['typed before the reload']);
  });

  it('sends a throttled message again by itself after a pause', () => {
    const t = setup();
    t.connect();
    t.type('hi');
    t.fake.deliver({ type: 'error', clientMessageId: 'id-1', code: 'rate_limited', message: 'slow down' });
    expect(t.model.notice.value).toBeNull();
    t.time.advance(5_000);
    expect(t.fake.sentOf('send_message')).toHaveLength(2);
  });

  it.each(['overloaded', 'busy'] as const)('sends a message the server refused as %s again by itself after retryAfterMs', (code) => {
    const t = setup();
    t.connect();
    t.type('hi');
    t.fake.deliver({ type: 'error', clientMessageId: 'id-1', code, message: 'later', retryAfterMs: 1_500 });
    expect(t.model.notice.value).toBeNull();
    expect(t.model.pending.value[0]?.failed).toBeFalsy();
    t.time.advance(1_499);
    expect(t.fake.sentOf('send_message')).toHaveLength(1);
    t.time.advance(1);
    expect(t.fake.sentOf('send_message')).toHaveLength(2);
  });

  it('marks a refused message as not sent and sends it again only when the visitor retries', () => {
    const t = setup();
    t.connect();
    t.type('hi');
    t.fake.deliver({ type: 'error', clientMessageId: 'id-1', code: 'invalid_frame', message: 'bad' });
    expect(t.model.pending.value[0]?.failed).toBe(true);
    t.fake.drop();
    t.connect();
    expect(t.fake.sentOf('send_message')).toHaveLength(1);
    t.model.retry('id-1');
    expect(t.fake.sentOf('send_message')).toHaveLength(2);
    expect(t.model.pending.value[0]?.failed).toBe(false);
  });

  it('ignores blank drafts', () => {
    const t = setup();
    expect(t.type('   ')).toBe(false);
    expect(t.model.pending.value).toEqual([]);
  });
});

describe('transcript', () => {
  it('shows each message once, however often and in whatever order it arrives', () => {
    const t = setup();
    t.connect(welcome({ messages: [message(1), message(2)] }));
    t.fake.deliver({ type: 'message_added', message: message(2) });
    t.fake.deliver({ type: 'history', messages: [message(3), message(1), message(2)] });
    expect(t.model.messages.value.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('continues after the highest seq it has seen when it reconnects', () => {
    const t = setup();
    t.connect(welcome({ messages: [message(1), message(2), message(3)] }));
    t.fake.drop();
    t.fake.open();
    expect(t.fake.sentOf('hello').at(-1)).toMatchObject({
      afterSeq: 3,
      context: { page: 'https://shop.example/cart', locale: 'en-GB', timeZone: 'Europe/London' },
    });
  });

  it('fetches missed messages when seq jumps, shows a failed resync and retries it', () => {
    const t = setup();
    t.connect(welcome({ messages: [message(1)] }));
    t.fake.deliver({ type: 'message_added', message: message(3) });
    expect(t.fake.sentOf('resume')).toEqual([{ type: 'resume', afterSeq: 1 }]);

    t.time.advance(resyncTimeoutMs);
    expect(t.model.notice.value).toEqual({ kind: 'resync_failed' });
    t.time.advance(500);
    expect(t.fake.sentOf('resume')).toHaveLength(2);

    t.fake.deliver({ type: 'history', messages: [message(2), message(3)] });
    expect(t.model.notice.value).toBeNull();
    expect(t.model.messages.value.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('asks again after a reconnect for messages a failed resync never brought', () => {
    const t = setup();
    t.connect(welcome({ messages: [message(1)] }));
    t.fake.deliver({ type: 'message_added', message: message(3) });
    t.fake.drop();
    t.connect(welcome({ messages: [] }));
    expect(t.fake.sentOf('resume')).toEqual([
      { type: 'resume', afterSeq: 1 },
      { type: 'resume', afterSeq: 1 },
    ]);
  });

  it('counts messages from others as unread while the panel is closed and tells the page', () => {
    const t = setup();
    t.connect();
    t.fake.deliver({ type: 'message_added', message: message(1, { sender: { kind: 'operator', name: 'Maria' } }) });
    expect(t.model.unread.value).toBe(1);
    expect(t.notified).toContainEqual(['message', expect.objectContaining({ sender: 'operator', name: 'Maria' })]);
    t.model.open();
    expect(t.model.unread.value).toBe(0);
  });
});

describe('visitor token', () => {
  it('writes nothing to storage until the server welcomes the visitor, then stores {token}', () => {
    const t = setup();
    t.fake.open();
    expect(t.storage.length).toBe(0);
    t.fake.deliver(welcome({ visitorToken: 'tok-9' }));
    expect(JSON.parse(t.storage.getItem(storageKeys.visitor(site)) ?? 'null')).toEqual({ token: 'tok-9' });
  });

  it('joins the visitor another tab created while this socket was opening', () => {
    const t = setup();
    t.storage.setItem(storageKeys.visitor(site), JSON.stringify({ token: 'tok-other-tab' }));
    t.connect(welcome({ visitorToken: 'tok-new' }));
    expect(t.fake.reconnects()).toBe(1);
    expect(JSON.parse(t.storage.getItem(storageKeys.visitor(site)) ?? 'null')).toEqual({ token: 'tok-other-tab' });
  });

  it('shows what another tab queued', () => {
    const t = setup();
    const otherTab = createVisitorStore(site, t.storage);
    otherTab.updateOutbox(() => [{ clientMessageId: 'x', text: 'from tab 2', createdAt: '2025-03-04T10:00:00Z' }]);
    t.events.dispatchEvent(storageEvent(storageKeys.outbox(site)));
    expect(t.model.pending.value.map((e) => e.text)).toEqual(['from tab 2']);
  });
});

describe('stage shown for a conversation view', () => {
  const where = { locale: 'en-GB', timeZone: 'Europe/London' };
  const s = defaultVisitorStrings.en;
  const cases: [string, VisitorConversationView, StageText | null][] = [
    ['bot conversation: no card', view(), null],
    [
      'escalating: who, why, what is missing, place and wait',
      view({
        state: 'queued',
        handoffTopic: 'your refund',
        missingFacts: ['orderNumber', 'email'],
        position: 3,
        estimate: { kind: 'range', minMinutes: 4, maxMinutes: 9 },
      }),
      {
        heading: s.connecting,
        about: 'About: your refund',
        lines: [
          'To help faster, please tell us: order number and email address',
          'You are number 3 in the queue.',
          'Expected wait: 4–9 minutes.',
        ],
      },
    ],
    [
      'waiting with an unknown estimate: the honest words',
      view({ state: 'queued', position: 2, estimate: { kind: 'unknown', reason: 'too_little_data' } }),
      { heading: s.connecting, about: null, lines: ['You are number 2 in the queue.', s.waitUnknown] },
    ],
    [
      'person joined',
      view({ state: 'owned', operator: { name: 'Maria', initial: 'M' } }),
      { heading: 'Maria joined the conversation.', about: null, lines: [] },
    ],
    [
      'nobody online: honest message, callback offered',
      view({
        state: 'queued',
        callbackOffer: { reason: 'nobody_online', slots: [], siteTimeZone: 'Europe/Berlin', nextOpenAt: null },
      }),
      { heading: s.nobodyAvailable, about: null, lines: [] },
    ],
    [
      'callback booked by phone',
      view({ state: 'callback_requested', callbackBooked: { slot: null, contactKind: 'phone' } }),
      { heading: s.callbackConfirmed, about: null, lines: [s.callbackPhone] },
    ],
    ['resolved, not rated yet', view({ state: 'resolved' }), { heading: s.resolved, about: null, lines: [] }],
    ['resolved and rated', view({ state: 'resolved', rated: true }), { heading: s.resolved, about: null, lines: [s.rateThanks] }],
  ];

  it.each(cases)('%s', (_name, conversation, expected) => {
    const t = setup();
    t.connect(welcome({ conversation }));
    expect(describeStage(t.model.stage.value, s, where)).toEqual(expected);
  });

  it('outside hours: says when the team is back, in the visitor’s time zone', () => {
    const t = setup();
    const offer = { reason: 'closed' as const, slots: [], siteTimeZone: 'Europe/Berlin', nextOpenAt: '2025-03-10T08:00:00Z' };
    t.connect(welcome({ conversation: view({ state: 'queued', callbackOffer: offer }) }));
    const text = describeStage(t.model.stage.value, s, where);
    expect(text?.heading).toBe(s.outsideHours);
    // 09:00 in Berlin is 08:00 in London.
    expect(text?.lines[0]).toMatch(/^We’re back Monday.*08:00\.$/);
  });

  it('says the visitor is back with the bot after a person handed the conversation back', () => {
    const t = setup();
    const fromMaria = message(2, { sender: { kind: 'operator', name: 'Maria' } });
    t.connect(welcome({ conversation: view({ state: 'bot' }), messages: [message(1), fromMaria] }));
    expect(describeStage(t.model.stage.value, s, where)).toEqual({ heading: s.returnedToBot, about: null, lines: [] });
  });

  it('offers "Talk to a person" in the bot stage only, and only when the site allows handoff', () => {
    const t = setup();
    expect(t.model.canAskForPerson.value).toBe(false); // no welcome yet
    t.connect();
    expect(t.model.canAskForPerson.value).toBe(true);
    t.fake.deliver({ type: 'conversation_updated', conversation: view({ state: 'queued' }) });
    expect(t.model.canAskForPerson.value).toBe(false);

    const closedSite = setup();
    closedSite.connect(welcome({ ui: { ...ui, handoffEnabled: false } }));
    expect(closedSite.model.canAskForPerson.value).toBe(false);
  });
});

describe('actions', () => {
  it('asks for a person once and stays busy until the server updates the conversation', () => {
    const t = setup();
    t.connect();
    expect(t.model.askForPerson()).toBe(true);
    expect(t.model.askForPerson()).toBe(false);
    expect(t.fake.sentOf('request_human')).toEqual([{ type: 'request_human', clientMessageId: 'id-1' }]);
    expect(t.model.busy.value).toBe('handoff');
    t.fake.deliver({ type: 'conversation_updated', conversation: view({ state: 'queued' }) });
    expect(t.model.busy.value).toBeNull();
  });

  it('does not ask for a person while disconnected', () => {
    const t = setup();
    expect(t.model.askForPerson()).toBe(false);
    expect(t.fake.sent).toEqual([]);
  });

  it('requests a callback with the chosen slot, contact and note', () => {
    const t = setup();
    t.connect();
    const slot = { start: '2025-03-05T13:00:00Z', end: '2025-03-05T13:30:00Z' };
    t.model.requestCallback({ slot, contact: { kind: 'email', value: 'ana@example.com' }, note: 'after lunch' });
    expect(t.fake.sentOf('request_callback')).toEqual([
      {
        type: 'request_callback',
        clientMessageId: 'id-1',
        slot,
        contact: { kind: 'email', value: 'ana@example.com' },
        note: 'after lunch',
      },
    ]);
  });

  it('thanks for a rating only once the server has stored it, and sends it once meanwhile', () => {
    const t = setup();
    t.connect(welcome({ conversation: view({ state: 'resolved' }) }));
    expect(t.model.rate(5, 'quick and kind')).toBe(true);
    expect(t.model.rate(5, 'quick and kind')).toBe(false);
    expect(t.fake.sentOf('rate')).toEqual([{ type: 'rate', score: 5, comment: 'quick and kind' }]);
    expect(t.model.busy.value).toBe('rate');
    expect(t.model.stage.value).toEqual({ kind: 'resolved', rated: false });
    t.fake.deliver({ type: 'conversation_updated', conversation: view({ state: 'resolved', rated: true }) });
    expect(t.model.stage.value).toEqual({ kind: 'resolved', rated: true });
    expect(t.model.busy.value).toBeNull();
  });

  it('lets the visitor rate again when the server refuses the rating', () => {
    const t = setup();
    t.connect(welcome({ conversation: view({ state: 'resolved' }) }));
    t.model.rate(4);
    t.fake.deliver({ type: 'error', code: 'transition_not_allowed', message: 'Only a resolved conversation can be rated.' });
    expect(t.model.stage.value).toEqual({ kind: 'resolved', rated: false });
    expect(t.model.busy.value).toBeNull();
    expect(t.model.notice.value).toEqual({ kind: 'error', code: 'transition_not_allowed' });
  });

  it('sends an identity given before the connection after the welcome, and again after a reconnect until checked', () => {
    const t = setup();
    t.model.identify({ id: 'u-7', name: 'Ana' });
    expect(t.fake.sentOf('identify')).toEqual([]);
    t.connect();
    t.fake.drop();
    t.connect();
    expect(t.fake.sentOf('identify')).toHaveLength(2);
    t.fake.deliver({ type: 'identity_checked', verified: true });
    t.fake.drop();
    t.connect();
    expect(t.fake.sentOf('identify')).toHaveLength(2);
  });

  it('tells a waiting person the visitor is typing once per burst, and when they stop', () => {
    const t = setup();
    t.connect(welcome({ conversation: view({ state: 'owned', operator: { name: 'Maria', initial: 'M' } }) }));
    t.model.setDraft('I');
    t.model.setDraft('I need');
    expect(t.fake.sentOf('typing')).toEqual([{ type: 'typing', isTyping: true }]);
    t.time.advance(4_000);
    expect(t.fake.sentOf('typing').at(-1)).toEqual({ type: 'typing', isTyping: false });
  });

  it('does not send typing while only the bot is listening', () => {
    const t = setup();
    t.connect();
    t.model.setDraft('hello');
    expect(t.fake.sentOf('typing')).toEqual([]);
  });

  it('hides a person’s typing indicator when their message arrives or after a while without news', () => {
    const t = setup();
    t.connect(welcome({ conversation: view({ state: 'owned', operator: { name: 'Maria', initial: 'M' } }) }));
    t.fake.deliver({ type: 'operator_typing', isTyping: true });
    expect(t.model.operatorTyping.value).toBe(true);
    t.fake.deliver({ type: 'message_added', message: message(1, { sender: { kind: 'operator', name: 'Maria' } }) });
    expect(t.model.operatorTyping.value).toBe(false);
    t.fake.deliver({ type: 'operator_typing', isTyping: true });
    t.time.advance(10_000);
    expect(t.model.operatorTyping.value).toBe(false);
  });

  it('tells the page about handoff, the person joining, resolution, open and close', () => {
    const t = setup();
    t.connect();
    t.model.open();
    t.fake.deliver({ type: 'handoff_started', topic: 'refund', missingFacts: [] });
    t.fake.deliver({ type: 'operator_joined', operator: { name: 'Maria', initial: 'M' } });
    t.fake.deliver({ type: 'conversation_resolved' });
    t.model.close();
    expect(t.notified.map(([name]) => name)).toEqual(['open', 'handoff', 'operatorJoined', 'resolved', 'close']);
  });
});

describe('connection notices', () => {
  it('says it is reconnecting while the socket is down, and nothing on the first connect', () => {
    const t = setup();
    expect(t.model.notice.value).toBeNull();
    t.connect();
    t.fake.drop();
    expect(t.model.notice.value).toEqual({ kind: 'reconnecting' });
    t.connect();
    expect(t.model.notice.value).toBeNull();
  });

  it('reports a fatal close once instead of a reconnect loop', () => {
    const t = setup();
    t.fake.fail('unknown_site');
    expect(t.model.notice.value).toEqual({ kind: 'failed', reason: 'unknown_site' });
  });

  it('treats an open socket without a welcome as a failed sync and starts over', () => {
    const t = setup();
    t.fake.open();
    t.time.advance(10_000);
    expect(t.model.notice.value).toEqual({ kind: 'resync_failed' });
    expect(t.fake.reconnects()).toBe(1);
    t.connect();
    expect(t.model.notice.value).toBeNull();
  });

  it('shows a server error for a while, in the visitor’s words', () => {
    const t = setup();
    t.connect();
    t.fake.deliver({ type: 'error', code: 'internal', message: 'oops' });
    expect(t.model.notice.value).toEqual({ kind: 'error', code: 'internal' });
    t.time.advance(8_000);
    expect(t.model.notice.value).toBeNull();
  });

  it('fetches the whole history when the server continues in a different conversation', () => {
    const t = setup();
    t.connect(welcome({ messages: [message(1), message(2)] }));
    t.fake.drop();
    t.connect(welcome({ conversation: view({ conversationId: 'c2' }), messages: [] }));
    expect(t.fake.sentOf('resume')).toEqual([{ type: 'resume', afterSeq: 0 }]);
  });
});

describe('a different person signs in on this browser', () => {
  it('drops the previous transcript when the server welcomes this socket as a new visitor, and keeps the new token', () => {
    const t = setup();
    t.connect(welcome({ visitorToken: 'ana-token', messages: [message(1, { text: 'private words of Ana' })] }));
    expect(t.model.messages.value.map((m) => m.text)).toEqual(['private words of Ana']);
    t.model.identify({ id: 'user-bo', userHash: 'h' });
    t.fake.deliver(welcome({ visitorToken: 'bo-token', conversation: null, messages: [] }));
    expect(t.model.messages.value).toEqual([]);
    expect(JSON.parse(t.storage.getItem(storageKeys.visitor(site)) ?? 'null')).toEqual({ token: 'bo-token' });
  });

  it('neither shows nor sends as the new visitor a message the previous one had not yet got confirmed', () => {
    const t = setup();
    t.connect(welcome({ visitorToken: 'ana-token', messages: [] }));
    t.type('Ana writes something private');
    expect(t.model.pending.value.map((e) => e.text)).toEqual(['Ana writes something private']);
    t.model.identify({ id: 'user-bo', userHash: 'h' });
    t.fake.deliver(welcome({ visitorToken: 'bo-token', conversation: null, messages: [] }));
    expect(t.model.pending.value).toEqual([]);
    t.fake.drop();
    t.connect(welcome({ visitorToken: 'bo-token', messages: [] }));
    expect(t.fake.sentOf('send_message').map((m) => m.text)).toEqual(['Ana writes something private']);
  });

  it('keeps the transcript on an ordinary reconnect as the same visitor', () => {
    const t = setup();
    t.connect(welcome({ visitorToken: 'ana-token', messages: [message(1, { text: 'still here' })] }));
    t.fake.drop();
    t.connect(welcome({ visitorToken: 'ana-token', messages: [] }));
    expect(t.model.messages.value.map((m) => m.text)).toEqual(['still here']);
  });
});

describe('a streamed bot answer', () => {
  it('grows with each delta and gives way to the stored message', () => {
    const t = setup();
    t.connect();
    t.fake.deliver({ type: 'bot_delta', streamId: 's1', at: 0, text: 'We are' });
    t.fake.deliver({ type: 'bot_delta', streamId: 's1', at: 6, text: ' open' });
    expect(t.model.streaming.value).toBe('We are open');
    t.fake.deliver({ type: 'message_added', message: message(2, { sender: { kind: 'bot' }, text: 'We are open around the clock.' }) });
    expect(t.model.streaming.value).toBeNull();
    expect(t.model.messages.value.at(-1)?.text).toBe('We are open around the clock.');
  });

  it('stops at once when the stream is cut off, and a new stream starts afresh', () => {
    const t = setup();
    t.connect();
    t.fake.deliver({ type: 'bot_delta', streamId: 's1', at: 0, text: 'We are' });
    t.fake.deliver({ type: 'bot_stream_ended', streamId: 's1', interrupted: true });
    expect(t.model.streaming.value).toBeNull();
    t.fake.deliver({ type: 'bot_delta', streamId: 's2', at: 0, text: 'Hello' });
    expect(t.model.streaming.value).toBe('Hello');
  });

  it('shows nothing of an answer it joined midway, until the stored message', () => {
    const t = setup();
    t.connect();
    t.fake.deliver({ type: 'bot_delta', streamId: 's1', at: 12, text: ' the clock' });
    expect(t.model.streaming.value).toBeNull();
  });

  it('drops a half-received answer when the connection drops (the stored one comes with the resync)', () => {
    const t = setup();
    t.connect();
    t.fake.deliver({ type: 'bot_delta', streamId: 's1', at: 0, text: 'We are' });
    t.fake.drop();
    expect(t.model.streaming.value).toBeNull();
  });
});
