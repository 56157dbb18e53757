import type { FlowDeps } from '../composition';
import { recordAudit } from '../flows/handoff/audit';

const DAY_MS = 24 * 60 * 60_000;
/** Conversations deleted per batch: a first run over a large backlog goes in steps, none of them long. */
const BATCH = 200;

export interface RetentionRun {
  conversations: number;
  messages: number;
  visitors: number;
}

/**
 * Deletes, for every site, the resolved conversations whose last activity is older than the site's
 * retention period (config.retention.resolvedDays), with their messages, callbacks and webhook
 * deliveries, and the visitors left with no conversation; audit entries stay, their quoted words
 * removed. Each site that lost something gets one `retention_applied` audit entry. Idempotent.
 */
export async function applyRetention(deps: FlowDeps): Promise<RetentionRun> {
  const data = deps.store.visitorData;
  const total: RetentionRun = { conversations: 0, messages: 0, visitors: 0 };
  for (const { siteId, resolvedDays } of await data.retentionPeriods()) {
    const before = new Date(deps.clock.now().getTime() - resolvedDays * DAY_MS);
    const site: RetentionRun = { conversations: 0, messages: 0, visitors: 0 };
    for (;;) {
      const expired = await data.expiredResolved(siteId, before, BATCH);
      if (expired.length === 0) break;
      const ids = expired.map((c) => c._id);
      const removed = await data.deleteConversationData(ids);
      await data.tombstoneAudit(ids);
      site.conversations += await data.deleteConversations(expired);
      site.messages += removed.messages;
      site.visitors += await data.deleteVisitorsWithoutConversations(expired.map((c) => c.visitorId));
      for (const id of ids) deps.messageWindows.forget(id);
      if (expired.length < BATCH) break;
    }
    site.visitors += await data.deleteIdleVisitors(siteId, before, 10 * BATCH);
    if (site.conversations + site.visitors === 0) continue;
    await recordAudit(deps, {
      siteId,
      conversationId: null,
      action: 'retention_applied',
      actor: { kind: 'system' },
      reasons: [`${resolvedDays} days`],
      note: `${site.conversations} resolved conversations, ${site.messages} messages and ${site.visitors} visitors older than ${resolvedDays} days deleted`,
    });
    total.conversations += site.conversations;
    total.messages += site.messages;
    total.visitors += site.visitors;
  }
  return total;
}
