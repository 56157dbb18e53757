import { useEffect, useRef } from 'preact/hooks';
import type { InboxView } from '../../shared/http';
import type { ConversationSummary } from '../../shared/operator-protocol';
import { formatTime, humanize } from '../../frontend-common/format';
import { formatRoute } from '../route';
import { waitingSince } from '../models/view-rules';
import { RatingBadge } from './RatingBadge';
import { VisitorPresence } from './VisitorPresence';
import { WaitTime } from './WaitTime';
import { useApp } from './app-context';

interface Props {
  conversation: ConversationSummary;
  view: InboxView;
  selected: boolean;
}

function stateText(c: ConversationSummary, meId: string): string {
  switch (c.state) {
    case 'bot':
      return 'Bot is answering';
    case 'queued':
      return 'Waiting for a person';
    case 'owned':
      if (c.offer) return c.offer.operatorId === meId ? 'Offered to you' : `Offered to ${c.owner?.name ?? 'an operator'}`;
      return `With ${c.owner?.name ?? 'an operator'}`;
    case 'callback_requested':
      return 'Callback requested';
    case 'resolved':
      return c.resolvedAt ? `Resolved ${formatTime(c.resolvedAt)}` : 'Resolved';
  }
}

export function ConversationRow({ conversation: c, view, selected }: Props) {
  const { directory, session } = useApp();
  const link = useRef<HTMLAnchorElement>(null);
  // j/k move the selection without moving focus: keep the selected row in sight.
  useEffect(() => {
    if (selected) link.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  const reason = c.reason ?? (c.triggers[0] ? humanize(c.triggers[0]) : null);
  return (
    <li class={`row urgency-${c.urgency}`}>
      <a ref={link} href={formatRoute({ section: view, conversationId: c.conversationId })} aria-current={selected ? 'true' : undefined}>
        <span class="row-title">
          <strong>{c.visitorName ?? 'Visitor'}</strong>
          {c.urgency === 'urgent' || c.urgency === 'high' ? <span class={`badge ${c.urgency}`}>{c.urgency}</span> : null}
        </span>
        {reason ? <span class="row-reason">{reason}</span> : null}
        <span class="row-meta">
          {c.queue ? <span>Queue: {directory.queueName(c.queue)}</span> : null}
          {view === 'awaiting' ? <WaitTime since={waitingSince(c)} /> : <span>{stateText(c, session.meId.value)}</span>}
          <RatingBadge rating={c.lastRating} />
          <VisitorPresence conversation={c} />
        </span>
        {c.lastMessagePreview ? <span class="row-preview">{c.lastMessagePreview}</span> : null}
      </a>
    </li>
  );
}
