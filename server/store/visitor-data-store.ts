import type { Db } from 'mongodb';
import { RETENTION_DAYS } from '../../shared/site-config';
import type { Collections } from './database';
import type { AuditDoc, CallbackDoc, ConversationDoc, InternalNoteDoc, MessageDoc, VisitorDoc, WebhookDeliveryDoc } from './documents';

/** Everything stored about one visitor of one site. */
export interface VisitorRecords {
  visitor: VisitorDoc | null;
  conversations: ConversationDoc[];
  messages: MessageDoc[];
  callbacks: CallbackDoc[];
  audit: AuditDoc[];
  webhookDeliveries: WebhookDeliveryDoc[];
  /** What operators noted about their conversations for each other (they may name or describe the visitor). */
  internalNotes: InternalNoteDoc[];
}

/** What an audit entry keeps of a note once the person it may name is erased. */
export const ERASED_NOTE = '[erased]';

/** The event bus's collection (realtime/event-bus.ts): for up to a minute it holds the events it carried, texts included. */
const BUS_EVENTS = 'events';

/**
 * Reads and deletions across collections for a visitor's export, erasure and retention. Updates
 * to a conversation go through the conversations store (its per-conversation lock); the rest is here.
 */
export function visitorDataStore(c: Collections, db: Db) {
  const idsOf = (docs: { _id: string }[]) => docs.map((d) => d._id);

  async function deleteDeliveries(conversationIds: string[]): Promise<number> {
    const rows = await c.webhookDeliveries.find({ conversationId: { $in: conversationIds } }, { projection: { attempt: 1 } }).toArray();
    if (rows.length === 0) return 0;
    // Attempt rows are keyed `deliveryId#attempt` (webhook-deliveries-store.ts), attempts first: a crash in between leaves no orphans.
    await c.webhookAttempts.deleteMany({
      _id: { $in: rows.flatMap((d) => Array.from({ length: d.attempt }, (_, i) => `${d._id}#${i + 1}`)) },
    });
    return (await c.webhookDeliveries.deleteMany({ _id: { $in: idsOf(rows) } })).deletedCount;
  }

  /** Visitors of these ids with no conversation left: retention removes them whole. */
  async function deleteVisitorsWithoutConversations(visitorIds: string[]): Promise<number> {
    let deleted = 0;
    for (const visitorId of new Set(visitorIds)) {
      if ((await c.conversations.countDocuments({ visitorId })) > 0) continue;
      deleted += (await c.visitors.deleteOne({ _id: visitorId })).deletedCount;
    }
    return deleted;
  }

  /** Their files (GridFS bucket `attachments`, store/attachments-store.ts): chunks first, so no file entry outlives its bytes' deletion half-done. */
  async function deleteAttachments(conversationIds: string[]): Promise<number> {
    const files = db.collection<{ _id: string }>('attachments.files');
    const ids = idsOf(await files.find({ 'metadata.conversationId': { $in: conversationIds } }, { projection: { _id: 1 } }).toArray());
    if (ids.length === 0) return 0;
    await db.collection<{ files_id: string }>('attachments.chunks').deleteMany({ files_id: { $in: ids } });
    return (await files.deleteMany({ _id: { $in: ids } })).deletedCount;
  }

  return {
    deleteVisitorsWithoutConversations,

    async gather(siteId: string, visitorId: string): Promise<VisitorRecords> {
      const [visitor, conversations] = await Promise.all([
        c.visitors.findOne({ _id: visitorId, siteId }),
        c.conversations.find({ siteId, visitorId }).sort({ createdAt: 1 }).toArray(),
      ]);
      const ids = idsOf(conversations);
      const [messages, callbacks, audit, webhookDeliveries, internalNotes] = await Promise.all([
        c.messages
          .find({ conversationId: { $in: ids } })
          .sort({ conversationId: 1, seq: 1 })
          .toArray(),
        c.callbacks
          .find({ conversationId: { $in: ids } })
          .sort({ createdAt: 1 })
          .toArray(),
        c.audit
          .find({ siteId, $or: [{ conversationId: { $in: ids } }, { visitorId }] })
          .sort({ at: 1 })
          .toArray(),
        c.webhookDeliveries
          .find({ conversationId: { $in: ids } })
          .sort({ createdAt: 1 })
          .toArray(),
        c.internalNotes
          .find({ conversationId: { $in: ids } })
          .sort({ createdAt: 1 })
          .toArray(),
      ]);
      return { visitor, conversations, messages, callbacks, audit, webhookDeliveries, internalNotes };
    },

    /** Deletes what only exists for these conversations' people: messages, attachments, internal notes (they may name them), callbacks, webhook deliveries and their attempts. */
    async deleteConversationData(conversationIds: string[]): Promise<{ messages: number; callbacks: number; webhookDeliveries: number }> {
      if (conversationIds.length === 0) return { messages: 0, callbacks: 0, webhookDeliveries: 0 };
      const filter = { conversationId: { $in: conversationIds } };
      const [messages, callbacks, webhookDeliveries] = await Promise.all([
        c.messages.deleteMany(filter).then((r) => r.deletedCount),
        deleteAttachments(conversationIds),
        c.callbacks.deleteMany(filter).then((r) => r.deletedCount),
        deleteDeliveries(conversationIds),
        c.internalNotes.deleteMany(filter),
      ]).then(([m, _files, cb, wd]) => [m, cb, wd] as const);
      return { messages, callbacks, webhookDeliveries };
    },

    /**
     * The one change the audit trail ever takes: entries about an erased person keep who did what
     * and when, but lose the quoted words (evidence) and the free-text note. Returns how many changed.
     */
    async tombstoneAudit(conversationIds: string[]): Promise<number> {
      if (conversationIds.length === 0) return 0;
      const fresh = { conversationId: { $in: conversationIds }, erased: { $ne: true } };
      await c.audit.updateMany({ ...fresh, note: { $ne: null } }, { $set: { note: ERASED_NOTE } });
      return (await c.audit.updateMany(fresh, { $set: { evidence: [], erased: true } })).modifiedCount;
    },

    /** The visitor document as a tombstone: no identity, context or working token (`tokenHash` is a fresh random value). */
    async tombstoneVisitor(visitorId: string, tokenHash: string, at: Date): Promise<void> {
      await c.visitors.updateOne({ _id: visitorId }, { $set: { identity: null, verified: false, context: {}, tokenHash, erasedAt: at } });
    },

    /**
     * Deletes the conversations, then their rows of the transitions ledger (`conversationId#version`,
     * conversations-store.ts) and their Insights rows (the day counters, which name nobody, stay).
     */
    async deleteConversations(conversations: Pick<ConversationDoc, '_id' | 'version'>[]): Promise<number> {
      const deleted = (await c.conversations.deleteMany({ _id: { $in: idsOf(conversations) } })).deletedCount;
      await c.episodeRows.deleteMany({ conversationId: { $in: idsOf(conversations) } });
      const ledger = conversations.flatMap((conv) => Array.from({ length: conv.version }, (_, i) => `${conv._id}#${i + 1}`));
      if (ledger.length > 0) await c.transitions.deleteMany({ _id: { $in: ledger } });
      return deleted;
    },

    /** Every site's retention period, in days. */
    async retentionPeriods(): Promise<{ siteId: string; resolvedDays: number }[]> {
      const sites = await c.sites.find({}, { projection: { 'config.retention': 1 } }).toArray();
      return sites.map((s) => ({ siteId: s._id, resolvedDays: s.config?.retention?.resolvedDays ?? RETENTION_DAYS.default }));
    },

    /** Visitors of a site last seen before `before` with no conversation left (a widget opened, nothing said, or all expired). */
    async deleteIdleVisitors(siteId: string, before: Date, limit: number): Promise<number> {
      const idle = await c.visitors
        .find({ siteId, lastSeenAt: { $lt: before } }, { projection: { _id: 1 } })
        .limit(limit)
        .toArray();
      return deleteVisitorsWithoutConversations(idsOf(idle));
    },

    /** Resolved conversations of a site whose last activity is before `before`, oldest first, at most `limit` (the inbox's list index serves it). */
    expiredResolved(siteId: string, before: Date, limit: number): Promise<ConversationDoc[]> {
      return c.conversations
        .find({ siteId, state: 'resolved', lastActivityAt: { $lt: before } })
        .sort({ lastActivityAt: 1 })
        .limit(limit)
        .toArray();
    },

    /**
     * Blanks the event-bus events that mention any of `needles` (a visitor id, conversation ids):
     * they hold texts for up to a minute. The seq stays taken, so every tail moves past it; the
     * payload `{ kind: 'erased' }` delivers nothing (bus-hub.ts). The collection is kept to a handful of rows.
     */
    async scrubBusEvents(needles: string[]): Promise<number> {
      if (needles.length === 0) return 0;
      const events = db.collection<{ _id: number; payload: unknown }>(BUS_EVENTS);
      const naming = (await events.find({}).toArray()).filter((e) => {
        const json = JSON.stringify(e.payload);
        return needles.some((n) => json.includes(n));
      });
      if (naming.length === 0) return 0;
      const result = await events.updateMany({ _id: { $in: naming.map((e) => e._id) } }, { $set: { payload: { kind: 'erased' } } });
      return result.modifiedCount;
    },
  };
}

export type VisitorDataStore = ReturnType<typeof visitorDataStore>;
