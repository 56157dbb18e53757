import { useEffect, useRef } from 'preact/hooks';
import { attachmentAccept } from '../../shared/attachment-types';
import { MAX_MESSAGE_CHARS } from '../../shared/protocol-version';
import { useApp } from './app-context';

export function Composer() {
  const { conversation } = useApp();
  const { composer } = conversation;
  const field = useRef<HTMLTextAreaElement>(null);
  const canReply = conversation.allowed.value.reply;
  const request = composer.focusRequest.value;
  useEffect(() => {
    if (request > 0) field.current?.focus();
  }, [request]);

  const lock = conversation.lock.value?.kind;
  const hint = canReply
    ? `Ctrl+Enter or Cmd+Enter sends.${lock === 'offered_to_me' ? ' Replying accepts the offer.' : ''}`
    : lock === 'claimed'
      ? 'Only the operator who claimed this conversation can reply.'
      : lock === 'offered'
        ? 'Offered to another operator: only they can reply unless the offer lapses.'
        : 'Claim this conversation (or barge in) to reply.';
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void composer.send();
      }}
    >
      <label for="composer">Reply</label>
      <textarea
        id="composer"
        ref={field}
        rows={3}
        maxLength={MAX_MESSAGE_CHARS}
        disabled={!canReply}
        value={composer.text.value}
        aria-describedby="composer-hint composer-error"
        onInput={(e) => composer.input(e.currentTarget.value)}
      />
      <p id="composer-hint" class="muted">
        {hint}
      </p>
      <p id="composer-error" class="error" role="alert">
        {composer.error.value}
      </p>
      <label class="attach">
        Attach a file
        <input
          type="file"
          accept={attachmentAccept}
          disabled={!canReply}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file) void composer.attachFile(file, file.name);
            input.value = '';
          }}
        />
      </label>
      <button type="submit" class="primary" disabled={!canReply || !composer.text.value.trim()}>
        Send
      </button>
    </form>
  );
}
