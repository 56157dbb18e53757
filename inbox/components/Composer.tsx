import { useEffect, useRef } from 'preact/hooks';
import { MAX_MESSAGE_CHARS } from '../../shared/protocol-version';
import type { LockState } from '../models/lock-rules';
import { useApp } from './app-context';

function replyHint(canReply: boolean, lock: LockState['kind'] | undefined): string {
  if (canReply) return `Ctrl+Enter or Cmd+Enter sends.${lock === 'offered_to_me' ? ' Replying accepts the offer.' : ''}`;
  switch (lock) {
    case 'claimed':
      return 'Only the operator who claimed this conversation can reply.';
    case 'offered':
      return 'Offered to another operator: only they can reply unless the offer lapses.';
    case 'resolved':
      return 'This conversation is resolved. If the visitor writes again it reopens.';
    case 'bot':
      return 'The bot is answering: barge in to reply.';
    default:
      return 'Claim this conversation to reply.';
  }
}

/** Docked under the transcript: a reply to the visitor, or an internal note only operators see. */
export function Composer() {
  const { conversation } = useApp();
  const { composer } = conversation;
  const field = useRef<HTMLTextAreaElement>(null);
  const note = composer.mode.value === 'note';
  const canWrite = note ? conversation.detail.value !== null : conversation.allowed.value.reply;
  const request = composer.focusRequest.value;
  useEffect(() => {
    if (request > 0) field.current?.focus();
  }, [request]);

  const hint = note
    ? 'Only operators see notes; the visitor never does. Ctrl+Enter or Cmd+Enter saves.'
    : replyHint(canWrite, conversation.lock.value?.kind);
  return (
    <form
      class={`composer${note ? ' composer-note' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        void composer.send();
      }}
    >
      <fieldset class="composer-mode">
        <legend class="sr-only">Write</legend>
        <label class="check">
          <input type="radio" name="composer-mode" checked={!note} onChange={() => composer.setMode('reply')} />
          Message to visitor
        </label>
        <label class="check">
          <input type="radio" name="composer-mode" checked={note} onChange={() => composer.setMode('note')} />
          Internal note
        </label>
      </fieldset>
      <label for="composer" class="sr-only">
        {note ? 'Note (operators only)' : 'Reply'}
      </label>
      <div class="composer-row">
        <textarea
          id="composer"
          ref={field}
          rows={2}
          maxLength={MAX_MESSAGE_CHARS}
          disabled={!canWrite}
          value={composer.text.value}
          aria-describedby="composer-hint composer-error"
          placeholder={note ? 'Write a note for your team…' : canWrite ? 'Write a reply…' : undefined}
          onInput={(e) => composer.input(e.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={!canWrite || !composer.text.value.trim()}>
          {note ? 'Add note' : 'Send'}
        </button>
      </div>
      <p id="composer-hint" class="muted hint">
        {hint}
      </p>
      <p id="composer-error" class="error" role="alert">
        {composer.error.value}
      </p>
    </form>
  );
}
