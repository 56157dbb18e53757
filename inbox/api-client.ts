import { safeParse } from 'zod/v4/core';
import { type ApiRoute, fillPath, type RouteBody, type RouteResult } from '../shared/api/route';
import { apiRoutes } from '../shared/api/routes';
import type {
  ConfigChange,
  CorrectIntentBody,
  InternalNoteBody,
  ListConversationsQuery,
  LoginBody,
  NoteBody,
  PresenceBody,
  ReplyBody,
  TestQuestionBody,
  TransferBody,
  UpdateOperatorBody,
  InviteOperatorBody,
  AcceptInviteBody,
  ChangePasswordBody,
} from '../shared/http';
import type { InsightsConversationsQuery, InsightsQuery } from '../shared/insights';
import type { MarkReviewBody, ReviewExampleBody, ReviewSampleQuery } from '../shared/review';

export type SecretKind = 'identity' | 'webhook';
import type { SiteConfig } from '../shared/site-config';
import { type ApiFailure, type ApiResult, failureFromBody, networkFailure, unexpectedResponse } from './api-errors';

type Routes = typeof apiRoutes;
/** A call answers the 200 body of its route in the shared table, or a failure a person can act on. */
type Call<R extends ApiRoute> = Promise<ApiResult<RouteResult<R>>>;

export interface InboxApi {
  session(): Call<Routes['session']>;
  login(body: LoginBody): Call<Routes['session']>;
  logout(): Call<Routes['logout']>;
  listConversations(query: ListConversationsQuery): Call<Routes['listConversations']>;
  conversation(conversationId: string): Call<Routes['conversation']>;
  claim(conversationId: string): Call<Routes['claim']>;
  bargeIn(conversationId: string): Call<Routes['bargeIn']>;
  takeOver(conversationId: string): Call<Routes['takeOver']>;
  reply(conversationId: string, body: ReplyBody): Call<Routes['reply']>;
  /** A file as the owner's reply: the raw bytes as the body; the server reads the type from the bytes. */
  attach(conversationId: string, file: Blob, name: string, clientMessageId: string): Call<Routes['attachFile']>;
  transfer(conversationId: string, body: TransferBody): Call<Routes['transfer']>;
  returnToBot(conversationId: string, body: NoteBody): Call<Routes['returnToBot']>;
  resolve(conversationId: string, body: NoteBody): Call<Routes['resolve']>;
  correctIntent(conversationId: string, body: CorrectIntentBody): Call<Routes['correctIntent']>;
  /** Operators only: never reaches the visitor. */
  addNote(conversationId: string, body: InternalNoteBody): Call<Routes['addNote']>;
  callbacks(): Call<Routes['callbacks']>;
  markCallbackDone(callbackId: string): Call<Routes['markCallbackDone']>;
  sites(): Call<Routes['sites']>;
  operators(siteId: string): Call<Routes['operators']>;
  queues(siteId: string): Call<Routes['queues']>;
  savedReplies(siteId: string): Call<Routes['savedReplies']>;
  /** Admins only. */
  siteConfig(siteId: string): Call<Routes['siteConfig']>;
  /** Refused with version_conflict when someone saved after `configVersion` was loaded. */
  saveSiteConfig(siteId: string, config: SiteConfig, configVersion: number): Call<Routes['saveSiteConfig']>;
  /** One section: only these paths, each over the value it was edited from (else version_conflict). */
  patchSiteConfig(siteId: string, changes: ConfigChange[]): Call<Routes['patchSiteConfig']>;
  setPresence(presence: PresenceBody['presence']): Call<Routes['setPresence']>;
  /** Admins only: one of the site's secrets (identity by default, or the webhook signing secret). */
  siteSecret(siteId: string, kind?: SecretKind): Call<Routes['siteSecret']>;
  /** Admins only: replaces that secret with a new random one and answers it; the other is left alone. */
  rotateSiteSecret(siteId: string, kind?: SecretKind): Call<Routes['rotateSiteSecret']>;
  /** Admins only: a one-time invite link for an operator (or admin) of the site. */
  inviteOperator(siteId: string, body: InviteOperatorBody): Call<Routes['inviteOperator']>;
  /** Admins only: takes an operator off the site at once. */
  removeOperator(siteId: string, operatorId: string): Call<Routes['removeOperator']>;
  /** Without a session: what an invite link is for. */
  inviteDetails(token: string): Call<Routes['inviteDetails']>;
  acceptInvite(token: string, body: AcceptInviteBody): Call<Routes['acceptInvite']>;
  changePassword(body: ChangePasswordBody): Call<Routes['changePassword']>;
  /** Admins only: the site's operators with what an admin may change. */
  operatorProfiles(siteId: string): Call<Routes['operatorProfiles']>;
  updateOperator(siteId: string, operatorId: string, body: UpdateOperatorBody): Call<Routes['updateOperator']>;
  /** Admins only: whether the AI agent has an API key (never the key). */
  botApiKey(siteId: string): Call<Routes['botApiKey']>;
  /** Admins only: write-only; null removes the key. */
  setBotApiKey(siteId: string, apiKey: string | null): Call<Routes['setBotApiKey']>;
  /** Admins only: which article answers a question, and how surely. */
  testQuestion(siteId: string, body: TestQuestionBody): Call<Routes['testQuestion']>;
  /** The site's handoff measures (admins) or the operator's own. */
  insights(siteId: string, query: InsightsQuery): Call<Routes['insights']>;
  /** The conversations behind one figure. */
  insightConversations(siteId: string, query: InsightsConversationsQuery): Call<Routes['insightConversations']>;
  /** Where the same figures download as CSV (a plain link: a GET with the session cookie). */
  insightsCsvUrl(siteId: string, query: InsightsQuery): string;
  /** Admins only: erases the visitor's messages and personal data; repeatable. */
  eraseVisitorData(siteId: string, visitorId: string): Call<Routes['eraseVisitorData']>;
  /** Admins only: the weekly review sample with its marks. */
  reviewSample(siteId: string, query: ReviewSampleQuery): Call<Routes['reviewSample']>;
  markReview(siteId: string, body: MarkReviewBody): Call<Routes['markReview']>;
  /** Admins only: a wrongly marked episode's visitor turn becomes a site example. */
  teachFromReview(siteId: string, body: ReviewExampleBody): Call<Routes['teachFromReview']>;
}

