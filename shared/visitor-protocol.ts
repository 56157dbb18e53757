import * as z from 'zod/mini';
import {
  CallbackContact,
  CallbackSlot,
  ConversationState,
  Identity,
  Message,
  MessageText,
  OperatorBadge,
  VisitorContext,
  WaitEstimate,
} from './entities';
import { ErrorBody } from './errors';
import { VisitorStrings, WidgetLocale } from './visitor-messages';

const ClientMessageId = z.string().check(z.minLength(1), z.maxLength(64));

// ---- visitor -> server (commands) ----
export const VisitorCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), context: VisitorContext, afterSeq: z.number().check(z.int(), z.gte(0)) }),
  z.object({ type: z.literal('send_message'), clientMessageId: ClientMessageId, text: MessageText }),
  z.object({ type: z.literal('request_human'), clientMessageId: ClientMessageId }),
  z.object({ type: z.literal('typing'), isTyping: z.boolean() }),
  z.object({ type: z.literal('identify'), identity: Identity }),
  z.object({
    type: z.literal('request_callback'),
    clientMessageId: ClientMessageId,
    slot: z.optional(CallbackSlot),
    contact: CallbackContact,
    note: z.optional(z.string().check(z.maxLength(1000))),
  }),
  z.object({
    type: z.literal('rate'),
    score: z.number().check(z.int(), z.gte(1), z.lte(5)),
    comment: z.optional(z.string().check(z.maxLength(1000))),
  }),
  z.object({ type: z.literal('resume'), afterSeq: z.number().check(z.int(), z.gte(0)) }),
  z.object({ type: z.literal('ping'), nonce: z.number() }),
]);
export type VisitorCommand = z.infer<typeof VisitorCommand>;

// ---- server -> visitor (facts) ----
export const WidgetLook = z.object({
  accentColor: z.string(),
  position: z.enum(['bottom-right', 'bottom-left']),
  operatorAvatars: z.boolean(),
});
export type WidgetLook = z.infer<typeof WidgetLook>;

export const WidgetUi = z.object({
  locale: WidgetLocale,
  strings: VisitorStrings,
  look: WidgetLook,
  handoffEnabled: z.boolean(),
});
export type WidgetUi = z.infer<typeof WidgetUi>;

export const CallbackOffer = z.object({
  reason: z.enum(['closed', 'nobody_online']),
  slots: z.array(CallbackSlot),
  siteTimeZone: z.string(),
  nextOpenAt: z.nullable(z.string()),
});
export type CallbackOffer = z.infer<typeof CallbackOffer>;

/** The header's people (first names and initials) and their measured pace; null minutes: too little data to say. */
export const VisitorTeam = z.object({ members: z.array(OperatorBadge), replyMinutes: z.nullable(z.number()) });
export type VisitorTeam = z.infer<typeof VisitorTeam>;

/** Everything the visitor may know about their conversation right now. */
export const VisitorConversationView = z.object({
  conversationId: z.string(),
  state: ConversationState,
  handoffTopic: z.nullable(z.string()),
  missingFacts: z.array(z.string()),
  position: z.nullable(z.number()),
  estimate: z.nullable(WaitEstimate),
  operator: z.nullable(OperatorBadge),
  callbackOffer: z.nullable(CallbackOffer),
  callbackBooked: z.nullable(z.object({ slot: z.nullable(CallbackSlot), contactKind: z.enum(['phone', 'email']) })),
  rated: z.boolean(),
});
export type VisitorConversationView = z.infer<typeof VisitorConversationView>;

export const VisitorEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    protocolVersion: z.number(),
    visitorToken: z.string(),
    ui: WidgetUi,
    team: VisitorTeam,
    conversation: z.nullable(VisitorConversationView),
    messages: z.array(Message),
  }),
  z.object({ type: z.literal('message_added'), message: Message }),
  /** A piece of a bot answer while it is generated; the stored message follows as message_added. */
  /** `at`: how many characters of the answer came before this piece, so a tab that joins mid-answer waits for the stored message. */
  z.object({ type: z.literal('bot_delta'), streamId: z.string(), at: z.number().check(z.int(), z.gte(0)), text: z.string() }),
  /** The growing answer is over: replaced by its message_added, or cut off (barge-in, claim, handoff, failure). */
  z.object({ type: z.literal('bot_stream_ended'), streamId: z.string(), interrupted: z.boolean() }),
  z.object({ type: z.literal('history'), messages: z.array(Message) }),
  z.object({ type: z.literal('conversation_updated'), conversation: VisitorConversationView }),
  z.object({
    type: z.literal('handoff_started'),
    topic: z.nullable(z.string()),
    missingFacts: z.array(z.string()),
  }),
  z.object({ type: z.literal('operator_joined'), operator: OperatorBadge }),
  z.object({ type: z.literal('operator_typing'), isTyping: z.boolean() }),
  z.object({ type: z.literal('returned_to_bot') }),
  z.object({ type: z.literal('conversation_resolved') }),
  z.object({ type: z.literal('callback_confirmed') }),
  z.object({ type: z.literal('identity_checked'), verified: z.boolean() }),
  z.object({ type: z.literal('error'), clientMessageId: z.optional(z.string()), ...ErrorBody.shape }),
  z.object({ type: z.literal('pong'), nonce: z.number() }),
]);
export type VisitorEvent = z.infer<typeof VisitorEvent>;

/** GET /api/widget/availability?site=KEY — read by the launcher before any socket is opened. */
export const WidgetAvailability = z.object({
  /** Some queue is open with someone online. */
  available: z.boolean(),
  /** When the people's hours next begin (ISO), if closed now. */
  nextOpenAt: z.nullable(z.string()),
  siteTimeZone: z.string(),
  whenUnavailable: z.enum(['show_back_at', 'hide_launcher']),
  handoffEnabled: z.boolean(),
});
export type WidgetAvailability = z.infer<typeof WidgetAvailability>;
