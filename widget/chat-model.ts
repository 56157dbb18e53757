import { batch, computed, signal } from '@preact/signals';
import { type Identity, type Message, MessageText } from '../shared/entities';
import type { ErrorCode } from '../shared/errors';
import { pickWidgetLocale } from '../shared/visitor-messages';
import type { VisitorConversationView, VisitorEvent, WidgetUi } from '../shared/visitor-protocol';
import type { ChatModel, ChatModelOptions, Notice } from './chat-model-types';
import type { ConnectionStatus } from './connection';
import { deriveStage } from './conversation-stage';
import { highestSeq, mergeMessages } from './message-list';
import { createOutbox } from './outbox';
import { createResync } from './resync';
import { createTyping } from './typing';
import { widgetPhrases } from './widget-phrases';

export type { ChatModel, ChatModelOptions, Notice } from './chat-model-types';

export const welcomeTimeoutMs = 10_000;
export const errorNoticeMs = 8_000;
/** No answer to request_human / request_callback: let the visitor try again. */
export const actionTimeoutMs = 15_000;

export function createChatModel(options: ChatModelOptions): ChatModel {
  const { connection, store, clock } = options;
  const notify = options.notify ?? (() => {});
  const status = signal<ConnectionStatus>({ kind: 'idle' });
  const synced = signal(false);
  const ui = signal<WidgetUi | null>(null);
  const conversation = signal<VisitorConversationView | null>(null);
  const messages = signal<Message[]>([]);
  const serverError = signal<ErrorCode | null>(null);
  const isOpen = signal(false);
  const unread = signal(0);
  const draft = signal('');
  const busy = signal<'handoff' | 'callback' | null>(null);
  const ratedHere = signal<string | null>(null);

  const online = computed(() => synced.value && status.value.kind === 'open');
  const strings = computed(() => ui.value?.strings ?? options.fallbackStrings);
  const locale = computed(() => ui.value?.locale ?? pickWidgetLocale(options.context().locale));
  const phrases = computed(() => widgetPhrases(locale.value));
  const stage = computed(() => deriveStage(conversation.value, messages.value, ratedHere.value));
  const canAskForPerson = computed(() => ui.value?.handoffEnabled === true && stage.value.kind === 'bot');
  const outbox = createOutbox({
    store,
    clock,
    newId: options.newId,
    send: (e) => online.value && connection.send({ type: 'send_message', clientMessageId: e.clientMessageId, text: e.text }),
  });
  const typing = createTyping({ clock, send: (isTyping) => online.value && connection.send({ type: 'typing', isTyping }) });
  const resync = createResync({
    clock,
    random: options.random ?? Math.random,
    send: (afterSeq) => online.value && connection.send({ type: 'resume', afterSeq }),
  });
  // A tab that missed the confirmation still holds the entry; the transcript already has the message.
  const pending = computed(() => {
    const confirmed = new Set(messages.value.map((m) => m.clientMessageId));
    return outbox.entries.value.filter((entry) => !confirmed.has(entry.clientMessageId));
  });
  const resumable = computed(
    () => outbox.entries.value.length > 0 || (conversation.value !== null && conversation.value.state !== 'resolved'),
  );
  const notice = computed<Notice | null>(() => {
    const s = status.value;
    if (s.kind === 'failed') return { kind: 'failed', reason: s.reason };
    if (s.kind === 'waiting' || (s.kind === 'connecting' && s.attempt > 0)) return { kind: 'reconnecting' };
    if (resync.failed.value) return { kind: 'resync_failed' };
    return serverError.value ? { kind: 'error', code: serverError.value } : null;
  });

  // Plain variables: bookkeeping that nothing renders.
  let usedToken: string | null = null;
  let helloFor: { conversationId: string | null; afterSeq: number } = { conversationId: null, afterSeq: 0 };
  let pendingIdentity: Identity | null = null;
  let pendingActionId: string | null = null;
  const timers = new Map<string, unknown>();
  const later = (name: string, ms: number, run: () => void) => {
    clock.clearTimeout(timers.get(name));
    timers.set(name, clock.setTimeout(run, ms));
  };
  const cancel = (name: string) => {
    clock.clearTimeout(timers.get(name));
    timers.delete(name);
  };

  function onStatus(next: ConnectionStatus) {
    batch(() => {
      status.value = next;
      if (next.kind !== 'open') synced.value = false;
    });
    if (next.kind === 'connecting') usedToken = store.token();
    if (next.kind === 'open') return sayHello();
    outbox.forgetSent();
    typing.reset();
    resync.pause();
    cancel('welcome');
  }

  function sayHello() {
    const conversationId = conversation.value?.conversationId ?? null;
    helloFor = { conversationId, afterSeq: highestSeq(messages.value, conversationId) };
    connection.send({ type: 'hello', context: options.context(), afterSeq: helloFor.afterSeq });
    // An open socket that never says welcome is as bad as a closed one: show it and start over.
    later('welcome', welcomeTimeoutMs, () => {
      resync.fail();
      connection.reconnectNow();
    });
  }

  function onWelcome(welcome: Extract<VisitorEvent, { type: 'welcome' }>) {
    cancel('welcome');
    const stored = store.token();
    // Another tab created the visitor while this socket was opening: join that visitor instead.
    if (stored && stored !== usedToken) return connection.reconnectNow();
    if (stored !== welcome.visitorToken) store.saveToken(welcome.visitorToken);
    usedToken = welcome.visitorToken;
    batch(() => {
      ui.value = welcome.ui;
      conversation.value = welcome.conversation;
      acceptMessages(welcome.messages, false);
      synced.value = true;
    });
    resync.resumeAfterWelcome();
    // `afterSeq` counted in the conversation we knew; a different one needs its whole history.
    const current = welcome.conversation?.conversationId ?? null;
    if (current && helloFor.afterSeq > 0 && current !== helloFor.conversationId) resync.request(0);
    outbox.flush();
    sendIdentity();
  }

  function acceptMessages(incoming: readonly Message[], live: boolean) {
    outbox.acknowledge(incoming);
    const currentId = conversation.value?.conversationId ?? null;
    const before = highestSeq(messages.value, currentId);
    const { list, added } = mergeMessages(messages.value, incoming);
    if (added.length === 0) return;
    messages.value = list;
    if (!live) return;
    for (const message of added) {
      notify('message', { sender: message.sender.kind, name: message.sender.name, text: message.text, createdAt: message.createdAt });
      if (message.sender.kind === 'operator') typing.operator(false);
      if (message.sender.kind !== 'visitor' && !isOpen.value) unread.value += 1;
      // seq is contiguous within a conversation: a jump means frames were missed, so fetch them.
      if (message.conversationId === currentId && before > 0 && message.seq > before + 1) resync.request(before);
    }
  }

  function onEvent(event: VisitorEvent) {
    switch (event.type) {
      case 'welcome':
        return onWelcome(event);
      case 'message_added':
        return acceptMessages([event.message], true);
      case 'history':
        acceptMessages(event.messages, false);
        return resync.succeeded();
      case 'conversation_updated':
        batch(() => {
          conversation.value = event.conversation;
          busy.value = null;
        });
        return;
      case 'handoff_started':
        return notify('handoff', { topic: event.topic });
      case 'operator_joined':
        return notify('operatorJoined', { name: event.operator.name });
      case 'operator_typing':
        return typing.operator(event.isTyping);
      case 'conversation_resolved':
        return notify('resolved');
      case 'callback_confirmed':
        busy.value = null;
        return;
      case 'identity_checked':
        pendingIdentity = null;
        return;
      case 'error':
        return onServerError(event.code, event.clientMessageId);
      case 'returned_to_bot':
      case 'pong':
        return;
    }
  }

  function onServerError(code: ErrorCode, clientMessageId: string | undefined) {
    if (code === 'invalid_identity') pendingIdentity = null;
    if (clientMessageId && clientMessageId === pendingActionId) busy.value = null;
    // A throttled message waits and goes again by itself; everything else is shown to the visitor.
    if (outbox.refused(clientMessageId, code) && code === 'rate_limited') return;
    serverError.value = code;
    later('error', errorNoticeMs, () => (serverError.value = null));
  }

  function sendIdentity() {
    if (pendingIdentity && online.value) connection.send({ type: 'identify', identity: pendingIdentity });
  }

  function act(kind: 'handoff' | 'callback', send: (clientMessageId: string) => boolean): boolean {
    if (!online.value || busy.value) return false;
    const id = options.newId();
    if (!send(id)) return false;
    pendingActionId = id;
    busy.value = kind;
    later('busy', actionTimeoutMs, () => (busy.value = null));
    return true;
  }

  const unsubscribe = [
    connection.listen({ status: onStatus, event: onEvent }),
    store.onExternalChange((what) => {
      if (what === 'outbox') outbox.reload();
      // Another tab switched visitor (first visit in two tabs at once): follow it.
      else if (synced.value && store.token() && store.token() !== usedToken) connection.reconnectNow();
    }),
  ];

  return {
    status,
    online,
    ui,
    strings,
    phrases,
    locale,
    conversation,
    messages,
    pending,
    stage,
    notice,
    operatorTyping: typing.operatorTyping,
    canAskForPerson,
    busy,
    resumable,
    isOpen,
    unread,
    draft,
    start: () => connection.start(),
    open() {
      if (isOpen.value) return;
      batch(() => {
        isOpen.value = true;
        unread.value = 0;
      });
      notify('open');
    },
    close() {
      if (!isOpen.value) return;
      isOpen.value = false;
      notify('close');
    },
    setDraft(text) {
      draft.value = text;
      // Only a person reads typing indicators; the bot does not need the extra frames.
      typing.visitor(text, stage.value.kind === 'waiting' || stage.value.kind === 'with_person');
    },
    send() {
      const text = draft.value.trim();
      if (!MessageText.safeParse(text).success) return false;
      batch(() => {
        outbox.add(text);
        draft.value = '';
      });
      typing.stop();
      outbox.flush();
      return true;
    },
    retry: (clientMessageId) => outbox.retry(clientMessageId),
    askForPerson: () => act('handoff', (clientMessageId) => connection.send({ type: 'request_human', clientMessageId })),
    requestCallback: (request) =>
      act('callback', (clientMessageId) => connection.send({ type: 'request_callback', clientMessageId, ...request })),
    rate(score, comment) {
      const id = conversation.value?.conversationId;
      if (!id || !online.value) return false;
      if (!connection.send({ type: 'rate', score, ...(comment ? { comment } : {}) })) return false;
      ratedHere.value = id;
      return true;
    },
    identify(identity) {
      pendingIdentity = identity;
      sendIdentity();
    },
    dispose() {
      for (const stop of unsubscribe) stop();
      for (const name of [...timers.keys()]) cancel(name);
      resync.pause();
      typing.reset();
      outbox.dispose();
      connection.stop();
    },
  };
}
