import { ActionBar } from './ActionBar';
import { AuditTrail } from './AuditTrail';
import { CasePackagePanel } from './CasePackagePanel';
import { Composer } from './Composer';
import { LockBadge } from './LockBadge';
import { RatingBadge } from './RatingBadge';
import { Transcript } from './Transcript';
import { RatingNote } from './RatingNote';
import { VisitorDataActions } from './VisitorDataActions';
import { useApp } from './app-context';

export function ConversationPane() {
  const { conversation } = useApp();
  const id = conversation.openId.value;
  const detail = conversation.detail.value;
  if (!id) {
    return (
      <section class="conversation empty" aria-labelledby="conversation-title">
        <h2 id="conversation-title">Conversation</h2>
        <p class="muted">Pick a conversation from the list (or press j).</p>
      </section>
    );
  }
  if (!detail) {
    return (
      <section class="conversation" aria-labelledby="conversation-title" aria-busy={conversation.loading.value}>
        <h2 id="conversation-title">Conversation</h2>
        {conversation.loadError.value ? (
          <p class="error" role="alert">
            {conversation.loadError.value}{' '}
            <button type="button" onClick={() => conversation.reload()}>
              Try again
            </button>
          </p>
        ) : (
          <p class="muted">Loading…</p>
        )}
      </section>
    );
  }
  const c = detail.conversation;
  return (
    <section class="conversation" aria-labelledby="conversation-title">
      <div class="conversation-head">
        <h2 id="conversation-title">{c.visitorName ?? 'Visitor'}</h2>
        <LockBadge />
        <RatingBadge rating={c.lastRating} />
      </div>
      <VisitorDataActions />
      <ActionBar />
      <div class="conversation-body">
        <div class="chat">
          <Transcript />
          <RatingNote />
          <Composer />
        </div>
        <CasePackagePanel />
      </div>
      <AuditTrail />
    </section>
  );
}
