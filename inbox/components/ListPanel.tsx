import { useRef } from 'preact/hooks';
import type { InboxView } from '../../shared/http';
import { ConversationRow } from './ConversationRow';
import { LoadMore } from './LoadMore';
import { QueueFilter } from './QueueFilter';
import { SearchForm } from './SearchForm';
import { SiteSwitcher } from './SiteSwitcher';
import { useApp } from './app-context';

const titles: Record<InboxView, string> = {
  awaiting: 'Awaiting handoff',
  live: 'Live',
  mine: 'Mine',
  resolved: 'Resolved',
};

const empty: Record<InboxView, string> = {
  awaiting: 'Nobody is waiting for a person.',
  live: 'No active conversations.',
  mine: 'You own no conversations.',
  resolved: 'No resolved conversations match.',
};

export function ListPanel({ view }: { view: InboxView }) {
  const { inbox, conversation } = useApp();
  const items = inbox.visible.value;
  const openId = conversation.openId.value;
  const list = useRef<HTMLUListElement>(null);
  return (
    <section class="list-panel" aria-labelledby="list-title">
      <div class="list-head">
        <h2 id="list-title">{titles[view]}</h2>
        <SiteSwitcher />
        <QueueFilter />
      </div>
      {view === 'resolved' ? <SearchForm /> : null}
      {inbox.error.value ? (
        <p class="error" role="alert">
          {inbox.error.value}{' '}
          <button type="button" onClick={() => void inbox.reload()}>
            Try again
          </button>
        </p>
      ) : null}
      {inbox.loading.value && items.length === 0 ? <p class="muted">Loading…</p> : null}
      {!inbox.loading.value && items.length === 0 && !inbox.error.value ? <p class="muted">{empty[view]}</p> : null}
      <ul ref={list} class="rows" aria-label={`${titles[view]} conversations`}>
        {items.map((c) => (
          <ConversationRow key={c.conversationId} conversation={c} view={view} selected={c.conversationId === openId} />
        ))}
      </ul>
      <LoadMore view={view} list={list} />
    </section>
  );
}
