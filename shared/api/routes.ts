import type { $ZodType } from 'zod/v4/core';
import {
  ActionResponse,
  AuditResponse,
  BotApiKeyResponse,
  CallbackDoneResponse,
  CallbackIdParams,
  CallbacksResponse,
  ConversationDetail,
  ConversationIdParams,
  CorrectIntentBody,
  HealthResponse,
  InternalNoteBody,
  InternalNoteResponse,
  ListConversationsQuery,
  ListConversationsResponse,
  LiveResponse,
  LoginBody,
  LogoutResponse,
  NoteBody,
  OperatorIdParams,
  OperatorProfileResponse,
  OperatorProfilesResponse,
  OperatorsResponse,
  PresenceBody,
  PresenceResponse,
  PutBotApiKeyBody,
  PatchSiteConfigBody,
  PutSiteConfigBody,
  QueuesResponse,
  ReadyResponse,
  ReplyBody,
  SavedRepliesResponse,
  SessionResponse,
  SiteConfigResponse,
  SiteIdParams,
  SiteSecretResponse,
  SitesResponse,
  TestQuestionBody,
  TestQuestionResponse,
  TransferBody,
  UpdateOperatorBody,
  WidgetAvailabilityQuery,
  AttachmentIdParams,
  OperatorUploadQuery,
  WidgetFileQuery,
  WidgetUploadQuery,
  WidgetUploadResponse,
  SecretKindQuery,
  InviteOperatorBody,
  InviteResponse,
  InviteTokenParams,
  InviteDetailsResponse,
  AcceptInviteBody,
  AcceptInviteResponse,
  ChangePasswordBody,
  OkResponse,
} from '../http';
import { InsightsConversationsQuery, InsightsConversationsResponse, InsightsCsv, InsightsQuery, InsightsResponse } from '../insights';
import { MarkReviewBody, ReviewExampleBody, ReviewItemResponse, ReviewSampleQuery, ReviewSampleResponse } from '../review';
import * as z from 'zod/mini';
import { widgetAttachmentsPath } from '../attachment-types';
import { WidgetAvailability } from '../visitor-protocol';
import { EraseVisitorResponse, VisitorDataExport, VisitorIdParams } from '../visitor-data';
import { defineRoute } from './route';
import { WIDGET_AVAILABILITY_PATH } from './public-paths';

const conversationAction = <const B extends $ZodType>(verb: string, summary: string, body: B) =>
  defineRoute({
    method: 'POST',
    path: `/api/conversations/:conversationId/${verb}`,
    summary,
    tag: 'conversations',
    access: 'operator',
    params: ConversationIdParams,
    body,
    responses: { 200: ActionResponse },
  });

/**
 * Every HTTP endpoint of Baton, once: the server registers handlers from it
 * (server/transport/http/serve-route.ts), the inbox calls it through inbox/api-client.ts and
 * GET /api/docs serves the OpenAPI document generated from it. The two WebSockets
 * (/ws/visitor, /ws/operator) are described by shared/visitor-protocol.ts and operator-protocol.ts.
 */
