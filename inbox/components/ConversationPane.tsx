import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { AuditTrail } from './AuditTrail';
import { CasePackagePanel } from './CasePackagePanel';
import { Composer } from './Composer';
import { ConversationToolbar } from './ConversationToolbar';
import { IntentForm } from './IntentForm';
import { LockBadge } from './LockBadge';
import { RatingBadge } from './RatingBadge';
import { Transcript } from './Transcript';
import { VisitorPresence } from './VisitorPresence';
import { RatingNote } from './RatingNote';
import { VisitorDataActions } from './VisitorDataActions';
import { useApp } from './app-context';

/** The case panel starts open where there is room beside the transcript, folded on narrow screens. */
const roomForCase = () => typeof matchMedia !== 'function' || matchMedia('(min-width: 1100px)').matches;

/**
 * The pane fits the window below whatever sits above it (top bar, views, notices come and go), so
 * the composer is in sight without scrolling the page: its top is measured, the CSS does the rest.
 */
function useFitToWindow() {
  const pane = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const measure = () => {
      const el = pane.current;
      if (el) el.style.setProperty('--pane-top', `${Math.max(0, el.getBoundingClientRect().top + window.scrollY)}px`);
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  });
  return pane;
}

export function ConversationPane() {
  const { conversation } = useApp();
  const pane = useFitToWindow();
  const id = conversation.openId.value;
  // The operator's choice holds for the conversation they made it in; each one opens as the screen allows.
  const choice = useSignal<{ id: string | null; open: boolean } | null>(null);
  const caseOpen = { value: choice.value?.id === id ? choice.value.open : roomForCase() };
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
    <section ref={pane} class={`conversation${caseOpen.value ? ' with-case' : ''}`} aria-labelledby="conversation-title">
      <div class="conversation-head">
        <h2 id="conversation-title">{c.visitorName ?? 'Visitor'}</h2>
        <VisitorPresence conversation={c} />
        <LockBadge />
        <RatingBadge rating={c.lastRating} />
      </div>
      <ConversationToolbar caseOpen={caseOpen.value} onToggleCase={() => (choice.value = { id, open: !caseOpen.value })} />
      <div class="conversation-body">
        <div class="chat">
          <Transcript />
          <RatingNote />
          <Composer />
        </div>
        {caseOpen.value ? (
          <aside id="case-panel" class="case-panel" aria-label="Case details">
            <CasePackagePanel />
            <IntentForm />
            <AuditTrail />
            <VisitorDataActions />
          </aside>
        ) : (
          <div id="case-panel" hidden />
        )}
      </div>
    </section>
  );
}
