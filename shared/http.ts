import * as z from 'zod/mini';
import { Message, MessageText } from './entities';
import { AuditEntry } from './audit';
import { CasePackage } from './case-package';
import { Callback, ConversationSummary, InternalNote, OperatorIdentity, Presence, Role } from './operator-protocol';
import { SavedReply } from './config/saved-replies';
import { SiteConfigFields } from './site-config';
import { widgetLocales } from './widget-locales';

export const LoginBody = z.object({
  email: z.string().check(z.minLength(3), z.maxLength(254)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const SessionResponse = z.object({ operator: OperatorIdentity, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponse>;
export const LogoutResponse = z.object({ ok: z.literal(true) });

export const InboxView = z.enum(['awaiting', 'live', 'mine', 'resolved']);
export type InboxView = z.infer<typeof InboxView>;

const pageLimitIssue = 'must be a whole number from 1 to 200';

export const ListConversationsQuery = z.object({
  view: InboxView,
  /** One of the operator's sites (its siteId); every site of theirs when absent. */
  site: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  queue: z.optional(z.string().check(z.maxLength(64))),
  q: z.optional(z.string().check(z.maxLength(200))),
  /** Opaque: the `nextCursor` of the previous page of the same view. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  /** Page size; 200 when absent. */
  limit: z.optional(
    z.coerce.number({ error: pageLimitIssue }).check(z.int(pageLimitIssue), z.gte(1, pageLimitIssue), z.lte(200, pageLimitIssue)),
  ),
});
export type ListConversationsQuery = z.infer<typeof ListConversationsQuery>;

export const ListConversationsResponse = z.object({
  conversations: z.array(ConversationSummary),
  counts: z.record(z.string(), z.number()),
  /** Null on the last page; defaulted so a body from a server without paging still parses. */
  nextCursor: z._default(z.nullable(z.string()), null),
});
export type ListConversationsResponse = z.infer<typeof ListConversationsResponse>;

export const ConversationDetail = z.object({
  conversation: ConversationSummary,
  /** Whose conversation it is: what an admin's export and erasure of the visitor's data name. */
  visitorId: z.string(),
  messages: z.array(Message),
  casePackage: z.nullable(CasePackage),
  audit: z.array(AuditEntry),
  /** Operators-only notes; defaulted so a body from a server without notes still parses. */
  notes: z._default(z.array(InternalNote), []),
  /** The visitor's rating of the latest resolution, if they gave one. */
  rating: z.optional(z.nullable(z.object({ score: z.number(), comment: z.nullable(z.string()) }))),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

export const ConversationIdParams = z.object({ conversationId: z.string().check(z.minLength(1), z.maxLength(64)) });
export const SiteIdParams = z.object({ siteId: z.string().check(z.minLength(1), z.maxLength(64)) });
export const CallbackIdParams = z.object({ callbackId: z.string().check(z.minLength(1), z.maxLength(64)) });

const Note = z.optional(z.string().check(z.maxLength(1000)));

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
export const InternalNoteBody = z.object({ text: MessageText });
export type InternalNoteBody = z.infer<typeof InternalNoteBody>;
export const InternalNoteResponse = z.object({ note: InternalNote });
export type InternalNoteResponse = z.infer<typeof InternalNoteResponse>;
export const CorrectIntentBody = z.object({ intent: z.string().check(z.minLength(1), z.maxLength(64)) });
export type CorrectIntentBody = z.infer<typeof CorrectIntentBody>;
export const PresenceBody = z.object({ presence: z.enum(['online', 'away']) });
export type PresenceBody = z.infer<typeof PresenceBody>;
export const PresenceResponse = PresenceBody;

export const ActionResponse = z.object({ conversation: ConversationSummary });
export type ActionResponse = z.infer<typeof ActionResponse>;

export const CallbacksResponse = z.object({ callbacks: z.array(Callback) });
export const CallbackDoneResponse = z.object({ callback: Callback });
export const AuditResponse = z.object({ audit: z.array(AuditEntry) });

/** The semantic layer's service: degraded or off means the rules decide alone (never a 503: messages still flow). */
export const EmbeddingsHealth = z.object({
  state: z.enum(['up', 'degraded', 'off']),
  reason: z.optional(z.string()),
  /** ISO time of the last change of state. */
  since: z.string(),
  /** When degraded: from when the next call is let through as a probe. */
  retryAt: z.optional(z.string()),
  /** The example bank's index: loading at start-up until its vectors are had. */
  exampleBank: z.enum(['loading', 'ready', 'off']),
});
/** `status` and the status code follow the database alone: without it nothing works; without embeddings the rules still do. */
export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['up', 'down']),
  embeddings: EmbeddingsHealth,
  /** Why the database counts as down (no answer within the health budget, or a failed ping). */
  reason: z.optional(z.string()),
});

export const LiveResponse = z.object({ status: z.literal('ok') });
export const ReadyResponse = z.object({
  ready: z.boolean(),
  reason: z.optional(z.enum(['starting', 'draining', 'database_down', 'database_no_answer'])),
});

export const WidgetAvailabilityQuery = z.object({ site: z.string().check(z.minLength(1), z.maxLength(64)) });

export const SiteSummary = z.object({ siteId: z.string(), name: z.string(), siteKey: z.string() });
export type SiteSummary = z.infer<typeof SiteSummary>;
export const SitesResponse = z.object({ sites: z.array(SiteSummary) });

export const OperatorSummary = z.object({
  operatorId: z.string(),
  name: z.string(),
  presence: Presence,
  capacity: z.number(),
  /** Conversations the operator owns now. */
  active: z.number(),
});
export type OperatorSummary = z.infer<typeof OperatorSummary>;
export const OperatorsResponse = z.object({ operators: z.array(OperatorSummary) });

/** What every operator of a site may know about its queues; the rest of the config is for admins. */
export const QueueSummary = z.object({ id: z.string(), name: z.string(), members: z.array(z.string()) });
export type QueueSummary = z.infer<typeof QueueSummary>;
export const QueuesResponse = z.object({ queues: z.array(QueueSummary) });
/** Every operator of the site reads its saved replies; only admins change them (in the site config). */
export const SavedRepliesResponse = z.object({ savedReplies: z.array(SavedReply) });
export type SavedRepliesResponse = z.infer<typeof SavedRepliesResponse>;

/** Saves only over the version it was loaded at; a stale one is refused with version_conflict. */
export const PutSiteConfigBody = z.object({ config: z.unknown(), configVersion: z.number().check(z.int(), z.gte(0)) });
export type PutSiteConfigBody = z.infer<typeof PutSiteConfigBody>;
/**
 * One section's edits: each path's new value (absent: remove it) beside the value it was edited from.
 * Refused with version_conflict when someone saved a different value at one of these paths meanwhile;
 * everything else in the stored config is kept as it is.
 */
export const ConfigChange = z.object({
  path: z.array(z.string().check(z.minLength(1), z.maxLength(60))).check(z.minLength(1), z.maxLength(6)),
  value: z.optional(z.unknown()),
  previous: z.optional(z.unknown()),
});
export type ConfigChange = z.infer<typeof ConfigChange>;
export const PatchSiteConfigBody = z.object({ changes: z.array(ConfigChange).check(z.minLength(1), z.maxLength(200)) });
export type PatchSiteConfigBody = z.infer<typeof PatchSiteConfigBody>;
// The stored fields without the cross-field checks: settings saved before a check existed must
// still load, so the admin sees the problem next to its field and can fix it.
export const SiteConfigResponse = z.object({ config: SiteConfigFields, configVersion: z.number() });
export type SiteConfigResponse = z.infer<typeof SiteConfigResponse>;

/** Admins only: the HMAC key of identify()'s userHash and of webhook signatures. */
export const SiteSecretResponse = z.object({ secret: z.string() });
export type SiteSecretResponse = z.infer<typeof SiteSecretResponse>;

export const OperatorIdParams = z.object({
  siteId: z.string().check(z.minLength(1), z.maxLength(64)),
  operatorId: z.string().check(z.minLength(1), z.maxLength(64)),
});

const isLanguageTag = (tag: string) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};
export const LanguageTag = z
  .string()
  .check(
    z.maxLength(35, 'A language tag has at most 35 characters.'),
    z.refine(isLanguageTag, 'Not a BCP 47 language tag; write it like en, pt-BR or zh-Hant.'),
  );
export const SkillTag = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'A skill is 1 to 32 lowercase letters, digits, - or _, like returns or b2b.'));
export const OPERATOR_CAPACITY = { min: 1, max: 50 } as const;

/** Only the fields sent change; each list replaces the stored one. */
export const UpdateOperatorBody = z.object({
  capacity: z.optional(
    z
      .number()
      .check(
        z.int('Capacity is a whole number of conversations.'),
        z.gte(OPERATOR_CAPACITY.min, 'Capacity is at least 1 conversation at a time.'),
        z.lte(OPERATOR_CAPACITY.max, 'Capacity is at most 50 conversations at a time.'),
      ),
  ),
  languages: z.optional(z.array(LanguageTag).check(z.maxLength(20, 'At most 20 languages.'))),
  skills: z.optional(z.array(SkillTag).check(z.maxLength(30, 'At most 30 skills.'))),
});
export type UpdateOperatorBody = z.infer<typeof UpdateOperatorBody>;

/** What an admin sees and edits of an operator of their site. */
export const OperatorProfile = z.object({
  ...OperatorSummary.shape,
  role: Role,
  languages: z.array(z.string()),
  skills: z.array(z.string()),
});
export type OperatorProfile = z.infer<typeof OperatorProfile>;
export const OperatorProfilesResponse = z.object({ operators: z.array(OperatorProfile) });
export const OperatorProfileResponse = z.object({ operator: OperatorProfile });

/** PUT /api/sites/:siteId/bot/api-key — write-only: the key is sealed at rest and never returned. null removes it. */
export const PutBotApiKeyBody = z.object({ apiKey: z.nullable(z.string().check(z.minLength(1), z.maxLength(500))) });
export type PutBotApiKeyBody = z.infer<typeof PutBotApiKeyBody>;
/** Whether the site's AI agent has a key; never the key. */
export const BotApiKeyResponse = z.object({ set: z.boolean() });
export type BotApiKeyResponse = z.infer<typeof BotApiKeyResponse>;

/** POST /api/sites/:siteId/bot/test-question — which article answers a question, and how surely. */
export const TestQuestionBody = z.object({
  question: z.string().check(z.minLength(1), z.maxLength(1000)),
  locale: z.enum(widgetLocales),
});
export type TestQuestionBody = z.infer<typeof TestQuestionBody>;
export const TestQuestionResponse = z.object({
  /** The answering article, or null when the bot would send its fallback reply. */
  article: z.nullable(z.object({ id: z.string(), locale: z.enum(widgetLocales), question: z.string() })),
  confidence: z.number(),
  threshold: z.number(),
  reply: z.string(),
  /** The best match was held back as too unsure (a near miss). */
  heldBack: z.boolean(),
});
export type TestQuestionResponse = z.infer<typeof TestQuestionResponse>;

// ---- attachments (bodies are the raw file; the server reads its type from the bytes) ----
const FileName = z.string().check(z.minLength(1), z.maxLength(255));
const UploadId = z.string().check(z.minLength(1), z.maxLength(64));
export const AttachmentIdParams = z.object({ attachmentId: UploadId });
/** The visitor's token rides in the query (as on the visitor socket): no custom header, so no CORS preflight from the host page. */
export const WidgetFileQuery = z.object({
  site: z.string().check(z.minLength(1), z.maxLength(64)),
  token: z.string().check(z.minLength(1), z.maxLength(128)),
});
export const WidgetUploadQuery = z.object({ ...WidgetFileQuery.shape, clientMessageId: UploadId, name: FileName });
export const OperatorUploadQuery = z.object({ clientMessageId: UploadId, name: FileName });
export const WidgetUploadResponse = z.object({ message: Message });

/** Which of a site's two secrets: identity verification (identify() hashes) or webhook signing. */
export const SecretKindQuery = z.object({ kind: z._default(z.enum(['identity', 'webhook']), 'identity') });
export type SecretKindQuery = z.infer<typeof SecretKindQuery>;

/** A password someone chooses: long enough to resist guessing, short enough to hash quickly. */
export const NewPassword = z.string().check(z.minLength(10, 'Choose a password of at least 10 characters.'), z.maxLength(200));

export const InviteOperatorBody = z.object({
  email: z.string().check(z.minLength(3), z.maxLength(254)),
  role: z._default(Role, 'operator'),
});
export type InviteOperatorBody = z.infer<typeof InviteOperatorBody>;

export const InviteResponse = z.object({
  inviteUrl: z.string(),
  email: z.string(),
  role: Role,
  expiresAt: z.string(),
  /** It also went out by email (the server has SMTP_URL). */
  emailed: z.boolean(),
});
export type InviteResponse = z.infer<typeof InviteResponse>;

export const InviteTokenParams = z.object({ token: z.string().check(z.minLength(20), z.maxLength(100)) });

export const InviteDetailsResponse = z.object({
  email: z.string(),
  siteName: z.string(),
  role: Role,
  expiresAt: z.string(),
  /** The email already has an account: the person enters its password instead of choosing one. */
  hasAccount: z.boolean(),
});
export type InviteDetailsResponse = z.infer<typeof InviteDetailsResponse>;

export const AcceptInviteBody = z.object({
  name: z._default(z.string().check(z.maxLength(80)), ''),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type AcceptInviteBody = z.infer<typeof AcceptInviteBody>;

export const AcceptInviteResponse = z.object({ email: z.string() });

export const ChangePasswordBody = z.object({
  currentPassword: z.string().check(z.minLength(1), z.maxLength(200)),
  newPassword: NewPassword,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const OkResponse = z.object({ ok: z.literal(true) });
