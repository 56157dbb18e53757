import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import { backoffDelay } from '../../frontend-common/backoff';
import { acceptMessages } from '../../frontend-common/message-list';
import type { Message } from '../../shared/entities';
import type { ActionResponse, ConversationDetail } from '../../shared/http';
import type { ConversationSummary, InternalNote } from '../../shared/operator-protocol';
import type { InboxApi } from '../api-client';
import { type ApiFailure, type ApiResult, actionFailureMessage, claimedByFrom, isRetryable } from '../api-errors';
import type { OperatorConnection } from '../operator-socket';
import { createComposerModel } from './composer-model';
import { allowedActions, lockStateOf, noActions } from './lock-rules';
import { isComplete, mergeSnapshot, summaryIsAhead } from './transcript-sync';

export type ActionName = 'claim' | 'bargeIn' | 'takeOver' | 'transfer' | 'returnToBot' | 'resolve' | 'correctIntent';

export interface ConversationDeps {
  api: InboxApi;
  socket: Pick<OperatorConnection, 'send'>;
  meId: ReadonlySignal<string>;
  /** Admins may take over a colleague's conversation. */
  isAdmin?: ReadonlySignal<boolean>;
  /** Lets the lists show an action's result before the socket echoes it. */
  onChanged(c: ConversationSummary): void;
  newId(): string;
  now(): number;
  /** Jitter for the retries of a transcript that is missing messages; Math.random by default. */
  random?: () => number;
}

/** The visitor's typing indicator clears itself if the "stopped" frame never comes. */
const VISITOR_TYPING_TTL_MS = 8000;

