import * as z from 'zod/mini';
import { AttachmentRef } from './attachments';
import { MAX_MESSAGE_CHARS } from './protocol-version';

export const Id = z.string().check(z.minLength(1), z.maxLength(64));

export const ConversationState = z.enum(['bot', 'queued', 'owned', 'callback_requested', 'resolved']);
export type ConversationState = z.infer<typeof ConversationState>;

export const TriggerId = z.enum([
  'human_request',
  'low_confidence',
  'policy_topic',
  'customer_tag',
  'tool_failure',
  'buying_intent',
  'repeated_failure',
  'frustration',
  'out_of_scope',
]);
export type TriggerId = z.infer<typeof TriggerId>;

export const Urgency = z.enum(['low', 'normal', 'high', 'urgent']);
export type Urgency = z.infer<typeof Urgency>;

export const SenderKind = z.enum(['visitor', 'bot', 'operator', 'system']);
export type SenderKind = z.infer<typeof SenderKind>;

export const MessageText = z.string().check(z.minLength(1), z.maxLength(MAX_MESSAGE_CHARS));

export const Message = z.object({
  conversationId: Id,
  seq: z.number(),
  clientMessageId: z.optional(z.string()),
  sender: z.object({ kind: SenderKind, id: z.optional(z.string()), name: z.optional(z.string()) }),
  text: z.string(),
  createdAt: z.string(),
  attachment: z.optional(AttachmentRef),
});
export type Message = z.infer<typeof Message>;

/** What a visitor may know of the person who joined: never ids or emails. */
export const OperatorBadge = z.object({ name: z.string(), initial: z.string(), avatarUrl: z.optional(z.string()) });
export type OperatorBadge = z.infer<typeof OperatorBadge>;

/** An honest estimate: a range in minutes, or an explicit "we don't know yet". */
export const WaitEstimate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('range'), minMinutes: z.number(), maxMinutes: z.number() }),
  z.object({ kind: z.literal('unknown'), reason: z.enum(['too_little_data', 'nobody_online', 'closed']) }),
]);
export type WaitEstimate = z.infer<typeof WaitEstimate>;

export const CallbackSlot = z.object({ start: z.string(), end: z.string() });
export type CallbackSlot = z.infer<typeof CallbackSlot>;

export const CallbackContact = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('phone'), value: z.string().check(z.regex(/^\+?[0-9 ().-]{6,24}$/)) }),
  z.object({ kind: z.literal('email'), value: z.email().check(z.maxLength(254)) }),
]);
export type CallbackContact = z.infer<typeof CallbackContact>;

export const VisitorContext = z.object({
  page: z.optional(z.string().check(z.maxLength(2048))),
  referrer: z.optional(z.string().check(z.maxLength(2048))),
  locale: z.optional(z.string().check(z.maxLength(35))),
  timeZone: z.optional(z.string().check(z.maxLength(64))),
});
export type VisitorContext = z.infer<typeof VisitorContext>;

export const Identity = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  name: z.optional(z.string().check(z.maxLength(120))),
  email: z.optional(z.string().check(z.maxLength(254))),
  tags: z.optional(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(32))),
  attributes: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  userHash: z.optional(z.string().check(z.maxLength(128))),
});
export type Identity = z.infer<typeof Identity>;
