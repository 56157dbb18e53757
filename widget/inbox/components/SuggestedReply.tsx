import { useApp } from './app-context';

export function SuggestedReply({ text }: { text: string }) {
  const { conversation } = useApp();
  if (!text) return null;
  const canReply = conversation.allowed.value.reply;
  return (
    <>
      <h4>Suggested reply</h4>
      <blockquote class="suggested">
        {text}
      </blockquote>
      <button
        type="button"
        disabled={!canReply}
        aria-describedby={canReply ? undefined : 'suggested-hint'}
        onClick={() => conversation.composer.insert(text)}
      >
        Insert suggested reply
      </button>
      {canReply ? null : (
        <p id="suggested-hint" class="muted">
          Claim the conversation to use it.
        </p>
      )}
    </>
  );
}
