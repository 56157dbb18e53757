import { signal } from '@preact/signals';
import type { ConversationSummary, PageReason } from '../../shared/operator-protocol';
import type { NotificationPermissionState, Notifier } from '../browser-notifier';
import { humanize } from '../../frontend-common/format';

export interface Notice {
  id: number;
  text: string;
  conversationId: string | null;
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

  function announce(text: string, conversationId: string | null = null) {
    const notice = { id: nextId++, text, conversationId };
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
      announce(`${title}${urgent}. ${who}${why}`, c.conversationId);
      notifier.show({ title, body: `${who}${why}`, tag: c.conversationId, onClick: () => openConversation(c.conversationId) });
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
