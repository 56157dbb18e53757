import type { ConversationSummary } from '../../shared/operator-protocol';
import { formatWait } from '../../frontend-common/format';
import { useApp } from './app-context';

/**
 * Whether the visitor still has the site open: a wait nobody can answer any more ("Left 6 min ago")
 * is told apart from one where the visitor is still there. Nothing is shown until it is known.
 */
export function VisitorPresence({ conversation: c }: { conversation: ConversationSummary }) {
  const { now } = useApp();
  const presence = c.visitorPresence;
  if (!presence || c.state === 'resolved') return null;
  if (presence.online) return <span class="presence-badge online">On the page</span>;
  const ago = formatWait(now.value - Date.parse(presence.since));
  return <span class="presence-badge left">Left {ago} ago</span>;
}
