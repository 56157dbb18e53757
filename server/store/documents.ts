import type { InternalNote } from '../entities/internal-note';
import type { ConversationState } from '../../shared/entities';
import type { Site } from '../entities/site';
import type { Operator, OperatorSession } from '../entities/operator';
import type { Visitor } from '../entities/visitor';
import type { BotMeta, Message } from '../entities/message';
import type { Conversation } from '../entities/conversation';
import type { AuditRecord } from '../entities/audit-record';
import type { Callback } from '../entities/callback';
import type { RollupKey } from '../domain/insights/rollup';
import type { WebhookDelivery, WebhookDeliveryStatus } from '../entities/webhook-delivery';
import type { Invite } from '../entities/invite';

// The stored shapes: the entities as they are written, plus what only the store may hold.
// String ids everywhere (uuid), so ids never leak ObjectId semantics into the wire protocol.
export type SiteDoc = Site;
/** The password hash stays here and in security/: reads hand out an Operator without it. */
export interface OperatorDoc extends Operator {
  passwordHash: string;
}
export type SessionDoc = OperatorSession;
export type VisitorDoc = Visitor;
export type MessageDoc = Message;
export type ConversationDoc = Conversation;
export type AuditDoc = AuditRecord;
export type CallbackDoc = Callback;
export type InternalNoteDoc = InternalNote;
export type WebhookDeliveryDoc = WebhookDelivery;
export type InviteDoc = Invite;
export type { BotMeta, WebhookDeliveryStatus };

/** One per conversation version: `${conversationId}#${version}`; its unique _id settles racing transitions. */
export interface TransitionDoc {
  _id: string;
  conversationId: string;
  from: ConversationState;
  to: ConversationState;
  at: Date;
}

/** The claims ledger: its unique _id (`deliveryId#attempt`) lets one sender, and only one, take an attempt. */
export interface WebhookAttemptDoc {
  _id: string;
  deliveryId: string;
  attempt: number;
  at: Date;
}

/** One site's AI agent use on one UTC day: `_id` is `siteId#YYYY-MM-DD`. */
export interface LlmUsageDoc {
  _id: string;
  siteId: string;
  day: string;
  requests: number;
  tokens: number;
}

export interface LoginFailuresDoc {
  /** The normalised email (shared/email.ts), known to the operators collection or not. */
  _id: string;
  failures: number;
  lockedUntil: Date | null;
  updatedAt: Date;
}

/** One Insights counter row (domain/insights/rollup.ts): its dimensions, then n_/s_/h_ counters. */
export type EpisodeRollupDoc = RollupKey & { _id: string } & Record<string, unknown>;

/** One admin's verdict on one sampled episode; marking again replaces it (each mark is audited). */
export interface ReviewMarkDoc {
  /** The episode: `${conversationId}#${number}`. */
  _id: string;
  siteId: string;
  conversationId: string;
  episode: number;
  trigger: string;
  queue: string;
  /** The day (UTC) the episode started: Insights counts the marks of the days it shows. */
  day: string;
  week: string;
  verdict: 'right' | 'wrong';
  operatorId: string;
  by: string;
  at: Date;
  /** The label of the site example it became; no visitor words are kept here. */
  example: { label: string } | null;
}
