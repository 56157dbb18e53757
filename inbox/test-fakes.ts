import { type Mock, vi } from 'vitest';
import type { Message } from '../shared/entities';
import type { ConversationDetail, OperatorProfile } from '../shared/http';
import type { Callback, ConversationSummary, OperatorCommand, OperatorEvent, OperatorIdentity } from '../shared/operator-protocol';
import { setAt } from '../shared/config-paths';
import { defaultSiteConfig } from '../shared/site-config';
import type { InboxApi } from './api-client';
import type { ApiFailure, ApiResult } from './api-errors';
import type { ConnectionStatus, OperatorConnection } from './operator-socket';

// Test helpers only: never imported by the page.

export const T0 = Date.parse('2025-03-10T09:00:00Z');
export const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const failure = (
  status: number,
  code: ApiFailure['code'],
  message: string,
  issues: ApiFailure['issues'] = [],
  owner?: ApiFailure['owner'],
): ApiResult<never> => ({
  ok: false,
  error: { status, code, message, issues, ...(owner ? { owner } : {}) },
});

export const me: OperatorIdentity = {
  operatorId: 'op_me',
  name: 'Mia',
  email: 'mia@example.com',
  role: 'admin',
  siteIds: ['site_1'],
  capacity: 4,
  presence: 'online',
};

export function summary(overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    conversationId: 'c1',
    siteId: 'site_1',
    state: 'queued',
    version: 1,
    queue: 'billing',
    owner: null,
    offer: null,
    urgency: 'normal',
    triggers: ['policy_topic'],
    reason: 'Refund request',
    intent: 'refund',
    visitorName: 'Vera',
    lastMessagePreview: 'I want my money back',
    lastSeq: 2,
    createdAt: at(0),
    escalatedAt: at(1),
    lastActivityAt: at(1),
    resolvedAt: null,
    ...overrides,
  };
}

export function message(seq: number, overrides: Partial<Message> = {}): Message {
  return { conversationId: 'c1', seq, sender: { kind: 'visitor' }, text: `message ${seq}`, createdAt: at(seq), ...overrides };
}

export function detail(conversation: ConversationSummary, messages: Message[] = [message(1), message(2)]): ConversationDetail {
  return { conversation, visitorId: 'v1', messages, casePackage: null, audit: [], notes: [] };
}

export function callback(overrides: Partial<Callback> = {}): Callback {
  return {
    callbackId: 'cb1',
    siteId: 'site_1',
    conversationId: 'c1',
    slot: { start: at(60), end: at(90) },
    contact: { kind: 'email', value: 'vera@example.com' },
    note: null,
    visitorTimeZone: 'Europe/Madrid',
    status: 'pending',
    createdAt: at(0),
    doneAt: null,
    doneBy: null,
    ...overrides,
  };
}

export function operatorProfile(overrides: Partial<OperatorProfile> = {}): OperatorProfile {
  return {
    operatorId: 'op_sam',
    name: 'Sam',
    role: 'operator',
    presence: 'online',
    capacity: 3,
    active: 0,
    languages: ['en'],
    skills: [],
    ...overrides,
  };
}

/** A listConversations that serves `rows` in pages of `size`; its cursor is the index where the next page starts. */
export function pagedList(
  rows: () => ConversationSummary[],
  size: number,
  counts: Record<string, number> = {},
): InboxApi['listConversations'] {
  return async (query) => {
    const start = query.cursor ? Number(query.cursor) : 0;
    const all = rows();
    const end = start + size;
    return ok({ conversations: all.slice(start, end), counts, nextCursor: end < all.length ? String(end) : null });
  };
}

const emptyRate = { count: 0, of: 0, rate: null };
const emptyQuantiles = { count: 0, p50: null, p90: null };
export const emptyInsights = {
  scope: 'site' as const,
  from: '2026-01-01',
  to: '2026-01-30',
  figures: {
    conversations: 0,
    handoffs: 0,
    escalationRate: emptyRate,
    timeToHuman: emptyQuantiles,
    timeToFirstReply: emptyQuantiles,
    resolutionTime: emptyQuantiles,
    byTrigger: [],
    byQueue: [],
    byLanguage: [],
    satisfaction: { handoff: { rated: 0, average: null }, botOnly: { rated: 0, average: null } },
    missingFacts: emptyRate,
    intentCorrection: emptyRate,
    repeatExplanation: { ...emptyRate, byVisitor: 0, byOperator: 0 },
    abandonment: emptyRate,
    waitAccuracy: { promised: 0, inside: emptyRate, errorP50: null, errorP90: null },
    scorecard: [],
    daily: [],
    precision: [],
  },
};

export type FakeApi = { [K in keyof InboxApi]: Mock<InboxApi[K]> };

