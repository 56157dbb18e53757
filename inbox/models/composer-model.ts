import { type ReadonlySignal, signal } from '@preact/signals';
import type { Message } from '../../shared/entities';
import { MAX_MESSAGE_CHARS } from '../../shared/protocol-version';
import type { ApiFailure } from '../api-errors';

export interface PendingReply {
  clientMessageId: string;
  text: string;
}

/** A reply goes to the visitor; a note stays with the operators. */
export type ComposerMode = 'reply' | 'note';

export interface ComposerDeps {
  canSend: ReadonlySignal<boolean>;
  /** Any operator of the site may add a note to an open conversation, whoever owns it. */
  canNote: ReadonlySignal<boolean>;
  submitNote(text: string): Promise<ApiFailure | null>;
  sendTyping(isTyping: boolean): void;
  submit(text: string, clientMessageId: string): Promise<ApiFailure | null>;
  attach?(file: Blob, name: string, clientMessageId: string): Promise<ApiFailure | null>;
  newId(): string;
  now(): number;
}

/** At most one "typing" frame per interval, and "stopped" after this long without a keystroke. */
export const TYPING_THROTTLE_MS = 3000;
export const TYPING_IDLE_MS = 4000;

export function createComposerModel(deps: ComposerDeps) {
  const text = signal('');
  const mode = signal<ComposerMode>('reply');
  const pending = signal<PendingReply[]>([]);
  const error = signal<string | null>(null);
  /** Bumped to ask the composer to take focus (the r shortcut, inserting the suggested reply). */
  const focusRequest = signal(0);
  let typingSentAt: number | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  function stopTyping() {
    clearTimeout(idleTimer);
    if (typingSentAt !== null) deps.sendTyping(false);
    typingSentAt = null;
  }

  function noteTyping() {
    if (!deps.canSend.peek() || mode.peek() === 'note') return;
    const now = deps.now();
    if (typingSentAt === null || now - typingSentAt >= TYPING_THROTTLE_MS) {
      deps.sendTyping(true);
      typingSentAt = now;
    }
    clearTimeout(idleTimer);
    idleTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  async function sendNote(value: string) {
    if (!value || !deps.canNote.peek()) return;
    if (value.length > MAX_MESSAGE_CHARS) {
      error.value = `Notes are limited to ${MAX_MESSAGE_CHARS} characters; this one has ${value.length}.`;
      return;
    }
    text.value = '';
    error.value = null;
    const failure = await deps.submitNote(value);
    if (!failure) return;
    if (!text.peek()) text.value = value;
    error.value = `Note not saved: ${failure.message}`;
  }

  return {
    text,
    mode,
    pending,
    error,
    focusRequest,
    input(value: string) {
      text.value = value;
      error.value = null;
      if (value.trim()) noteTyping();
      else stopTyping();
    },
    insert(suggestion: string) {
      const current = text.peek().trim();
      text.value = current ? `${current}\n\n${suggestion}` : suggestion;
      focusRequest.value++;
    },
    focus() {
      focusRequest.value++;
    },
    setMode(next: ComposerMode) {
      if (next === 'note') stopTyping();
      mode.value = next;
      error.value = null;
      focusRequest.value++;
    },
    async send() {
      const value = text.peek().trim();
      if (mode.peek() === 'note') return sendNote(value);
      if (!value || !deps.canSend.peek()) return;
      if (value.length > MAX_MESSAGE_CHARS) {
        error.value = `Replies are limited to ${MAX_MESSAGE_CHARS} characters; this one has ${value.length}.`;
        return;
      }
      const clientMessageId = deps.newId();
      pending.value = [...pending.peek(), { clientMessageId, text: value }];
      text.value = '';
      error.value = null;
      stopTyping();
      const failure = await deps.submit(value, clientMessageId);
      if (!failure) return;
      pending.value = pending.peek().filter((p) => p.clientMessageId !== clientMessageId);
      // Give the words back unless the operator already started another reply.
      if (!text.peek()) text.value = value;
      error.value = `Not sent: ${failure.message}`;
    },
    /** A file as a reply; the message arrives over the socket like any other, a refusal shows here. */
    async attachFile(file: Blob, name: string) {
      if (!deps.attach || !deps.canSend.peek()) return;
      error.value = null;
      const failure = await deps.attach(file, name, deps.newId());
      if (failure) error.value = `Not sent: ${failure.message}`;
    },
    /** The server echoed replies as messages: they are no longer pending. An echo without its client id matches by text. */
    confirm(messages: readonly Pick<Message, 'clientMessageId' | 'text' | 'sender'>[]) {
      const echoed = (p: PendingReply) =>
        messages.some((m) =>
          m.clientMessageId ? m.clientMessageId === p.clientMessageId : m.sender.kind === 'operator' && m.text === p.text,
        );
      const current = pending.peek();
      if (current.some(echoed)) pending.value = current.filter((p) => !echoed(p));
    },
    reset() {
      stopTyping();
      text.value = '';
      pending.value = [];
      error.value = null;
      mode.value = 'reply';
    },
  };
}

export type ComposerModel = ReturnType<typeof createComposerModel>;
