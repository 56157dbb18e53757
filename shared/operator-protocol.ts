import * as z from 'zod/mini';
import { CallbackContact, CallbackSlot, ConversationState, Message, TriggerId, Urgency } from './entities';
import { ErrorBody } from './errors';

export const Presence = z.enum(['online', 'away', 'offline']);
export type Presence = z.infer<typeof Presence>;

export const Role = z.enum(['operator', 'admin']);
export type Role = z.infer<typeof Role>;

export const OperatorIdentity = z.object({
  operatorId: z.string(),
  name: z.string(),
  email: z.string(),
  role: Role,
  siteIds: z.array(z.string()),
  capacity: z.number(),
  presence: Presence,
});
export type OperatorIdentity = z.infer<typeof OperatorIdentity>;

export const Owner = z.object({ operatorId: z.string(), name: z.string() });

/** An automatic assignment not yet accepted: `owner` names the operator it is offered to until then. */
export const Offer = z.object({ operatorId: z.string(), expiresAt: z.string() });
export type Offer = z.infer<typeof Offer>;

export const ConversationSummary = z.object({
  conversationId: z.string(),
  siteId: z.string(),
  state: ConversationState,
  version: z.number(),
  queue: z.nullable(z.string()),
  owner: z.nullable(Owner),
  offer: z.nullable(Offer),
  urgency: Urgency,
  triggers: z.array(TriggerId),
  reason: z.nullable(z.string()),
  intent: z.nullable(z.string()),
  visitorName: z.nullable(z.string()),
  lastMessagePreview: z.nullable(z.string()),
  lastSeq: z.number(),
  createdAt: z.string(),
  escalatedAt: z.nullable(z.string()),
  lastActivityAt: z.string(),
  resolvedAt: z.nullable(z.string()),
  /** The latest resolution, kept when the visitor reopens the conversation: it stays in the Resolved history. */
  lastResolvedAt: z.optional(z.nullable(z.string())),
  /** The visitor's latest rating, kept when the conversation reopens (from its episodes); absent from older servers. */
  lastRating: z.optional(z.nullable(z.object({ score: z.number(), comment: z.nullable(z.string()) }))),
  /** Whether the visitor has the site open (a widget socket), and since when; absent until first known. */
  visitorPresence: z.optional(z.nullable(z.object({ online: z.boolean(), since: z.string() }))),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const Callback = z.object({
  callbackId: z.string(),
  siteId: z.string(),
  conversationId: z.string(),
  slot: z.nullable(CallbackSlot),
  contact: CallbackContact,
  note: z.nullable(z.string()),
  visitorTimeZone: z.nullable(z.string()),
  /** The conversation's visitor name, when the list is read; live updates may leave it out. */
  visitorName: z.optional(z.nullable(z.string())),
  status: z.enum(['pending', 'done']),
  createdAt: z.string(),
  doneAt: z.nullable(z.string()),
  doneBy: z.nullable(z.string()),
});
export type Callback = z.infer<typeof Callback>;

/** Written by an operator for operators only: never stored as a message, so it can never reach the visitor. */
export const InternalNote = z.object({
  noteId: z.string(),
  conversationId: z.string(),
  author: Owner,
  text: z.string(),
  createdAt: z.string(),
});
export type InternalNote = z.infer<typeof InternalNote>;

/** Why one operator is asked to look now: a handoff to their queue, an offer to them, a transfer to them. */
export const PageReason = z.enum(['handoff', 'offer', 'transfer']);
export type PageReason = z.infer<typeof PageReason>;

// ---- operator -> server (commands over the socket; actions go over HTTP) ----
export const OperatorCommand = z.discriminatedUnion('type', [
  // The first frame of every connection: a socket that does not send it in time is closed (hello_timeout).
  z.object({ type: z.literal('hello') }),
  z.object({ type: z.literal('typing'), conversationId: z.string(), isTyping: z.boolean() }),
  z.object({ type: z.literal('set_presence'), presence: z.enum(['online', 'away']) }),
  z.object({ type: z.literal('ping'), nonce: z.number() }),
]);
export type OperatorCommand = z.infer<typeof OperatorCommand>;

// ---- server -> operator (facts) ----
export const OperatorEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), protocolVersion: z.number(), operator: OperatorIdentity }),
  z.object({ type: z.literal('conversation_updated'), conversation: ConversationSummary }),
  /** To everyone on the site, to keep lists current; who is alerted is told by `paged`. */
  z.object({ type: z.literal('handoff_started'), conversation: ConversationSummary }),
  z.object({ type: z.literal('paged'), reason: PageReason, conversation: ConversationSummary }),
  z.object({ type: z.literal('message_added'), siteId: z.string(), message: Message }),
  z.object({ type: z.literal('note_added'), siteId: z.string(), note: InternalNote }),
  z.object({ type: z.literal('visitor_typing'), conversationId: z.string(), isTyping: z.boolean() }),
  z.object({ type: z.literal('callback_updated'), callback: Callback }),
  z.object({ type: z.literal('presence_updated'), operatorId: z.string(), presence: Presence }),
  /** An admin changed what an operator can take: capacity (the load views) and languages or skills. */
  z.object({
    type: z.literal('operator_updated'),
    operatorId: z.string(),
    capacity: z.number(),
    languages: z.array(z.string()),
    skills: z.array(z.string()),
  }),
  z.object({ type: z.literal('error'), ...ErrorBody.shape }),
  z.object({ type: z.literal('pong'), nonce: z.number() }),
]);
export type OperatorEvent = z.infer<typeof OperatorEvent>;
