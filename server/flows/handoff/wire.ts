import type { AuditEntry } from '../../../shared/audit';
import type { Message as WireMessage, OperatorBadge, WaitEstimate } from '../../../shared/entities';
import type { ConversationSummary, InternalNote as WireNote, Callback as WireCallback } from '../../../shared/operator-protocol';
import type { CallbackOffer, VisitorConversationView } from '../../../shared/visitor-protocol';
import type { AuditRecord } from '../../entities/audit-record';
import type { Callback } from '../../entities/callback';
import type { Conversation } from '../../entities/conversation';
import type { InternalNote } from '../../entities/internal-note';
import type { Message } from '../../entities/message';
import type { Site } from '../../entities/site';
import { visitorTopic } from './visitor-texts';

// Stored documents -> wire shapes. The visitor view deliberately carries no
// operator ids, emails, internal reasons or case details.

export function toWireMessage(doc: Message): WireMessage {
  return {
    conversationId: doc.conversationId,
    seq: doc.seq,
    ...(doc.clientMessageId ? { clientMessageId: doc.clientMessageId } : {}),
    sender: doc.sender,
    text: doc.text,
    createdAt: doc.createdAt.toISOString(),
    ...(doc.attachment ? { attachment: doc.attachment } : {}),
  };
}

export function toSummary(doc: Conversation): ConversationSummary {
  return {
    conversationId: doc._id,
    siteId: doc.siteId,
    state: doc.state,
    version: doc.version,
    queue: doc.queue,
    owner: doc.owner,
    offer: offerOf(doc),
    urgency: doc.urgency,
    triggers: doc.triggers,
    reason: doc.casePackage?.summary[1] ?? doc.handoffTopic,
    intent: doc.intent,
    visitorName: doc.visitorName,
    lastMessagePreview: doc.lastMessagePreview,
    lastSeq: doc.lastSeq,
    createdAt: doc.createdAt.toISOString(),
    escalatedAt: doc.escalatedAt?.toISOString() ?? null,
    lastActivityAt: doc.lastActivityAt.toISOString(),
    resolvedAt: doc.resolvedAt?.toISOString() ?? null,
    lastResolvedAt: (doc.lastResolvedAt ?? doc.resolvedAt)?.toISOString() ?? null,
    lastRating: latestRating(doc),
    ...(doc.visitorPresence
      ? { visitorPresence: { online: doc.visitorPresence.online, since: doc.visitorPresence.since.toISOString() } }
      : {}),
  };
}

/** Only an offer still waiting on its operator; an older one left on a moved document means nothing. */
function liveOffer(doc: Conversation): Conversation['offer'] {
  return doc.state === 'owned' && doc.offer && doc.offer.operatorId === doc.owner?.operatorId ? doc.offer : null;
}

function offerOf(doc: Conversation): ConversationSummary['offer'] {
  const offer = liveOffer(doc);
  return offer && { operatorId: offer.operatorId, expiresAt: offer.expiresAt.toISOString() };
}

export function operatorBadge(name: string): OperatorBadge {
  const display = name.trim().split(/\s+/)[0] ?? name;
  return { name: display, initial: (display[0] ?? '?').toUpperCase() };
}

export interface LiveQueueInfo {
  position: number;
  estimate: WaitEstimate;
  callbackOffer: CallbackOffer | null;
}

export function toVisitorView(site: Site, stored: Conversation, queueInfo: LiveQueueInfo | null): VisitorConversationView {
  // An automatic offer not yet accepted is still a wait for the visitor: nobody has joined.
  const offered = liveOffer(stored) !== null;
  const doc: Conversation = offered ? { ...stored, state: 'queued', owner: null } : stored;
  return {
    conversationId: doc._id,
    state: doc.state,
    handoffTopic: doc.state === 'bot' ? null : visitorTopic(site, doc, doc.intent, doc.handoffTopic),
    missingFacts: doc.state === 'queued' ? doc.missingFacts : [],
    position: doc.state === 'queued' ? (queueInfo?.position ?? (offered ? 1 : null)) : null,
    estimate: doc.state === 'queued' ? (queueInfo?.estimate ?? null) : null,
    operator: doc.state === 'owned' && doc.owner ? operatorBadge(doc.owner.name) : null,
    callbackOffer: doc.state === 'queued' && !doc.callbackBooked ? (queueInfo?.callbackOffer ?? null) : null,
    callbackBooked: doc.callbackBooked,
    rated: doc.rating !== null,
  };
}

export function toAuditEntry(doc: AuditRecord): AuditEntry {
  return {
    auditId: doc._id,
    siteId: doc.siteId,
    conversationId: doc.conversationId,
    ...(doc.visitorId ? { visitorId: doc.visitorId } : {}),
    action: doc.action,
    actor: doc.actor,
    reasons: doc.reasons,
    evidence: doc.evidence,
    note: doc.note,
    from: doc.from,
    to: doc.to,
    at: doc.at.toISOString(),
    ...(doc.erased ? { erased: true } : {}),
  };
}

export function toWireCallback(doc: Callback): WireCallback {
  return {
    callbackId: doc._id,
    siteId: doc.siteId,
    conversationId: doc.conversationId,
    slot: doc.slot,
    contact: doc.contact,
    note: doc.note,
    visitorTimeZone: doc.visitorTimeZone,
    status: doc.status,
    createdAt: doc.createdAt.toISOString(),
    doneAt: doc.doneAt?.toISOString() ?? null,
    doneBy: doc.doneBy,
  };
}

/** The current rating, or the one the last rated episode kept (a reopened conversation's). */
function latestRating(doc: Conversation): { score: number; comment: string | null } | null {
  const rating = doc.rating ?? doc.episodes?.findLast((e) => e.rating !== null)?.rating ?? null;
  return rating ? { score: rating.score, comment: rating.comment } : null;
}

/** An internal note as operators receive it (never sent to a visitor). */
export function toWireNote(doc: InternalNote): WireNote {
  return {
    noteId: doc._id,
    conversationId: doc.conversationId,
    author: doc.author,
    text: doc.text,
    createdAt: doc.createdAt.toISOString(),
  };
}
