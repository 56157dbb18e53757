import * as z from 'zod/mini';
import {
  ActionResponse,
  CallbackDoneResponse,
  CallbacksResponse,
  ConversationDetail,
  type CorrectIntentBody,
  type ListConversationsQuery,
  ListConversationsResponse,
  type LoginBody,
  type NoteBody,
  OperatorProfileResponse,
  OperatorProfilesResponse,
  OperatorsResponse,
  type PresenceBody,
  PresenceResponse,
  QueuesResponse,
  type ReplyBody,
  SessionResponse,
  SiteConfigResponse,
  SiteSecretResponse,
  SitesResponse,
  BotApiKeyResponse,
  type TestQuestionBody,
  TestQuestionResponse,
  type TransferBody,
  type UpdateOperatorBody,
} from '../shared/http';
import type { SiteConfig } from '../shared/site-config';
import { type InsightsConversationsQuery, InsightsConversationsResponse, type InsightsQuery, InsightsResponse } from '../shared/insights';
import { type ApiFailure, type ApiResult, failureFromBody, networkFailure, unexpectedResponse } from './api-errors';

type Out<S extends z.ZodMiniType> = z.infer<S>;
type Call<S extends z.ZodMiniType> = Promise<ApiResult<Out<S>>>;

export interface InboxApi {
  session(): Call<typeof SessionResponse>;
  login(body: LoginBody): Call<typeof SessionResponse>;
  logout(): Promise<ApiResult<unknown>>;
  listConversations(query: ListConversationsQuery): Call<typeof ListConversationsResponse>;
  conversation(conversationId: string): Call<typeof ConversationDetail>;
  claim(conversationId: string): Call<typeof ActionResponse>;
  bargeIn(conversationId: string): Call<typeof ActionResponse>;
  takeOver(conversationId: string): Call<typeof ActionResponse>;
  reply(conversationId: string, body: ReplyBody): Call<typeof ActionResponse>;
  transfer(conversationId: string, body: TransferBody): Call<typeof ActionResponse>;
  returnToBot(conversationId: string, body: NoteBody): Call<typeof ActionResponse>;
  resolve(conversationId: string, body: NoteBody): Call<typeof ActionResponse>;
  correctIntent(conversationId: string, body: CorrectIntentBody): Call<typeof ActionResponse>;
  callbacks(): Call<typeof CallbacksResponse>;
  markCallbackDone(callbackId: string): Call<typeof CallbackDoneResponse>;
  sites(): Call<typeof SitesResponse>;
  operators(siteId: string): Call<typeof OperatorsResponse>;
  queues(siteId: string): Call<typeof QueuesResponse>;
  /** Admins only. */
  siteConfig(siteId: string): Call<typeof SiteConfigResponse>;
  /** Refused with version_conflict when someone saved after `configVersion` was loaded. */
  saveSiteConfig(siteId: string, config: SiteConfig, configVersion: number): Call<typeof SiteConfigResponse>;
  setPresence(presence: PresenceBody['presence']): Call<typeof PresenceResponse>;
  /** Admins only: the site's signing secret. */
  siteSecret(siteId: string): Call<typeof SiteSecretResponse>;
  /** Admins only: replaces the secret with a new random one and answers it. */
  rotateSiteSecret(siteId: string): Call<typeof SiteSecretResponse>;
  /** Admins only: the site's operators with what an admin may change. */
  operatorProfiles(siteId: string): Call<typeof OperatorProfilesResponse>;
  updateOperator(siteId: string, operatorId: string, body: UpdateOperatorBody): Call<typeof OperatorProfileResponse>;
  /** Admins only: whether the AI agent has an API key (never the key). */
  botApiKey(siteId: string): Call<typeof BotApiKeyResponse>;
  /** Admins only: write-only; null removes the key. */
  setBotApiKey(siteId: string, apiKey: string | null): Call<typeof BotApiKeyResponse>;
  /** Admins only: which article answers a question, and how surely. */
  testQuestion(siteId: string, body: TestQuestionBody): Call<typeof TestQuestionResponse>;
  /** The site's handoff measures (admins) or the operator's own. */
  insights(siteId: string, query: InsightsQuery): Call<typeof InsightsResponse>;
  /** The conversations behind one figure. */
  insightConversations(siteId: string, query: InsightsConversationsQuery): Call<typeof InsightsConversationsResponse>;
  /** Where the same figures download as CSV (a plain link: a GET with the session cookie). */
  insightsCsvUrl(siteId: string, query: InsightsQuery): string;
}

/** Only the filters that are set, as a query string. */
const insightsParams = (query: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));

export interface ApiClientOptions {
  fetch?: typeof fetch;
  /** Called when an authenticated request answers 401: the session ended elsewhere. */
  onUnauthenticated?: () => void;
}

const enc = encodeURIComponent;
/** Logout's body does not matter: the cookie is gone either way. */
const AnyBody = z.unknown();

