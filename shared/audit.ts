import * as z from 'zod/mini';
import { ConversationState } from './entities';

export const AuditAction = z.enum([
  'escalated',
  'claimed',
  'assigned',
  'requeued',
  'barged_in',
  'taken_over',
  'transferred',
  'returned_to_bot',
  'resolved',
  'reopened',
  'callback_requested',
  'callback_done',
  'intent_corrected',
  'config_changed',
  'operator_changed',
  'internal_note_added',
  'visitor_data_exported',
  'visitor_erased',
  'retention_applied',
  'review_marked',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const Actor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('visitor') }),
  z.object({ kind: z.literal('bot') }),
  z.object({ kind: z.literal('system') }),
  z.object({ kind: z.literal('operator'), operatorId: z.string(), name: z.string() }),
]);
export type Actor = z.infer<typeof Actor>;

export const AuditEntry = z.object({
  auditId: z.string(),
  siteId: z.string(),
  conversationId: z.nullable(z.string()),
  /** The visitor an export or erasure was about (their id stays; their data does not). */
  visitorId: z.optional(z.nullable(z.string())),
  action: AuditAction,
  actor: Actor,
  reasons: z.array(z.string()),
  evidence: z.array(z.string()),
  note: z.nullable(z.string()),
  from: z.nullable(ConversationState),
  to: z.nullable(ConversationState),
  at: z.string(),
  /** The visitor was erased: the entry keeps who did what and when, without their words. */
  erased: z.optional(z.boolean()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
