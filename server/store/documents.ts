import type { Actor, AuditAction } from '../../shared/audit';
import type { CasePackage, FiredTrigger } from '../../shared/case-package';
import type { CallbackContact, CallbackSlot, ConversationState, Identity, SenderKind, TriggerId, Urgency, VisitorContext } from '../../shared/entities';
import type { HandoffEvent } from '../../shared/handoff-webhook';
import type { Presence, Role } from '../../shared/operator-protocol';
import type { SiteConfig } from '../../shared/site-config';

// The stored shapes. String ids everywhere (uuid), so ids never leak ObjectId
// semantics into the wire protocol and tests can guess-proof them.

export interface SiteDoc {
  _id: string;
  siteKey: string;
  name: string;
  /** HMAC key for identity verification and webhook signatures; never sent to browsers. */
  secret: string;
  config: SiteConfig;
  configVersion: number;
  updatedAt: Date;
}

export interface OperatorDoc {
  _id: string;
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  siteIds: string[];
  capacity: number;
  languages: string[];
  skills: string[];
  presence: Presence;
  /** Set by the operator's own toggle: reopening the inbox does not override a chosen "away". */
  presenceByChoice: boolean;
  presenceChangedAt: Date;
}

export interface SessionDoc {
  _id: string; // sha256 of the cookie value
  operatorId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface VisitorDoc {
  _id: string;
  siteId: string;
  tokenHash: string;
  identity: Omit<Identity, 'userHash'> | null;
  verified: boolean;
  context: VisitorContext;
  createdAt: Date;
  lastSeenAt: Date;
}

export interface BotMeta {
  confidence: number | null;
  fallback: boolean;
  toolError: boolean;
  intent: string | null;
}

export interface MessageDoc {
  _id: string;
  conversationId: string;
  siteId: string;
  seq: number;
  /** conversationId + ':' + client message id (or a fresh id): unique, so a resend stores once. */
  dedupeKey: string;
  clientMessageId: string | null;
  sender: { kind: SenderKind; id?: string; name?: string };
  text: string;
  bot: BotMeta | null;
  createdAt: Date;
}

export interface ConversationDoc {
  _id: string;
  siteId: string;
  visitorId: string;
  state: ConversationState;
  version: number;
  queue: string | null;
  owner: { operatorId: string; name: string } | null;
  lastSeq: number;
  /** Trigger evaluation reads only turns after this seq: a conversation returned to the bot starts fresh. */
  botSinceSeq: number;
  urgency: Urgency;
  triggers: TriggerId[];
  firedTriggers: FiredTrigger[];
  handoffTopic: string | null;
  intent: string | null;
  missingFacts: string[];
  facts: Record<string, string>;
  casePackage: CasePackage | null;
  callbackBooked: { slot: CallbackSlot | null; contactKind: 'phone' | 'email' } | null;
  rating: { score: number; comment: string | null; at: Date } | null;
  /** An automatic assignment waiting for the operator to accept it. */
  offer: { operatorId: string; expiresAt: Date } | null;
  /** Operators who let an offer of this conversation lapse: not offered it again. */
  declinedBy: string[];
  visitorName: string | null;
  visitorLocale: string;
  lastMessagePreview: string | null;
  createdAt: Date;
  escalatedAt: Date | null;
  claimedAt: Date | null;
  resolvedAt: Date | null;
  lastActivityAt: Date;
  lastVisitorActivityAt: Date;
}

export interface AuditDoc {
  _id: string;
  siteId: string;
  conversationId: string | null;
  action: AuditAction;
  actor: Actor;
  reasons: string[];
  evidence: string[];
  note: string | null;
  from: ConversationState | null;
  to: ConversationState | null;
  at: Date;
}

export interface CallbackDoc {
  _id: string;
  siteId: string;
  conversationId: string;
  slot: CallbackSlot | null;
  contact: CallbackContact;
  note: string | null;
  visitorTimeZone: string | null;
  status: 'pending' | 'done';
  createdAt: Date;
  doneAt: Date | null;
  doneBy: string | null;
}

/** One per conversation version: `${conversationId}#${version}`; its unique _id settles racing transitions. */
export interface TransitionDoc {
  _id: string;
  conversationId: string;
  from: ConversationState;
  to: ConversationState;
  at: Date;
}

export type WebhookDeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

/** One outgoing handoff webhook: the outbox row while it waits, the delivery log once settled. */
export interface WebhookDeliveryDoc {
  /** The delivery id the receiver sees in x-baton-delivery, the same on every attempt. */
  _id: string;
  siteId: string;
  conversationId: string;
  event: HandoffEvent;
  /** The exact JSON sent on every attempt. */
  body: string;
  /** Attempts claimed so far; a claim whose sender died counts too, so a poison row cannot loop forever. */
  attempt: number;
  status: WebhookDeliveryStatus;
  nextAttemptAt: Date;
  /** While sending: after this, the sender is presumed dead and the attempt may be claimed again. */
  leaseUntil: Date | null;
  /** Never the URL: webhook URLs are credentials. */
  lastProblem: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The claims ledger: its unique _id (`deliveryId#attempt`) lets one sender, and only one, take an attempt. */
export interface WebhookAttemptDoc {
  _id: string;
  deliveryId: string;
  attempt: number;
  at: Date;
}