export const apiRoutes = {
  login: defineRoute({
    method: 'POST', path: '/api/auth/login', summary: 'Sign in; sets the session cookie and answers the CSRF token.',
    tag: 'auth', access: 'public', body: LoginBody, responses: { 200: SessionResponse },
  }),
  session: defineRoute({
    method: 'GET', path: '/api/auth/session', summary: 'The signed-in operator and the CSRF token of the session.',
    tag: 'auth', access: 'operator', responses: { 200: SessionResponse },
  }),
  logout: defineRoute({
    method: 'POST', path: '/api/auth/logout', summary: 'End the session.', tag: 'auth', access: 'operator', responses: { 200: LogoutResponse },
  }),

  listConversations: defineRoute({
    method: 'GET', path: '/api/conversations', summary: 'One page of an inbox view (awaiting, live, mine, resolved) of the operator\'s sites.',
    tag: 'conversations', access: 'operator', query: ListConversationsQuery, responses: { 200: ListConversationsResponse },
  }),
  conversation: defineRoute({
    method: 'GET', path: '/api/conversations/:conversationId', summary: 'A conversation with its transcript, case package and audit trail.',
    tag: 'conversations', access: 'operator', params: ConversationIdParams, responses: { 200: ConversationDetail },
  }),
  conversationAudit: defineRoute({
    method: 'GET', path: '/api/conversations/:conversationId/audit', summary: 'The audit trail of a conversation.',
    tag: 'conversations', access: 'operator', params: ConversationIdParams, responses: { 200: AuditResponse },
  }),
  claim: conversationAction('claim', 'Claim a waiting conversation (exactly one owner; a lost race answers already_claimed).', NoteBody),
  bargeIn: conversationAction('barge-in', 'Take a conversation from the bot before it asked for a person.', NoteBody),
  takeOver: conversationAction('take-over', 'Admins: take a conversation another operator owns.', NoteBody),
  returnToBot: conversationAction('return-to-bot', 'Hand the conversation back to the bot.', NoteBody),
  resolve: conversationAction('resolve', 'Resolve the conversation.', NoteBody),
  transfer: conversationAction('transfer', 'Transfer to another queue or operator.', TransferBody),
  reply: conversationAction('reply', 'Send a reply to the visitor as the owner.', ReplyBody),
  attachFile: defineRoute({
    method: 'POST', path: '/api/conversations/:conversationId/attachments',
    summary: 'Send a file (the raw body, at most 5 MB; its type is read from its bytes) to the visitor as the owner.',
    tag: 'conversations', access: 'operator', params: ConversationIdParams, query: OperatorUploadQuery, responses: { 200: ActionResponse },
  }),
  attachment: defineRoute({
    method: 'GET', path: '/api/attachments/:attachmentId',
    summary: 'A file of a conversation on the operator\'s sites: images inline, everything else as a download.',
    tag: 'conversations', access: 'operator', params: AttachmentIdParams, responses: { 200: z.unknown() },
  }),
  correctIntent: conversationAction('intent', 'Correct the detected intent (re-routes when the queue changes).', CorrectIntentBody),
  addNote: defineRoute({
    method: 'POST', path: '/api/conversations/:conversationId/notes', summary: 'Add an internal note: operators only, audited, never sent to the visitor.',
    tag: 'conversations', access: 'operator', params: ConversationIdParams, body: InternalNoteBody, responses: { 200: InternalNoteResponse },
  }),

  sites: defineRoute({
    method: 'GET', path: '/api/sites', summary: 'The sites the operator works for.', tag: 'sites', access: 'operator', responses: { 200: SitesResponse },
  }),
  operators: defineRoute({
    method: 'GET', path: '/api/sites/:siteId/operators', summary: 'The site\'s operators with presence and load.',
    tag: 'sites', access: 'operator', params: SiteIdParams, responses: { 200: OperatorsResponse },
  }),
  queues: defineRoute({
    method: 'GET', path: '/api/sites/:siteId/queues', summary: 'The site\'s queues and their members.',
    tag: 'sites', access: 'operator', params: SiteIdParams, responses: { 200: QueuesResponse },
  }),
  savedReplies: defineRoute({
    method: 'GET', path: '/api/sites/:siteId/saved-replies', summary: 'The site\'s saved replies, for the composer (admins edit them in the site configuration).',
    tag: 'sites', access: 'operator', params: SiteIdParams, responses: { 200: SavedRepliesResponse },
  }),
  siteConfig: defineRoute({
    method: 'GET', path: '/api/sites/:siteId/config', summary: 'Admins: the site configuration and its version.',
    tag: 'sites', access: 'admin', params: SiteIdParams, responses: { 200: SiteConfigResponse },
  }),
  saveSiteConfig: defineRoute({
    method: 'PUT', path: '/api/sites/:siteId/config', summary: 'Admins: save the configuration over the version it was loaded at (else version_conflict).',
    tag: 'sites', access: 'admin', params: SiteIdParams, body: PutSiteConfigBody, responses: { 200: SiteConfigResponse },
  }),
  patchSiteConfig: defineRoute({
    method: 'PATCH', path: '/api/sites/:siteId/config', summary: 'Admins: save one section — only the given paths, each over the value it was edited from (else version_conflict); other paths keep their saved values.',
    tag: 'sites', access: 'admin', params: SiteIdParams, body: PatchSiteConfigBody, responses: { 200: SiteConfigResponse },
  }),
  siteSecret: defineRoute({
    method: 'GET', path: '/api/sites/:siteId/secret', summary: 'Admins: one of the site\'s secrets, identity (identify() hashes, the default) or webhook (signs outgoing webhooks); never cached.',
    tag: 'sites', access: 'admin', params: SiteIdParams, query: SecretKindQuery, responses: { 200: SiteSecretResponse },
  }),
  rotateSiteSecret: defineRoute({
    method: 'POST', path: '/api/sites/:siteId/secret/rotate', summary: 'Admins: replace one secret (?kind=identity, the default, or webhook) with a new random one; the other is left alone.',
    tag: 'sites', access: 'admin', params: SiteIdParams, query: SecretKindQuery, responses: { 200: SiteSecretResponse },
  }),
  botApiKey: defineRoute({
    method: 'GET', path: '/api/sites/:siteId/bot/api-key', summary: 'Admins: whether the AI agent has an API key (never the key).',
    tag: 'sites', access: 'admin', params: SiteIdParams, responses: { 200: BotApiKeyResponse },
  }),
  setBotApiKey: defineRoute({
    method: 'PUT', path: '/api/sites/:siteId/bot/api-key', summary: 'Admins: set (write-only, sealed at rest) or remove (null) the AI agent\'s API key.',
    tag: 'sites', access: 'admin', params: SiteIdParams, body: PutBotApiKeyBody, responses: { 200: BotApiKeyResponse },
  }),
  insights: defineRoute({
    method: 'GET', path: '/api/sites/:siteId/insights', summary: 'Handoff measures over a range of days: the site\'s (admins) or the operator\'s own.',
    tag: 'insights', access: 'operator', params: SiteIdParams, query: InsightsQuery, responses: { 200: InsightsResponse },
  }),
  insightsCsv: defineRoute({
    method: 'GET', path: '/api/sites/:siteId/insights.csv', summary: 'The same figures as CSV: figure, group, value, count, of.',
    tag: 'insights', access: 'operator', params: SiteIdParams, query: InsightsQuery, responses: { 200: InsightsCsv },
  }),
  insightConversations: defineRoute({
    method: 'GET', path: '/api/sites/:siteId/insights/conversations', summary: 'The conversations behind one Insights figure (the newest 100).',
    tag: 'insights', access: 'operator', params: SiteIdParams, query: InsightsConversationsQuery, responses: { 200: InsightsConversationsResponse },
  }),
  reviewSample: defineRoute({
    method: 'GET', path: '/api/sites/:siteId/review', summary: 'Admins: the weekly review sample (5 handoffs per trigger, 10 bot-only conversations, drawn the same for a site and ISO week) with its marks.',
    tag: 'insights', access: 'admin', params: SiteIdParams, query: ReviewSampleQuery, responses: { 200: ReviewSampleResponse },
  }),
  markReview: defineRoute({
    method: 'PUT', path: '/api/sites/:siteId/review/marks', summary: 'Admins: mark a sampled episode right or wrong (replaces an earlier mark; audited). Feeds the review precision in Insights.',
    tag: 'insights', access: 'admin', params: SiteIdParams, body: MarkReviewBody, responses: { 200: ReviewItemResponse },
  }),
  teachFromReview: defineRoute({
    method: 'POST', path: '/api/sites/:siteId/review/examples', summary: 'Admins: turn a wrongly marked episode\'s visitor turn into a site example: `none` for a wrong handoff, the label given for a missed one.',
    tag: 'insights', access: 'admin', params: SiteIdParams, body: ReviewExampleBody, responses: { 200: ReviewItemResponse },
  }),
  testQuestion: defineRoute({
    method: 'POST', path: '/api/sites/:siteId/bot/test-question', summary: 'Admins: which knowledge-base article answers a question, and how surely.',
    tag: 'sites', access: 'admin', params: SiteIdParams, body: TestQuestionBody, responses: { 200: TestQuestionResponse },
  }),
  operatorProfiles: defineRoute({
    method: 'GET', path: '/api/sites/:siteId/operator-profiles', summary: 'Admins: the site\'s operators with what an admin may change.',
    tag: 'sites', access: 'admin', params: SiteIdParams, responses: { 200: OperatorProfilesResponse },
  }),
  updateOperator: defineRoute({
    method: 'PATCH', path: '/api/sites/:siteId/operators/:operatorId', summary: 'Admins: change an operator\'s capacity, languages or skills.',
    tag: 'sites', access: 'admin', params: OperatorIdParams, body: UpdateOperatorBody, responses: { 200: OperatorProfileResponse },
  }),
  exportVisitorData: defineRoute({
    method: 'GET', path: '/api/sites/:siteId/visitors/:visitorId/export',
    summary: 'Admins: everything stored about one visitor (identity, conversations, messages, callbacks, audit entries, webhook deliveries) as a JSON download; audited.',
    tag: 'sites', access: 'admin', params: VisitorIdParams, responses: { 200: VisitorDataExport },
  }),
  eraseVisitorData: defineRoute({
    method: 'POST', path: '/api/sites/:siteId/visitors/:visitorId/erase',
    summary: 'Admins: erase one visitor\'s messages and personal data everywhere (audit entries kept without their words, sockets closed); repeatable; audited.',
    tag: 'sites', access: 'admin', params: VisitorIdParams, responses: { 200: EraseVisitorResponse },
  }),
  setPresence: defineRoute({
    method: 'PUT', path: '/api/me/presence', summary: 'Set the operator\'s presence (online or away).',
    tag: 'sites', access: 'operator', body: PresenceBody, responses: { 200: PresenceResponse },
  }),

  callbacks: defineRoute({
    method: 'GET', path: '/api/callbacks', summary: 'Callbacks booked by visitors outside hours, on the operator\'s sites.',
    tag: 'callbacks', access: 'operator', responses: { 200: CallbacksResponse },
  }),
  markCallbackDone: defineRoute({
    method: 'POST', path: '/api/callbacks/:callbackId/done', summary: 'Mark a callback as done.',
    tag: 'callbacks', access: 'operator', params: CallbackIdParams, responses: { 200: CallbackDoneResponse },
  }),

  inviteOperator: defineRoute({
    method: 'POST', path: '/api/sites/:siteId/invites', summary: 'Admins: a one-time invite link (72 h) for an operator or admin; emailed too when the server has SMTP_URL.',
    tag: 'sites', access: 'admin', params: SiteIdParams, body: InviteOperatorBody, responses: { 200: InviteResponse },
  }),
  removeOperator: defineRoute({
    method: 'DELETE', path: '/api/sites/:siteId/operators/:operatorId', summary: 'Admins: take an operator off the site; their sessions and sockets end at once and their conversations go back to the queue.',
    tag: 'sites', access: 'admin', params: OperatorIdParams, responses: { 200: OkResponse },
  }),
  inviteDetails: defineRoute({
    method: 'GET', path: '/api/invites/:token', summary: 'Public: what an unused, unexpired invite is for (410 invite_invalid otherwise).',
    tag: 'auth', access: 'public', params: InviteTokenParams, responses: { 200: InviteDetailsResponse },
  }),
  acceptInvite: defineRoute({
    method: 'POST', path: '/api/invites/:token/accept', summary: 'Public: use an invite once; a new person sets name and password, an existing account gives its password.',
    tag: 'auth', access: 'public', params: InviteTokenParams, body: AcceptInviteBody, responses: { 200: AcceptInviteResponse },
  }),
  changePassword: defineRoute({
    method: 'PUT', path: '/api/me/password', summary: 'Change your own password (the current one is asked); your other sessions are signed out.',
    tag: 'auth', access: 'operator', body: ChangePasswordBody, responses: { 200: OkResponse },
  }),

  widgetAvailability: defineRoute({
    method: 'GET', path: WIDGET_AVAILABILITY_PATH, summary: 'Public: whether people are available on a site, read by the launcher before any socket.',
    tag: 'widget', access: 'public', query: WidgetAvailabilityQuery, responses: { 200: WidgetAvailability },
  }),

  widgetUpload: defineRoute({
    method: 'POST', path: widgetAttachmentsPath,
    summary: 'Public (the visitor\'s token): send a file (the raw body, at most 5 MB; its type is read from its bytes) into the visitor\'s conversation.',
    tag: 'widget', access: 'public', query: WidgetUploadQuery, responses: { 200: WidgetUploadResponse },
  }),
  widgetFile: defineRoute({
    method: 'GET', path: `${widgetAttachmentsPath}/:attachmentId`,
    summary: 'Public (the visitor\'s token): a file of the visitor\'s own conversation.',
    tag: 'widget', access: 'public', params: AttachmentIdParams, query: WidgetFileQuery, responses: { 200: z.unknown() },
  }),

  health: defineRoute({
    method: 'GET', path: '/healthz', summary: 'Detailed health for people: database and embeddings service (503 without a database).',
    tag: 'operations', access: 'public', responses: { 200: HealthResponse, 503: HealthResponse },
  }),
  live: defineRoute({
    method: 'GET', path: '/livez', summary: 'Liveness: the process answers.', tag: 'operations', access: 'public', responses: { 200: LiveResponse },
  }),
  ready: defineRoute({
    method: 'GET', path: '/readyz', summary: 'Readiness: not while starting, draining or without a database; answers within a second.',
    tag: 'operations', access: 'public', responses: { 200: ReadyResponse, 503: ReadyResponse },
  }),
} as const;

export type ApiRoutes = typeof apiRoutes;
/** The OpenAPI document generated from the table (not itself part of it). */
export const API_DOCS_PATH = '/api/docs';
