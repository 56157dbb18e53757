import { signal } from '@preact/signals';
import type { ConversationSummary } from '../../../shared/operator-protocol';
import type { NotificationPermissionState, Notifier } from '../browser-notifier';
import { humanize } from '../format';

export interface Notice {
  id: number;
  text: string;
  conversationId: string | null;
}

const KEEP = 5;

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
    handoffStarted(c: ConversationSummary, queueName: string | null) {
      const where = queueName ? ` in ${queueName}` : '';
      const why = c.reason ?? (c.triggers[0] ? humanize(c.triggers[0]) : 'no reason given');
      const urgent = c.urgency === 'urgent' || c.urgency === 'high' ? ` (${c.urgency})` : '';
      const who = c.visitorName ? `${c.visitorName}: ` : '';
      const text = `New handoff${where}${urgent}. ${who}${why}`;
      announce(text, c.conversationId);
      notifier.show({
        title: `New handoff${where}`,
        body: `${who}${why}`,
        tag: c.conversationId,
        onClick: () => openConversation(c.conversationId),
      });
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
