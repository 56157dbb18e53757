import type { Db } from 'mongodb';
import { assignmentLeasesStore } from './assignment-leases-store';
import { attachmentsStore } from './attachments-store';
import { auditStore } from './audit-store';
import { callbacksStore } from './callbacks-store';
import { createConversationCopies, withConversationCopies } from './conversation-copies';
import { type ConversationsStoreOptions, conversationsStore } from './conversations-store';
import { episodeRollupsStore } from './episode-rollups-store';
import { collectionsOf, ensureIndexes } from './database';
import { invitesStore } from './invites-store';
import { jobLeasesStore } from './job-leases-store';
import { loginFailuresStore } from './login-failures-store';
import { llmUsageStore } from './llm-usage-store';
import { messagesStore } from './messages-store';
import { notesStore } from './notes-store';
import { operatorsStore, sessionsStore } from './operators-store';
import { cachedSitesStore, createSiteCache } from './site-cache';
import { reviewMarksStore } from './review-marks-store';
import { sitesStore } from './sites-store';
import { visitorDataStore } from './visitor-data-store';
import { visitorsStore } from './visitors-store';
import { visitorSocketsStore } from './visitor-sockets-store';
import { webhookDeliveriesStore } from './webhook-deliveries-store';

/**
 * `siteCacheMs`: how long a cached site may be served without a read (0: no cache, every read goes
 * to the database); `conversations`: how the stamps of bot-answered messages are written behind.
 */
export function createStore(db: Db, options: { siteCacheMs?: number; conversations?: ConversationsStoreOptions } = {}) {
  const c = collectionsOf(db);
  const sites = sitesStore(c);
  return {
    db,
    /** Cached per instance; composition.ts invalidates it on the hub's config-changed event. */
    sites: cachedSitesStore(sites, createSiteCache(sites, options.siteCacheMs === undefined ? {} : { maxAgeMs: options.siteCacheMs })),
    operators: operatorsStore(c),
    sessions: sessionsStore(c),
    visitors: visitorsStore(c),
    visitorSockets: visitorSocketsStore(c.visitorSockets, c.presenceInstances),
    visitorData: visitorDataStore(c, db),
    /** With this instance's copies of the bot's conversations; composition.ts drops them on the hub's conversation_updated. */
    conversations: withConversationCopies(conversationsStore(c, options.conversations), createConversationCopies()),
    episodeRollups: episodeRollupsStore(c),
    reviewMarks: reviewMarksStore(c),
    messages: messagesStore(c),
    audit: auditStore(c),
    callbacks: callbacksStore(c),
    notes: notesStore(c),
    webhookDeliveries: webhookDeliveriesStore(c),
    loginFailures: loginFailuresStore(c),
    assignmentLeases: assignmentLeasesStore(c.assignmentLeases),
    jobLeases: jobLeasesStore(c.jobLeases),
    llmUsage: llmUsageStore(c),
    attachments: attachmentsStore(db),
    invites: invitesStore(c),
    ensureIndexes: () => ensureIndexes(c),
    async ping(): Promise<boolean> {
      try {
        await db.command({ ping: 1 }, { timeoutMS: 2000 });
        return true;
      } catch {
        return false;
      }
    },
  };
}

export type Store = ReturnType<typeof createStore>;
