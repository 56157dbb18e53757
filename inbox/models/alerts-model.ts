import { signal } from '@preact/signals';
import type { ConversationSummary, PageReason } from '../../shared/operator-protocol';
import type { NotificationPermissionState, Notifier } from '../browser-notifier';
import { humanize } from '../../frontend-common/format';

export interface Notice {
  id: number;
  text: string;
  conversationId: string | null;
  /** Why the operator was paged, when they were: the notice goes once that no longer holds. */
  reason?: PageReason;
}

/** Whether a page still asks something of this operator, now that the conversation is `c`. */
export function stillCalls(reason: PageReason, c: ConversationSummary, meId: string): boolean {
  switch (reason) {
    case 'handoff':
      return c.state === 'queued';
    case 'offer':
      return c.state === 'owned' && c.offer?.operatorId === meId;
    case 'transfer':
      return (c.state === 'owned' || c.state === 'queued') && (c.state === 'queued' || c.owner?.operatorId === meId);
  }
}

const KEEP = 5;

const pageTitles: Record<PageReason, string> = {
  handoff: 'New handoff',
  offer: 'Offered to you',
  transfer: 'Transferred to you',
};

export function createAlertsModel(notifier: Notifier, openConversation: (conversationId: string) => void) {
  const notices = signal<Notice[]>([]);
  const permission = signal<NotificationPermissionState>(notifier.permission());
  /** What the status region reads out; dismissing a notice must not re-announce an older one. */
  const latest = signal<Notice | null>(null);
  let nextId = 1;

  function announce(text: string, conversationId: string | null = null, reason?: PageReason) {
    const notice: Notice = { id: nextId++, text, conversationId, ...(reason ? { reason } : {}) };
    notices.value = [...notices.peek(), notice].slice(-KEEP);
    latest.value = notice;
  }

  return {
    notices,
    latest,
    permission,
    announce,
    /** This operator is asked to look at a conversation: a handoff to their queue, an offer or a transfer to them. */
    paged(reason: PageReason, c: ConversationSummary, queueName: string | null) {
      const where = queueName ? ` in ${queueName}` : '';
      const why = c.reason ?? (c.triggers[0] ? humanize(c.triggers[0]) : 'no reason given');
      const urgent = c.urgency === 'urgent' || c.urgency === 'high' ? ` (${c.urgency})` : '';
      const who = c.visitorName ? `${c.visitorName}: ` : '';
      const title = `${pageTitles[reason]}${where}`;
      // One notice per conversation: an offer after its handoff replaces the handoff's notice.
      notices.value = notices.peek().filter((n) => n.conversationId !== c.conversationId);
      announce(`${title}${urgent}. ${who}${why}`, c.conversationId, reason);
      notifier.show({ title, body: `${who}${why}`, tag: c.conversationId, onClick: () => openConversation(c.conversationId) });
    },
    /** A page that no longer holds (someone claimed the handoff, the offer lapsed, it was resolved) goes. */
    settle(c: ConversationSummary, meId: string) {
      const current = notices.peek();
      const kept = current.filter((n) => n.conversationId !== c.conversationId || !n.reason || stillCalls(n.reason, c, meId));
      if (kept.length !== current.length) notices.value = kept;
    },
    dismiss(id: number) {
      notices.value = notices.peek().filter((n) => n.id !== id);
    },
    async enableDesktopNotifications() {
      permission.value = await notifier.requestPermission();
    },
  };
}

export type AlertsModel = ReturnType<typeof createAlertsModel>;