/** Admins only: where the browser downloads a visitor's data (a link, so it is saved as a file rather than read by the page). */
export const visitorExportUrl = (siteId: string, visitorId: string): string =>
  fillPath(apiRoutes.exportVisitorData.path, { siteId, visitorId });

export interface ApiClientOptions {
  fetch?: typeof fetch;
  /** Called when an authenticated request answers 401: the session ended elsewhere. */
  onUnauthenticated?: () => void;
}

/** What a call of a route sends: its path parameters, query and body, typed by the route's schemas. */
type CallInput<R extends ApiRoute> = {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: RouteBody<R> | Record<string, never>;
  /** Sent as the raw body instead of JSON (attachments). */
  file?: Blob;
};

export function createApiClient(options: ApiClientOptions = {}): InboxApi {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  // Held here rather than in a model: every state-changing request needs it, and nothing renders it.
  let csrfToken: string | null = null;

  /** Calls a route of the shared table and parses its answer with the route's own 200 schema. */
  async function call<R extends ApiRoute>(route: R, input: CallInput<R> = {}): Promise<ApiResult<RouteResult<R>>> {
    let path = fillPath(route.path, input.params);
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(input.query ?? {})) if (value !== undefined && value !== '') query.set(key, String(value));
    if (query.size > 0) path += `?${query}`;
    const body = input.body ?? (route.method === 'GET' || input.file ? undefined : {});
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (input.file) headers['content-type'] = 'application/octet-stream';
    if (route.method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await fetchFn(path, {
        method: route.method,
        headers,
        credentials: 'same-origin',
        body: input.file ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
    } catch {
      return { ok: false, error: networkFailure() };
    }
    const json = await readJson(response);
    if (!response.ok) {
      const error = failureFromBody(response.status, json);
      if (response.status === 401 && route.tag !== 'auth') options.onUnauthenticated?.();
      return { ok: false, error };
    }
    const parsed = safeParse(route.responses[200], json);
    if (!parsed.success) {
      console.error(`Unexpected response to ${route.method} ${route.path}`, parsed.error.issues);
      return { ok: false, error: unexpectedResponse(response.status) };
    }
    return { ok: true, value: parsed.data as RouteResult<R> };
  }

  async function remember(pending: Call<Routes['session']>): Call<Routes['session']> {
    const result = await pending;
    csrfToken = result.ok ? result.value.csrfToken : null;
    return result;
  }

  const conversation = (conversationId: string) => ({ conversationId });
  const site = (siteId: string) => ({ siteId });
  const r = apiRoutes;

  return {
    session: () => remember(call(r.session)),
    login: (body) => remember(call(r.login, { body })),
    async logout() {
      const result = await call(r.logout);
      csrfToken = null;
      return result;
    },
    listConversations: (query) => call(r.listConversations, { query }),
    conversation: (id) => call(r.conversation, { params: conversation(id) }),
    claim: (id) => call(r.claim, { params: conversation(id) }),
    bargeIn: (id) => call(r.bargeIn, { params: conversation(id) }),
    takeOver: (id) => call(r.takeOver, { params: conversation(id) }),
    reply: (id, body) => call(r.reply, { params: conversation(id), body }),
    attach: (id, file, name, clientMessageId) => call(r.attachFile, { params: conversation(id), query: { clientMessageId, name }, file }),
    transfer: (id, body) => call(r.transfer, { params: conversation(id), body }),
    returnToBot: (id, body) => call(r.returnToBot, { params: conversation(id), body }),
    resolve: (id, body) => call(r.resolve, { params: conversation(id), body }),
    correctIntent: (id, body) => call(r.correctIntent, { params: conversation(id), body }),
    addNote: (id, body) => call(r.addNote, { params: conversation(id), body }),
    callbacks: () => call(r.callbacks),
    markCallbackDone: (id) => call(r.markCallbackDone, { params: { callbackId: id } }),
    sites: () => call(r.sites),
    operators: (siteId) => call(r.operators, { params: site(siteId) }),
    queues: (siteId) => call(r.queues, { params: site(siteId) }),
    savedReplies: (siteId) => call(r.savedReplies, { params: site(siteId) }),
    siteConfig: (siteId) => call(r.siteConfig, { params: site(siteId) }),
    saveSiteConfig: (siteId, config, configVersion) => call(r.saveSiteConfig, { params: site(siteId), body: { config, configVersion } }),
    patchSiteConfig: (siteId, changes) => call(r.patchSiteConfig, { params: site(siteId), body: { changes } }),
    setPresence: (presence) => call(r.setPresence, { body: { presence } }),
    siteSecret: (siteId, kind) => call(r.siteSecret, { params: site(siteId), query: { kind } }),
    rotateSiteSecret: (siteId, kind) => call(r.rotateSiteSecret, { params: site(siteId), query: { kind } }),
    inviteOperator: (siteId, body) => call(r.inviteOperator, { params: site(siteId), body }),
    removeOperator: (siteId, operatorId) => call(r.removeOperator, { params: { siteId, operatorId } }),
    inviteDetails: (token) => call(r.inviteDetails, { params: { token } }),
    acceptInvite: (token, body) => call(r.acceptInvite, { params: { token }, body }),
    changePassword: (body) => call(r.changePassword, { body }),
    operatorProfiles: (siteId) => call(r.operatorProfiles, { params: site(siteId) }),
    updateOperator: (siteId, operatorId, body) => call(r.updateOperator, { params: { siteId, operatorId }, body }),
    botApiKey: (siteId) => call(r.botApiKey, { params: site(siteId) }),
    setBotApiKey: (siteId, apiKey) => call(r.setBotApiKey, { params: site(siteId), body: { apiKey } }),
    testQuestion: (siteId, body) => call(r.testQuestion, { params: site(siteId), body }),
    insights: (siteId, query) => call(r.insights, { params: site(siteId), query }),
    insightConversations: (siteId, query) => call(r.insightConversations, { params: site(siteId), query }),
    insightsCsvUrl: (siteId, query) => {
      const params = new URLSearchParams(
        Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
      );
      return `${fillPath(r.insightsCsv.path, site(siteId))}${params.size ? `?${params}` : ''}`;
    },
    eraseVisitorData: (siteId, visitorId) => call(r.eraseVisitorData, { params: { siteId, visitorId } }),
    reviewSample: (siteId, query) => call(r.reviewSample, { params: site(siteId), query }),
    markReview: (siteId, body) => call(r.markReview, { params: site(siteId), body }),
    teachFromReview: (siteId, body) => call(r.teachFromReview, { params: site(siteId), body }),
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type { ApiFailure, ApiResult };