/** Every endpoint answers a harmless success unless the test replaces it; every one is a spy. */
export function fakeApi(overrides: Partial<InboxApi> = {}): FakeApi {
  const action = async (id: string) => ok({ conversation: summary({ conversationId: id }) });
  const defaults: InboxApi = {
    session: async () => ok({ operator: me, csrfToken: 'tok' }),
    login: async () => ok({ operator: me, csrfToken: 'tok' }),
    logout: async () => ok({ ok: true as const }),
    listConversations: async () => ok({ conversations: [], counts: {}, nextCursor: null }),
    conversation: async (id) => ok(detail(summary({ conversationId: id }))),
    claim: action,
    bargeIn: action,
    takeOver: action,
    reply: action,
    attach: action,
    transfer: action,
    returnToBot: action,
    resolve: action,
    correctIntent: action,
    addNote: async (id, body) =>
      ok({
        note: { noteId: 'n1', conversationId: id, author: { operatorId: me.operatorId, name: me.name }, text: body.text, createdAt: at(5) },
      }),
    callbacks: async () => ok({ callbacks: [] }),
    markCallbackDone: async (id) => ok({ callback: callback({ callbackId: id, status: 'done', doneAt: at(30), doneBy: me.operatorId }) }),
    sites: async () => ok({ sites: [{ siteId: 'site_1', name: 'Shop', siteKey: 'pk_1' }] }),
    operators: async () => ok({ operators: [] }),
    savedReplies: async () => ok({ savedReplies: defaultSiteConfig().savedReplies }),
    queues: async () => ok({ queues: defaultSiteConfig().queues.map(({ id, name, members }) => ({ id, name, members })) }),
    siteConfig: async () => ok({ config: defaultSiteConfig(), configVersion: 1 }),
    saveSiteConfig: async (_siteId, config, configVersion) => ok({ config, configVersion: configVersion + 1 }),
    // Over the default config, as if no one else had saved: each change lands at its path.
    patchSiteConfig: async (_siteId, changes) => {
      const config = defaultSiteConfig() as unknown as Record<string, unknown>;
      for (const c of changes) setAt(config, c.path, c.value);
      return ok({ config: config as unknown as ReturnType<typeof defaultSiteConfig>, configVersion: 2 });
    },
    setPresence: async (presence) => ok({ presence }),
    siteSecret: async () => ok({ secret: 'secret-1' }),
    rotateSiteSecret: async () => ok({ secret: 'secret-2' }),
    inviteOperator: async (_siteId, body) =>
      ok({
        inviteUrl: 'http://inbox.test/inbox/#/invite/token',
        email: body.email,
        role: body.role,
        expiresAt: '2026-01-01T00:00:00.000Z',
        emailed: false,
      }),
    removeOperator: async () => ok({ ok: true as const }),
    inviteDetails: async () =>
      ok({ email: 'lee@a.test', siteName: 'Acme', role: 'operator' as const, expiresAt: '2026-01-01T00:00:00.000Z', hasAccount: false }),
    acceptInvite: async () => ok({ email: 'lee@a.test' }),
    changePassword: async () => ok({ ok: true as const }),
    operatorProfiles: async () =>
      ok({ operators: [operatorProfile({ operatorId: me.operatorId, name: me.name, role: 'admin' }), operatorProfile()] }),
    updateOperator: async (_siteId, operatorId, body) => ok({ operator: operatorProfile({ operatorId, ...body }) }),
    botApiKey: async () => ok({ set: false }),
    setBotApiKey: async (_siteId, apiKey) => ok({ set: apiKey !== null }),
    testQuestion: async () => ok({ article: null, confidence: 0, threshold: 0.5, reply: 'fallback', heldBack: false }),
    insights: async () => ok(emptyInsights),
    insightConversations: async () => ok({ conversations: [], more: false }),
    insightsCsvUrl: (siteId) => `/api/sites/${siteId}/insights.csv`,
    eraseVisitorData: async (_siteId, visitorId) =>
      ok({
        erasure: {
          visitorId,
          alreadyErased: false,
          conversations: 1,
          messages: 0,
          callbacks: 0,
          webhookDeliveries: 0,
          auditEntries: 0,
          erasedAt: at(0),
        },
      }),
    reviewSample: async () =>
      ok({
        week: '2026-W49',
        from: '2026-11-30',
        to: '2026-12-06',
        previousWeek: '2026-W48',
        nextWeek: null,
        size: { perTrigger: 5, botOnly: 10 },
        items: [],
      }),
    markReview: async (_siteId, body) =>
      ok({
        item: {
          episodeId: body.episodeId,
          conversationId: body.episodeId.split('#')[0] ?? '',
          episode: 1,
          trigger: 'human_request',
          startedAt: at(0),
          visitorName: null,
          visitorTurn: null,
          outcome: null,
          mark: { verdict: body.verdict, by: me.name, at: at(0), example: null },
        },
      }),
    teachFromReview: async (_siteId, body) =>
      ok({
        item: {
          episodeId: body.episodeId,
          conversationId: body.episodeId.split('#')[0] ?? '',
          episode: 1,
          trigger: 'human_request',
          startedAt: at(0),
          visitorName: null,
          visitorTurn: 'a sentence',
          outcome: null,
          mark: { verdict: 'wrong', by: me.name, at: at(0), example: { label: body.label ?? 'none' } },
        },
      }),
  };
  const all: Record<string, unknown> = { ...defaults, ...overrides };
  for (const [name, fn] of Object.entries(all)) {
    all[name] = vi.isMockFunction(fn) ? fn : vi.fn(fn as (...args: unknown[]) => unknown);
  }
  return all as FakeApi;
}

export class FakeSocket implements OperatorConnection {
  sent: OperatorCommand[] = [];
  connected = false;
  private events = new Set<(event: OperatorEvent) => void>();
  private statuses = new Set<(status: ConnectionStatus, reason: string | null) => void>();
  connect() {
    this.connected = true;
  }
  disconnect() {
    this.connected = false;
  }
  send(command: OperatorCommand) {
    this.sent.push(command);
    return this.connected;
  }
  onEvent(listener: (event: OperatorEvent) => void) {
    this.events.add(listener);
    return () => this.events.delete(listener);
  }
  onStatus(listener: (status: ConnectionStatus, reason: string | null) => void) {
    this.statuses.add(listener);
    return () => this.statuses.delete(listener);
  }
  emit(event: OperatorEvent) {
    for (const l of this.events) l(event);
  }
  status(status: ConnectionStatus, reason: string | null = null) {
    for (const l of this.statuses) l(status, reason);
  }
}

/** Lets pending promise callbacks run; works with fake timers too. */
export async function settle() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
