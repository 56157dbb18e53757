import * as z from 'zod/mini';
import { AuditEntry } from './audit';
import { CasePackage, FiredTrigger } from './case-package';
import { ConversationState, Message, VisitorContext, WaitEstimate } from './entities';
import { Callback, InternalNote } from './operator-protocol';

// A visitor's data, as an admin exports it (GET /api/sites/:siteId/visitors/:visitorId/export) and
// erases it (POST .../erase). Times are ISO 8601 strings. Baton stores no attachments: a visitor can
// only type text, so there is no attachments section.

export const VisitorIdParams = z.object({
  siteId: z.string().check(z.minLength(1), z.maxLength(64)),
  visitorId: z.string().check(z.minLength(1), z.maxLength(64)),
});
export type VisitorIdParams = z.infer<typeof VisitorIdParams>;

const Rating = z.object({ score: z.number(), comment: z.nullable(z.string()), at: z.string() });

/** One handoff episode (server/entities/episode.ts) with its times as strings. */
export const EpisodeExport = z.object({
  number: z.number(),
  startedBy: z.enum(['escalated', 'barged_in', 'resolved']),
  escalatedAt: z.nullable(z.string()),
  triggers: z.array(FiredTrigger),
  queue: z.nullable(z.string()),
  rule: z.nullable(z.string()),
  intent: z.nullable(z.string()),
  factsPresent: z.array(z.string()),
  factsMissing: z.array(z.string()),
  offeredAt: z.nullable(z.string()),
  claimedAt: z.nullable(z.string()),
  firstHumanReplyAt: z.nullable(z.string()),
  transfers: z.array(z.object({ at: z.string(), toQueue: z.nullable(z.string()), toOperatorId: z.nullable(z.string()) })),
  outcome: z.nullable(z.enum(['returned_to_bot', 'resolved', 'abandoned', 'callback'])),
  endedAt: z.nullable(z.string()),
  resolvedAt: z.nullable(z.string()),
  waitEstimateShown: z.nullable(WaitEstimate),
  actualWaitMs: z.nullable(z.number()),
  rating: z.nullable(Rating),
});
export type EpisodeExport = z.infer<typeof EpisodeExport>;

export const ConversationExport = z.object({
  conversationId: z.string(),
  state: ConversationState,
  queue: z.nullable(z.string()),
  visitorName: z.nullable(z.string()),
  visitorLocale: z.string(),
  intent: z.nullable(z.string()),
  handoffTopic: z.nullable(z.string()),
  facts: z.record(z.string(), z.string()),
  triggers: z.array(FiredTrigger),
  casePackage: z.nullable(CasePackage),
  rating: z.nullable(Rating),
  episodes: z.array(EpisodeExport),
  createdAt: z.string(),
  escalatedAt: z.nullable(z.string()),
  resolvedAt: z.nullable(z.string()),
  lastActivityAt: z.string(),
  /** Every message, visitor's, bot's and operators', in order. */
  messages: z.array(Message),
  /** The operators' internal notes about the conversation (never shown to the visitor), with author and time, in order. */
  internalNotes: z.array(InternalNote),
});
export type ConversationExport = z.infer<typeof ConversationExport>;

/** An outgoing webhook about one of the visitor's conversations, with the exact body sent. */
export const WebhookDeliveryExport = z.object({
  deliveryId: z.string(),
  conversationId: z.string(),
  event: z.string(),
  status: z.string(),
  body: z.string(),
  createdAt: z.string(),
});

/** A file the visitor or an operator sent in one of their conversations, with its bytes. */
export const AttachmentExport = z.object({
  attachmentId: z.string(),
  conversationId: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number(),
  uploadedBy: z.object({ kind: z.enum(['visitor', 'operator']), id: z.string() }),
  createdAt: z.string(),
  contentBase64: z.string(),
});
export type AttachmentExport = z.infer<typeof AttachmentExport>;

export const VisitorDataExport = z.object({
  format: z.literal('baton.visitor-data'),
  version: z.literal(1),
  exportedAt: z.string(),
  siteId: z.string(),
  visitor: z.object({
    visitorId: z.string(),
    /** What the site's page passed to identify(): its user id, name, email, tags and attributes (absent or null when not given). */
    identity: z.nullable(
      z.object({
        id: z.string(),
        name: z.optional(z.nullable(z.string())),
        email: z.optional(z.nullable(z.string())),
        tags: z.optional(z.nullable(z.array(z.string()))),
        attributes: z.optional(z.nullable(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])))),
      }),
    ),
    verified: z.boolean(),
    /** The page, referrer, language and time zone the widget reported last. */
    context: VisitorContext,
    createdAt: z.string(),
    lastSeenAt: z.string(),
    /** Set once the visitor's data was erased: what remains is this tombstone. */
    erasedAt: z.nullable(z.string()),
  }),
  conversations: z.array(ConversationExport),
  callbacks: z.array(Callback),
  /** Audit entries about the visitor's conversations or about the visitor (exports, erasure). */
  audit: z.array(AuditEntry),
  webhookDeliveries: z.array(WebhookDeliveryExport),
  /** The files of their conversations (GridFS), bytes included. */
  attachments: z.array(AttachmentExport),
});
export type VisitorDataExport = z.infer<typeof VisitorDataExport>;

/** What an erasure removed; a second erasure of the same visitor removes nothing and says so. */
export const VisitorErasure = z.object({
  visitorId: z.string(),
  alreadyErased: z.boolean(),
  conversations: z.number(),
  messages: z.number(),
  callbacks: z.number(),
  webhookDeliveries: z.number(),
  auditEntries: z.number(),
  erasedAt: z.string(),
});
export type VisitorErasure = z.infer<typeof VisitorErasure>;
export const EraseVisitorResponse = z.object({ erasure: VisitorErasure });
export type EraseVisitorResponse = z.infer<typeof EraseVisitorResponse>;