export function createConversationModel(deps: ConversationDeps) {
  const { api } = deps;
  const openId = signal<string | null>(null);
  const detail = signal<ConversationDetail | null>(null);
  const loading = signal(false);
  const loadError = signal<string | null>(null);
  const actionError = signal<string | null>(null);
  const busy = signal<ActionName | null>(null);
  const visitorTyping = signal(false);
  const summary = computed(() => detail.value?.conversation ?? null);
  const lock = computed(() => (summary.value ? lockStateOf(summary.value, deps.meId.value) : null));
  const allowed = computed(() =>
    summary.value ? allowedActions(summary.value, deps.meId.value, deps.isAdmin?.value ?? false) : noActions,
  );
  let generation = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  const composer = createComposerModel({
    canSend: computed(() => allowed.value.reply),
    canNote: computed(() => detail.value !== null),
    async submitNote(text) {
      const id = openId.peek();
      if (!id) return null;
      const result = await api.addNote(id, { text });
      if (!result.ok) return { ...result.error, message: actionFailureMessage(result.error) };
      applyNote(result.value.note);
      return null;
    },
    now: deps.now,
    newId: deps.newId,
    sendTyping(isTyping) {
      const conversationId = openId.peek();
      if (conversationId) deps.socket.send({ type: 'typing', conversationId, isTyping });
    },
    async submit(text, clientMessageId) {
      const failure = await run((id) => api.reply(id, { clientMessageId, text }), true);
      return failure && { ...failure, message: actionFailureMessage(failure) };
    },
    async attach(file, name, clientMessageId) {
      const failure = await run((id) => api.attach(id, file, name, clientMessageId), true);
      return failure && { ...failure, message: actionFailureMessage(failure) };
    },
  });

  /** The author's own note arrives twice (the answer and the socket): kept once, by id. */
  function applyNote(note: InternalNote) {
    const current = detail.peek();
    if (!current || current.conversation.conversationId !== note.conversationId) return;
    if (current.notes.some((n) => n.noteId === note.noteId)) return;
    detail.value = { ...current, notes: [...current.notes, note] };
    // The note is audited: bring the audit trail up to date.
    void load(note.conversationId, true);
  }

  /** Live messages for the conversation being opened, before its first snapshot arrives. */
  const early: Message[] = [];
  /** The last snapshot held every message up to this seq (transcript-sync.ts). */
  let syncedThrough = 0;
  /** One snapshot request at a time per opening; asking during one fetches once more after it. */
  let flight: { generation: number; again: boolean; done: Promise<void> } | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retries = 0;
  const random = deps.random ?? Math.random;

  function stopRetrying() {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    retries = 0;
  }

  /**
   * Fetches the snapshot and merges it with what arrived live. Requests made while one is on its
   * way are answered by one more fetch after it: a snapshot read before a message was stored must
   * not be the last word, and two answers arriving out of order cannot put an older one on screen.
   */
  function load(conversationId: string, quiet: boolean): Promise<void> {
    if (flight && flight.generation === generation) {
      flight.again = true;
      return flight.done;
    }
    const current = { generation, again: false, done: Promise.resolve() };
    current.done = (async () => {
      do {
        current.again = false;
        await loadOnce(conversationId, quiet, current.generation);
      } while (current.again && current.generation === generation);
    })().finally(() => {
      if (flight === current) flight = null;
    });
    flight = current;
    return current.done;
  }

  async function loadOnce(conversationId: string, quiet: boolean, mine: number) {
    if (!quiet) loading.value = true;
    const result = await api.conversation(conversationId);
    if (mine !== generation) return;
    loading.value = false;
    if (!result.ok) {
      loadError.value = `Could not open the conversation: ${result.error.message}`;
      // A transcript on screen that may be short (messages known to be missing, or a resync the
      // server was too busy to answer): keep asking rather than leave it so.
      if (detail.peek() && (isRetryable(result.error) || missingMessages())) retryLater(conversationId);
      return;
    }
    loadError.value = null;
    // Messages that arrived live while the snapshot was on its way may be newer than it: keep them.
    const current = detail.peek();
    const held = [...early.splice(0), ...(current?.conversation.conversationId === conversationId ? current.messages : [])];
    const merged = mergeSnapshot(held, result.value);
    syncedThrough = merged.syncedThrough;
    // A live summary newer than the snapshot stays (the snapshot was read before that change).
    const newer =
      current?.conversation.conversationId === conversationId && current.conversation.version > result.value.conversation.version;
    detail.value = { ...result.value, conversation: newer ? current.conversation : result.value.conversation, messages: merged.messages };
    composer.confirm(result.value.messages);
    if (missingMessages()) retryLater(conversationId);
    else stopRetrying();
  }

  /** A hole after the snapshot, or a newer message the latest summary counts and no frame brought. */
  function missingMessages(): boolean {
    const current = detail.peek();
    if (!current) return false;
    const { messages, conversation } = current;
    return !isComplete(messages, conversation.conversationId, syncedThrough) || summaryIsAhead(messages, syncedThrough, conversation);
  }

  function retryLater(conversationId: string) {
    if (retryTimer !== undefined) return;
    const mine = generation;
    retryTimer = setTimeout(
      () => {
        retryTimer = undefined;
        if (mine === generation) void load(conversationId, true);
      },
      backoffDelay(retries++, random()),
    );
  }

  /** Returns whether it fetches the conversation again. */
  function applyUpdate(c: ConversationSummary): boolean {
    const current = detail.peek();
    if (!current || current.conversation.conversationId !== c.conversationId) return false;
    if (c.version < current.conversation.version) return false;
    // Accepting an offer keeps the version (it is no change of hands) but adds to the audit trail.
    const changed = c.version > current.conversation.version || (current.conversation.offer !== null && c.offer === null);
    // The visitor rated after the resolution: the summary carries it (the detail's rating is the same one).
    const rated = c.state === 'resolved' && c.lastRating && !sameRating(c.lastRating, current.conversation.lastRating);
    detail.value = { ...current, conversation: c, ...(rated ? { rating: c.lastRating } : {}) };
    // The audit trail and case package change with the state; the summary does not carry them.
    if (changed) void load(c.conversationId, true);
    return changed;
  }

  /** A summary from the socket: it follows every message there, so it also tells of a lost message frame. */
  function applyLiveUpdate(c: ConversationSummary) {
    if (applyUpdate(c)) return;
    const current = detail.peek();
    if (current?.conversation.conversationId !== c.conversationId) return;
    if (summaryIsAhead(current.messages, syncedThrough, c)) void load(c.conversationId, true);
  }

  /** Calls the server for the open conversation; returns the failure or null. The composer shows its own failures. */
  async function run(call: (id: string) => Promise<ApiResult<ActionResponse>>, fromComposer = false): Promise<ApiFailure | null> {
    const id = openId.peek();
    if (!id) return null;
    const mine = generation;
    const result = await call(id);
    if (mine !== generation) return result.ok ? null : result.error;
    if (result.ok) {
      deps.onChanged(result.value.conversation);
      applyUpdate(result.value.conversation);
      return null;
    }
    const claimer = claimedByFrom(result.error);
    const current = detail.peek();
    if (result.error.code === 'already_claimed' && current) {
      // Show the lock at once; the reload below replaces this guess with the server's summary.
      const owner = claimer ?? { operatorId: '', name: 'another operator' };
      detail.value = { ...current, conversation: { ...current.conversation, state: 'owned', owner, offer: null } };
    }
    if (!fromComposer) actionError.value = actionFailureMessage(result.error);
    if (result.error.status !== 0) void load(id, true);
    return result.error;
  }

  async function act(name: ActionName, call: (id: string) => Promise<ApiResult<ActionResponse>>) {
    if (busy.peek()) return;
    busy.value = name;
    actionError.value = null;
    await run(call);
    busy.value = null;
  }

  return {
    openId,
    detail,
    summary,
    lock,
    allowed,
    loading,
    loadError,
    actionError,
    busy,
    visitorTyping,
    composer,
    /** A summary the socket brought (conversation_updated, paged, handoff_started). */
    applyUpdate: applyLiveUpdate,
    /** `fetchNow` false: remember the id only; reload() fetches it once the page may call the server. */
    open(conversationId: string | null, fetchNow = true) {
      if (conversationId === openId.peek()) return;
      composer.reset();
      generation++;
      early.length = 0;
      syncedThrough = 0;
      stopRetrying();
      batch(() => {
        openId.value = conversationId;
        detail.value = null;
        loadError.value = null;
        actionError.value = null;
        busy.value = null;
        visitorTyping.value = false;
        loading.value = false;
      });
      if (conversationId && fetchNow) void load(conversationId, false);
    },
    reload() {
      const id = openId.peek();
      if (id) void load(id, detail.peek() !== null);
    },
    /** Reads it again keeping no message held on screen: after an erasure its messages are gone for good. */
    reloadAfresh() {
      const id = openId.peek();
      if (!id) return;
      // A snapshot already on its way predates the erasure: its answer must not bring messages back.
      generation++;
      early.length = 0;
      syncedThrough = 0;
      stopRetrying();
      const current = detail.peek();
      if (current) detail.value = { ...current, messages: [] };
      return load(id, current !== null);
    },
    applyMessage(message: Message) {
      if (message.conversationId !== openId.peek()) return;
      const current = detail.peek();
      // The snapshot on its way is merged with it, and fetched again if it left a hole before it.
      if (!current || current.conversation.conversationId !== message.conversationId) return void early.push(message);
      const { list, added, gapAfter } = acceptMessages(current.messages, [message], message.conversationId, syncedThrough);
      if (added.length === 0) return;
      composer.confirm([message]);
      if (message.sender.kind === 'visitor') visitorTyping.value = false;
      detail.value = { ...current, messages: list };
      // Frames were missed (a reconnect, another instance's events still on their way): shown now, the ones between fetched.
      if (gapAfter !== null) void load(message.conversationId, true);
    },
    applyNote,
    applyVisitorTyping(conversationId: string, isTyping: boolean) {
      if (conversationId !== openId.peek()) return;
      visitorTyping.value = isTyping;
      clearTimeout(typingTimer);
      if (isTyping) typingTimer = setTimeout(() => (visitorTyping.value = false), VISITOR_TYPING_TTL_MS);
    },
    claim: () => act('claim', (id) => api.claim(id)),
    bargeIn: () => act('bargeIn', (id) => api.bargeIn(id)),
    takeOver: () => act('takeOver', (id) => api.takeOver(id)),
    transfer: (target: { queue: string } | { operatorId: string }, note: string) =>
      act('transfer', (id) => api.transfer(id, { ...target, note: note.trim() || undefined })),
    returnToBot: (note: string) => act('returnToBot', (id) => api.returnToBot(id, { note: note.trim() || undefined })),
    resolve: (note: string) => act('resolve', (id) => api.resolve(id, { note: note.trim() || undefined })),
    correctIntent(intent: string) {
      if (!intent.trim()) {
        actionError.value = 'Enter the corrected intent, e.g. refund.';
        return Promise.resolve();
      }
      return act('correctIntent', (id) => api.correctIntent(id, { intent: intent.trim() }));
    },
    dismissError() {
      actionError.value = null;
    },
  };
}

export type ConversationModel = ReturnType<typeof createConversationModel>;

const sameRating = (a: ConversationSummary['lastRating'], b: ConversationSummary['lastRating']) =>
  a?.score === b?.score && (a?.comment ?? null) === (b?.comment ?? null);
