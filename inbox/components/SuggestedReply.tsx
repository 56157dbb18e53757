import type { CasePackage } from '../../shared/case-package';
import { humanize } from '../../frontend-common/format';
import { useApp } from './app-context';

/** The first reply for each reason the conversation came for, insertable into the composer with one click. */
export function SuggestedReply({ pkg }: { pkg: CasePackage }) {
  const { conversation } = useApp();
  const replies =
    pkg.suggestedReplies.length > 0 ? pkg.suggestedReplies : pkg.suggestedReply ? [{ trigger: null, text: pkg.suggestedReply }] : [];
  if (replies.length === 0) return null;
  const canReply = conversation.allowed.value.reply;
  const several = replies.length > 1;
  return (
    <>
      <h4>{several ? 'Suggested replies' : 'Suggested reply'}</h4>
      {replies.map((reply, i) => {
        const reason = reply.trigger ? humanize(reply.trigger) : null;
        return (
          <div key={reply.trigger ?? i}>
            {several && reason ? <p class="muted">For: {reason}</p> : null}
            <blockquote class="suggested">{reply.text}</blockquote>
            <button
              type="button"
              disabled={!canReply}
              aria-describedby={canReply ? undefined : 'suggested-hint'}
              onClick={() => conversation.composer.insert(reply.text)}
            >
              {several && reason ? `Insert the reply for ${reason.toLowerCase()}` : 'Insert suggested reply'}
            </button>
          </div>
        );
      })}
      {canReply ? null : (
        <p id="suggested-hint" class="muted">
          Claim the conversation to use it.
        </p>
      )}
    </>
  );
}
