import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Message } from '../../shared/entities';
import type { ActionResponse, ConversationDetail } from '../../shared/http';
import type { ConversationSummary, InternalNote } from '../../shared/operator-protocol';
import type { InboxApi } from '../api-client';
import { type ApiFailure, type ApiResult, actionFailureMessage, claimedByFrom } from '../api-errors';
import type { OperatorConnection } from '../operator-socket';
import { createComposerModel } from './composer-model';
import { allowedActions, lockStateOf, noActions } from './lock-rules';

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

  async function load(conversationId: string, quiet: boolean) {
    const mine = generation;
    if (!quiet) loading.value = true;
    const result = await api.conversation(conversationId);
    if (mine !== generation) return;
    loading.value = false;
    if (!result.ok) {
      loadError.value = `Could not open the conversation: ${result.error.message}`;
      return;
    }
    loadError.value = null;
    // Messages that arrived live while the snapshot was on its way may be newer than it: keep them.
    const current = detail.peek();
    const live = [...early.splice(0), ...(current?.conversation.conversationId === conversationId ? current.messages : [])];
    const bySeq = new Map([...live, ...result.value.messages].map((m) => [m.seq, m]));
    detail.value = { ...result.value, messages: [...bySeq.values()].sort((a, b) => a.seq - b.seq) };
    composer.confirm(result.value.messages);
  }

  function applyUpdate(c: ConversationSummary) {
    const current = detail.peek();
    if (!current || current.conversation.conversationId !== c.conversationId) return;
    if (c.version < current.conversation.version) return;
    // Accepting an offer keeps the version (it is no change of hands) but adds to the audit trail.
    const changed = c.version > current.conversation.version || (current.conversation.offer !== null && c.offer === null);
    detail.value = { ...current, conversation: c };
    // The audit trail and case package change with the state; the summary does not carry them.
    if (changed) void load(c.conversationId, true);
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
    applyUpdate,
    /** `fetchNow` false: remember the id only; reload() fetches it once the page may call the server. */
    open(conversationId: string | null, fetchNow = true) {
      if (conversationId === openId.peek()) return;
      composer.reset();
      generation++;
      early.length = 0;
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
      early.length = 0;
      const current = detail.peek();
      if (current) detail.value = { ...current, messages: [] };
      return load(id, current !== null);
    },
    applyMessage(message: Message) {
      const current = detail.peek();
      if (!current || current.conversation.conversationId !== message.conversationId) {
        if (message.conversationId === openId.peek()) early.push(message);
        return;
      }
      if (current.messages.some((m) => m.seq === message.seq)) return;
      const lastSeq = current.messages.at(-1)?.seq ?? 0;
      composer.confirm([message]);
      if (message.sender.kind === 'visitor') visitorTyping.value = false;
      // A gap means frames were missed (e.g. during a reconnect): fetch the transcript instead of guessing.
      if (message.seq > lastSeq + 1) return void load(message.conversationId, true);
      detail.value = { ...current, messages: [...current.messages, message].sort((a, b) => a.seq - b.seq) };
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
