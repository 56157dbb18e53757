import type { ConversationExport, EpisodeExport, VisitorDataExport } from '../../../shared/visitor-data';
import type { Attachment } from '../../entities/attachment';
import type { Conversation } from '../../entities/conversation';
import type { HandoffEpisode } from '../../entities/episode';
import type { VisitorRecords } from '../../store/visitor-data-store';
import { toAuditEntry, toWireCallback, toWireMessage, toWireNote } from '../handoff/wire';

// Stored documents -> the export's shape (shared/visitor-data.ts): every date as an ISO string.

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
const rating = (r: { score: number; comment: string | null; at: Date } | null) => (r ? { ...r, at: r.at.toISOString() } : null);

function episodeExport(e: HandoffEpisode): EpisodeExport {
  return {
    ...e,
    escalatedAt: iso(e.escalatedAt),
    offeredAt: iso(e.offeredAt),
    claimedAt: iso(e.claimedAt),
    firstHumanReplyAt: iso(e.firstHumanReplyAt),
    transfers: e.transfers.map((t) => ({ ...t, at: t.at.toISOString() })),
    endedAt: iso(e.endedAt),
    resolvedAt: iso(e.resolvedAt),
    rating: rating(e.rating),
  };
}

function conversationExport(c: Conversation, records: VisitorRecords): ConversationExport {
  return {
    conversationId: c._id,
    state: c.state,
    queue: c.queue,
    visitorName: c.visitorName,
    visitorLocale: c.visitorLocale,
    intent: c.intent,
    handoffTopic: c.handoffTopic,
    facts: c.facts,
    triggers: c.firedTriggers,
    casePackage: c.casePackage,
    rating: rating(c.rating),
    episodes: (c.episodes ?? []).map(episodeExport),
    createdAt: c.createdAt.toISOString(),
    escalatedAt: iso(c.escalatedAt),
    resolvedAt: iso(c.resolvedAt),
    lastActivityAt: c.lastActivityAt.toISOString(),
    messages: records.messages.filter((m) => m.conversationId === c._id).map(toWireMessage),
    internalNotes: records.internalNotes.filter((n) => n.conversationId === c._id).map(toWireNote),
  };
}

export interface AttachmentWithBytes {
  attachment: Attachment;
  bytes: Buffer;
}

export function toVisitorDataExport(
  siteId: string,
  visitorId: string,
  records: VisitorRecords,
  files: AttachmentWithBytes[],
  now: Date,
): VisitorDataExport {
  const v = records.visitor;
  return {
    format: 'baton.visitor-data',
    version: 1,
    exportedAt: now.toISOString(),
    siteId,
    visitor: {
      visitorId,
      identity: v?.identity ?? null,
      verified: v?.verified ?? false,
      context: v?.context ?? {},
      createdAt: (v?.createdAt ?? records.conversations[0]?.createdAt ?? now).toISOString(),
      lastSeenAt: (v?.lastSeenAt ?? now).toISOString(),
      erasedAt: iso(v?.erasedAt),
    },
    conversations: records.conversations.map((c) => conversationExport(c, records)),
    callbacks: records.callbacks.map(toWireCallback),
    audit: records.audit.map(toAuditEntry),
    webhookDeliveries: records.webhookDeliveries.map((d) => ({
      deliveryId: d._id,
      conversationId: d.conversationId,
      event: d.event,
      status: d.status,
      body: d.body,
      createdAt: d.createdAt.toISOString(),
    })),
    attachments: files.map(({ attachment: a, bytes }) => ({
      attachmentId: a._id,
      conversationId: a.conversationId,
      name: a.name,
      mediaType: a.mediaType,
      size: a.size,
      uploadedBy: a.uploadedBy,
      createdAt: a.createdAt.toISOString(),
      contentBase64: bytes.toString('base64'),
    })),
  };
}
