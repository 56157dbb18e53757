import * as z from 'zod/mini';
import { Message, MessageText } from './entities';
import { AuditEntry } from './audit';
import { CasePackage } from './case-package';
import { Callback, ConversationSummary, OperatorIdentity } from './operator-protocol';

export const LoginBody = z.object({
  email: z.string().check(z.minLength(3), z.maxLength(254)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const SessionResponse = z.object({ operator: OperatorIdentity, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const InboxView = z.enum(['awaiting', 'live', 'mine', 'resolved']);
export type InboxView = z.infer<typeof InboxView>;

export const ListConversationsQuery = z.object({
  view: InboxView,
  queue: z.optional(z.string().check(z.maxLength(64))),
  q: z.optional(z.string().check(z.maxLength(200))),
});
export type ListConversationsQuery = z.infer<typeof ListConversationsQuery>;

export const ListConversationsResponse = z.object({
  conversations: z.array(ConversationSummary),
  counts: z.record(z.string(), z.number()),
});
export type ListConversationsResponse = z.infer<typeof ListConversationsResponse>;

export const ConversationDetail = z.object({
  conversation: ConversationSummary,
  messages: z.array(Message),
  casePackage: z.nullable(CasePackage),
  audit: z.array(AuditEntry),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

export const ConversationIdParams = z.object({ conversationId: z.string().check(z.minLength(1), z.maxLength(64)) });
export const SiteIdParams = z.object({ siteId: z.string().check(z.minLength(1), z.maxLength(64)) });
export const CallbackIdParams = z.object({ callbackId: z.string().check(z.minLength(1), z.maxLength(64)) });

const Note = z.optional(z.string().check(z.maxLength(1000)));

export const ClaimBody = z.object({});
export const ReplyBody = z.object({ clientMessageId: z.string().check(z.minLength(1), z.maxLength(64)), text: MessageText });
export type ReplyBody = z.infer<typeof ReplyBody>;
export const TransferBody = z.object({
  queue: z.optional(z.string().check(z.maxLength(64))),
  operatorId: z.optional(z.string().check(z.maxLength(64))),
  note: Note,
});
export type TransferBody = z.infer<typeof TransferBody>;
export const NoteBody = z.object({ note: Note });
export type NoteBody = z.infer<typeof NoteBody>;
export const CorrectIntentBody = z.object({ intent: z.string().check(z.minLength(1), z.maxLength(64)) });
export type CorrectIntentBody = z.infer<typeof CorrectIntentBody>;
export const PresenceBody = z.object({ presence: z.enum(['online', 'away']) });

export const ActionResponse = z.object({ conversation: ConversationSummary });
export type ActionResponse = z.infer<typeof ActionResponse>;

export const CallbacksResponse = z.object({ callbacks: z.array(Callback) });
export const AuditResponse = z.object({ audit: z.array(AuditEntry) });

export const HealthResponse = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['up', 'down']) });
