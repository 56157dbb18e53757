import { batch, computed, signal } from '@preact/signals-core';
import type { Identity, Message } from '../../shared/entities';
import type { ErrorCode } from '../../shared/errors';
import { RETRYABLE_ERRORS } from '../../shared/retryable-errors';
import type { VisitorStrings } from '../../shared/visitor-messages';
import { MAX_MESSAGE_CHARS } from '../../shared/protocol-version';
import type { VisitorCommand, VisitorConversationView, VisitorEvent, WidgetUi } from '../../shared/visitor-protocol';
import { pickWidgetLocale } from '../../shared/widget-locales';
import type { ChatModel, ChatModelOptions } from './chat-model-types';
import { createTimers } from '../../frontend-common/clock';
import type { ConnectionStatus } from '../connection/connection';
import { deriveStage } from './conversation-stage';
import { deriveNotice } from './notice';
import { createOutbox } from './outbox';
import { createPendingAction } from './pending-action';
import { createResync } from '../connection/resync';
import { createTranscript } from './transcript';
import { createTyping } from './typing';

const welcomeTimeoutMs = 10_000;
const errorNoticeMs = 8_000;

export function createChatModel(options: ChatModelOptions): ChatModel {
  const { connection, store, clock, newId } = options;
  const notify = options.notify ?? (() => {});
  const status = signal<ConnectionStatus>({ kind: 'idle' });
  const synced = signal(false);
  const ui = signal<WidgetUi | null>(null);
  const conversation = signal<VisitorConversationView | null>(null);
  const serverError = signal<ErrorCode | null>(null);
  const isOpen = signal(false);
  const unread = signal(0);
  const draft = signal('');
  const stream = signal<{ id: string; text: string } | null>(null);
  const team = signal<Extract<VisitorEvent, { type: 'welcome' }>['team'] | null>(null);
  const attaching = signal(false);
  const fileUrls = signal<Record<string, string>>({});
  const requestedImages = new Set<string>();

  const online = computed(() => synced.value && status.value.kind === 'open');
  // Before `welcome`, only the fallback's few keys are read (see fallback-strings.ts).
  const strings = computed(() => ui.value?.strings ?? (options.fallbackStrings as VisitorStrings));
  const locale = computed(() => ui.value?.locale ?? pickWidgetLocale(options.context().locale));
  // Commands other than `hello` make sense only once the server has welcomed this socket.
  const sendOnline = (command: VisitorCommand) => online.value && connection.send(command);
  const random = options.random ?? Math.random;
  const resync = createResync({ clock, random, send: (afterSeq) => sendOnline({ type: 'resume', afterSeq }) });
  const transcript = createTranscript({ onGap: resync.request });
  const messages = transcript.messages;
  const action = createPendingAction({ clock, newId });
  const stage = computed(() => deriveStage(conversation.value, messages.value));
  const canAskForPerson = computed(() => ui.value?.handoffEnabled === true && stage.value.kind === 'bot');
  const outbox = createOutbox({
    store,
    clock,
    newId,
    send: ({ clientMessageId, text }) => sendOnline({ type: 'send_message', clientMessageId, text }),
  });
  const typing = createTyping({ clock, send: (isTyping) => sendOnline({ type: 'typing', isTyping }) });
  // A tab that missed the confirmation still holds the entry; the transcript already has the message.
  const pending = computed(() => {
    const confirmed = new Set(messages.value.map((m) => m.clientMessageId));
    return outbox.entries.value.filter((entry) => !confirmed.has(entry.clientMessageId));
  });
  const resumable = computed(
    () => outbox.entries.value.length > 0 || (conversation.value !== null && conversation.value.state !== 'resolved'),
  );
  const notice = computed(() => deriveNotice(status.value, resync.failed.value, serverError.value));

  // Plain variables: bookkeeping that nothing renders.
  let usedToken: string | null = null;
  let helloFor: { conversationId: string | null; afterSeq: number } = { conversationId: null, afterSeq: 0 };
  let pendingIdentity: Identity | null = null;
  const { later, cancel, dispose: cancelTimers } = createTimers(clock);

  function onStatus(next: ConnectionStatus) {
    batch(() => {
      status.value = next;
      if (next.kind !== 'open') synced.value = false;
    });
    if (next.kind === 'connecting') usedToken = store.token();
    if (next.kind === 'open') return sayHello();
    outbox.forgetSent();
    typing.reset();
    stream.value = null;
    resync.pause();
    cancel('welcome');
  }

  function sayHello() {
    const conversationId = conversation.value?.conversationId ?? null;
    helloFor = { conversationId, afterSeq: transcript.highestSeq(conversationId) };
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
    // Another visitor than the one this socket said hello as (a different verified person signed
    // in): nothing of the previous transcript stays. On a first visit there is nothing to drop.
    if (usedToken !== welcome.visitorToken) {
      transcript.clear();
      // Their unconfirmed messages too: a message still pending is theirs, never sent as the next person's.
      if (usedToken !== null) outbox.discard();
    }
    usedToken = welcome.visitorToken;
    batch(() => {
      ui.value = welcome.ui;
      team.value = welcome.team ?? null;
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
    // One render for both: the confirmed message takes over its pending bubble's node (announced once).
    const added = batch(() => {
      outbox.acknowledge(incoming);
      return transcript.accept(incoming, conversation.value?.conversationId ?? null, live);
    });
    if (!live) return;
    for (const message of added) {
      notify('message', { sender: message.sender.kind, name: message.sender.name, text: message.text, createdAt: message.createdAt });
      if (message.sender.kind === 'operator') {
        typing.operator(false);
        options.onPersonReply?.();
      }
      if (message.sender.kind !== 'visitor' && !isOpen.value) unread.value += 1;
    }
  }

  function onEvent(event: VisitorEvent) {
    switch (event.type) {
      case 'welcome':
        return onWelcome(event);
      case 'message_added':
        // The stored answer replaces the growing one.
        if (event.message.sender.kind === 'bot') stream.value = null;
        return acceptMessages([event.message], true);
      case 'bot_delta': {
        const current = stream.peek();
        if (current?.id === event.streamId) stream.value = { id: event.streamId, text: current.text + event.text };
        // A tab that joined mid-answer shows nothing until the stored message arrives.
        else if (event.at === 0) stream.value = { id: event.streamId, text: event.text };
        return;
      }
      case 'bot_stream_ended':
        if (stream.peek()?.id === event.streamId) stream.value = null;
        return;
      case 'history':
        acceptMessages(event.messages, false);
        return resync.succeeded();
      case 'conversation_updated':
        conversation.value = event.conversation;
        return action.settle();
      case 'handoff_started':
        return notify('handoff', { topic: event.topic });
      case 'operator_joined':
        return notify('operatorJoined', { name: event.operator.name });
      case 'operator_typing':
        return typing.operator(event.isTyping);
      case 'conversation_resolved':
        return notify('resolved');
      case 'callback_confirmed':
        return action.settle();
      case 'identity_checked':
        pendingIdentity = null;
        return;
      case 'error':
        return onServerError(event.code, event.clientMessageId, event.retryAfterMs);
      case 'returned_to_bot':
      case 'pong':
        return;
    }
  }

  function onServerError(code: ErrorCode, clientMessageId: string | undefined, retryAfterMs?: number) {
    if (code === 'invalid_identity') pendingIdentity = null;
    if (clientMessageId) action.settle(clientMessageId);
    // `rate` carries no clientMessageId: its refusal is the error without one.
    else if (action.busy.value === 'rate') action.settle();
    // A throttled or refused-for-load message waits and goes again by itself; everything else is shown to the visitor.
    if (outbox.refused(clientMessageId, code, retryAfterMs) && RETRYABLE_ERRORS.includes(code)) return;
    showError(code);
  }

  function showError(code: ErrorCode) {
    serverError.value = code;
    later('error', errorNoticeMs, () => (serverError.value = null));
  }

  function sendIdentity() {
    if (pendingIdentity) sendOnline({ type: 'identify', identity: pendingIdentity });
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
    locale,
    conversation,
    messages,
    streaming: computed(() => stream.value?.text ?? null),
    pending,
    stage,
    notice,
    operatorTyping: typing.operatorTyping,
    canAskForPerson,
    busy: action.busy,
    resumable,
    isOpen,
    unread,
    draft,
    team,
    attaching,
    fileUrls,
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
      // MessageText in shared/entities.ts: 1 to MAX_MESSAGE_CHARS characters.
      if (!text || text.length > MAX_MESSAGE_CHARS) return false;
      batch(() => {
        outbox.add(text);
        draft.value = '';
      });
      typing.stop();
      outbox.flush();
      return true;
    },
    retry: (clientMessageId) => outbox.retry(clientMessageId),
    askForPerson: () => action.start('handoff', (clientMessageId) => sendOnline({ type: 'request_human', clientMessageId })),
    requestCallback: (request) =>
      action.start('callback', (clientMessageId) => sendOnline({ type: 'request_callback', clientMessageId, ...request })),
    // Thanked only when the server's view says rated: a refused rating must not look stored.
    rate: (score, comment) =>
      conversation.value !== null && action.start('rate', () => sendOnline({ type: 'rate', score, ...(comment ? { comment } : {}) })),
    identify(identity) {
      pendingIdentity = identity;
      sendIdentity();
    },
    async attach(file, name) {
      const files = options.files;
      // A file needs the visitor's token, which only a welcomed socket has.
      if (!files || !online.value || attaching.value) return false;
      attaching.value = true;
      try {
        const refused = await files.upload(file, name, newId());
        if (refused) showError(refused);
        return refused === null;
      } catch {
        showError('internal');
        return false;
      } finally {
        attaching.value = false;
      }
    },
    loadImage(id) {
      const files = options.files;
      if (!files || requestedImages.has(id)) return;
      requestedImages.add(id);
      files.read(id).then(
        (blob) => (fileUrls.value = { ...fileUrls.value, [id]: URL.createObjectURL(blob) }),
        () => requestedImages.delete(id),
      );
    },
    async download(file) {
      if (!options.files) return;
      try {
        const url = URL.createObjectURL(await options.files.read(file.id));
        const link = document.createElement('a');
        link.href = url;
        link.download = file.name;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      } catch {
        showError('not_found');
      }
    },
    dispose() {
      for (const stop of unsubscribe) stop();
      cancelTimers();
      action.dispose();
      resync.pause();
      typing.reset();
      outbox.dispose();
      connection.stop();
    },
  };
}