export function createApiClient(options: ApiClientOptions = {}): InboxApi {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  // Held here rather than in a model: every state-changing request needs it, and nothing renders it.
  let csrfToken: string | null = null;

  async function request<S extends z.ZodMiniType>(method: string, path: string, schema: S, body?: unknown): Call<S> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await fetchFn(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return { ok: false, error: networkFailure() };
    }
    const json = await readJson(response);
    if (!response.ok) {
      const error = failureFromBody(response.status, json);
      if (response.status === 401 && !path.startsWith('/api/auth/')) options.onUnauthenticated?.();
      return { ok: false, error };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      console.error(`Unexpected response to ${method} ${path}`, parsed.error.issues);
      return { ok: false, error: unexpectedResponse(response.status) };
    }
    return { ok: true, value: parsed.data as Out<S> };
  }

  async function remember(call: Call<typeof SessionResponse>): Call<typeof SessionResponse> {
    const result = await call;
    csrfToken = result.ok ? result.value.csrfToken : null;
    return result;
  }

  const action = (conversationId: string, verb: string, body: object) =>
    request('POST', `/api/conversations/${enc(conversationId)}/${verb}`, ActionResponse, body);

  return {
    session: () => remember(request('GET', '/api/auth/session', SessionResponse)),
    login: (body) => remember(request('POST', '/api/auth/login', SessionResponse, body)),
    async logout() {
      const result = await request('POST', '/api/auth/logout', AnyBody, {});
      csrfToken = null;
      return result;
    },
    listConversations(query) {
      const params = new URLSearchParams({ view: query.view });
      if (query.queue) params.set('queue', query.queue);
      if (query.q) params.set('q', query.q);
      if (query.cursor) params.set('cursor', query.cursor);
      if (query.limit) params.set('limit', String(query.limit));
      return request('GET', `/api/conversations?${params}`, ListConversationsResponse);
    },
    conversation: (id) => request('GET', `/api/conversations/${enc(id)}`, ConversationDetail),
    claim: (id) => action(id, 'claim', {}),
    bargeIn: (id) => action(id, 'barge-in', {}),
    takeOver: (id) => action(id, 'take-over', {}),
    reply: (id, body) => action(id, 'reply', body),
    transfer: (id, body) => action(id, 'transfer', body),
    returnToBot: (id, body) => action(id, 'return-to-bot', body),
    resolve: (id, body) => action(id, 'resolve', body),
    correctIntent: (id, body) => action(id, 'intent', body),
    callbacks: () => request('GET', '/api/callbacks', CallbacksResponse),
    markCallbackDone: (id) => request('POST', `/api/callbacks/${enc(id)}/done`, CallbackDoneResponse, {}),
    sites: () => request('GET', '/api/sites', SitesResponse),
    operators: (siteId) => request('GET', `/api/sites/${enc(siteId)}/operators`, OperatorsResponse),
    queues: (siteId) => request('GET', `/api/sites/${enc(siteId)}/queues`, QueuesResponse),
    siteConfig: (siteId) => request('GET', `/api/sites/${enc(siteId)}/config`, SiteConfigResponse),
    saveSiteConfig: (siteId, config, configVersion) =>
      request('PUT', `/api/sites/${enc(siteId)}/config`, SiteConfigResponse, { config, configVersion }),
    setPresence: (presence) => request('PUT', '/api/me/presence', PresenceResponse, { presence }),
    siteSecret: (siteId) => request('GET', `/api/sites/${enc(siteId)}/secret`, SiteSecretResponse),
    rotateSiteSecret: (siteId) => request('POST', `/api/sites/${enc(siteId)}/secret/rotate`, SiteSecretResponse, {}),
    operatorProfiles: (siteId) => request('GET', `/api/sites/${enc(siteId)}/operator-profiles`, OperatorProfilesResponse),
    updateOperator: (siteId, operatorId, body) =>
      request('PATCH', `/api/sites/${enc(siteId)}/operators/${enc(operatorId)}`, OperatorProfileResponse, body),
    botApiKey: (siteId) => request('GET', `/api/sites/${enc(siteId)}/bot/api-key`, BotApiKeyResponse),
    setBotApiKey: (siteId, apiKey) => request('PUT', `/api/sites/${enc(siteId)}/bot/api-key`, BotApiKeyResponse, { apiKey }),
    testQuestion: (siteId, body) => request('POST', `/api/sites/${enc(siteId)}/bot/test-question`, TestQuestionResponse, body),
    insights: (siteId, query) => request('GET', `/api/sites/${enc(siteId)}/insights?${insightsParams(query)}`, InsightsResponse),
    insightConversations: (siteId, query) =>
      request('GET', `/api/sites/${enc(siteId)}/insights/conversations?${insightsParams(query)}`, InsightsConversationsResponse),
    insightsCsvUrl: (siteId, query) => `/api/sites/${enc(siteId)}/insights.csv?${insightsParams(query)}`,
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
