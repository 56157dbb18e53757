import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { SavedReply } from '../../shared/config/saved-replies';
import { attachmentAccept } from '../../shared/attachment-types';
import { MAX_MESSAGE_CHARS } from '../../shared/protocol-version';
import type { LockState } from '../models/lock-rules';
import { fillPlaceholders } from '../models/saved-replies';
import { SavedReplyPicker } from './SavedReplyPicker';
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
  const { conversation, savedReplies, session } = useApp();
  const { composer } = conversation;
  const field = useRef<HTMLTextAreaElement>(null);
  const picking = useSignal(false);
  const siteId = conversation.summary.value?.siteId ?? null;
  const note = composer.mode.value === 'note';
  const canWrite = note ? conversation.detail.value !== null : conversation.allowed.value.reply;
  const request = composer.focusRequest.value;
  useEffect(() => {
    if (request > 0) field.current?.focus();
  }, [request]);

  function openPicker() {
    if (!siteId) return;
    void savedReplies.load(siteId);
    picking.value = true;
  }
  function closePicker() {
    picking.value = false;
    field.current?.focus();
  }
  function pick(reply: SavedReply) {
    const detail = conversation.detail.peek();
    const pkg = detail?.casePackage;
    composer.insert(
      fillPlaceholders(reply.text, {
        visitorName: detail?.conversation.visitorName ?? pkg?.visitor.name ?? null,
        visitorEmail: pkg?.visitor.email ?? null,
        operatorName: session.operator.peek()?.name ?? '',
      }),
    );
    picking.value = false;
  }

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
          onKeyDown={(e) => {
            // "/" at the start of a line opens the saved replies; anywhere else it is a slash.
            const el = e.currentTarget;
            const before = el.value.slice(0, el.selectionStart ?? 0);
            if (e.key === '/' && !note && (before === '' || before.endsWith('\n'))) {
              e.preventDefault();
              openPicker();
            }
          }}
        />
        <button type="submit" class="primary" disabled={!canWrite || !composer.text.value.trim()}>
          {note ? 'Add note' : 'Send'}
        </button>
      </div>
      {picking.value ? (
        <SavedReplyPicker
          replies={siteId ? savedReplies.bySite.value[siteId] : undefined}
          error={savedReplies.error.value}
          onPick={pick}
          onClose={closePicker}
        />
      ) : null}
      <p id="composer-hint" class="muted hint">
        {hint}
        {note || !canWrite ? null : (
          <>
            {' '}
            Type / for{' '}
            <button type="button" class="link" aria-expanded={picking.value} onClick={openPicker}>
              saved replies
            </button>
            .
          </>
        )}
      </p>
      <p id="composer-error" class="error" role="alert">
        {composer.error.value}
      </p>
      <label class="attach">
        Attach a file
        <input
          type="file"
          accept={attachmentAccept}
          disabled={note || !canWrite}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file) void composer.attachFile(file, file.name);
            input.value = '';
          }}
        />
      </label>
    </form>
  );
}
