import type { CasePackage } from '../../shared/case-package';
import { SiteConfig, type SiteConfigInput } from '../../shared/site-config';
import type { ConversationDoc, SiteDoc } from '../store/documents';

export const SECRET = 'site-secret-for-webhook-tests';
export const T0 = new Date('2025-03-10T14:00:00.000Z');

export function siteWith(webhook: SiteConfigInput['webhook']): SiteDoc {
  return {
    _id: 'site-1',
    siteKey: 'demo',
    name: 'Lamp Shop',
    secret: SECRET,
    config: SiteConfig.parse({ webhook }),
    configVersion: 1,
    updatedAt: T0,
  };
}

export function casePackage(summary: [string, string]): CasePackage {
  return {
    summary,
    intent: 'refund',
    intentCorrection: null,
    triggers: [{ trigger: 'human_request', evidence: 'agent please' }],
    queue: 'billing',
    routingRule: 'refunds-to-billing',
    visitor: {
      name: 'Ana Silva',
      email: 'ana@example.com',
      verified: true,
      locale: 'en',
      timeZone: 'Europe/Lisbon',
      page: '/orders',
      referrer: null,
      tags: [],
      attributes: {},
      earlierConversations: 0,
    },
    facts: { orderNumber: '48213' },
    botAttempts: [],
    urgency: 'high',
    flags: [],
    missingFacts: [],
    suggestedReply: 'Hi Ana, I am looking at order 48213 now.',
    modelNotes: null,
    suggestedReplies: [{ trigger: 'human_request', text: 'Hi Ana, I am looking at order 48213 now.' }],
    replyTone: 'friendly',
    updatedAt: T0.toISOString(),
  };
}

export function conversation(overrides: Partial<ConversationDoc> = {}): ConversationDoc {
  return {
    _id: 'conv-1',
    siteId: 'site-1',
    visitorId: 'visitor-1',
    state: 'queued',
    version: 3,
    queue: 'billing',
    owner: null,
    offer: null,
    declinedBy: [],
    lastSeq: 4,
    botSinceSeq: 0,
    urgency: 'high',
    triggers: ['human_request', 'frustration'],
    firedTriggers: [],
    handoffTopic: 'a refund',
    intent: 'refund',
    missingFacts: [],
    facts: { orderNumber: '48213' },
    casePackage: casePackage([
      'Ana Silva wants a refund (order 48213): "My lamp arrived broken, mail me at ana@example.com"',
      'The bot answered once (confidence 0.41); the visitor asked for a person.',
    ]),
    callbackBooked: null,
    rating: null,
    visitorName: 'Ana Silva',
    visitorLocale: 'en',
    lastMessagePreview: 'agent please',
    createdAt: T0,
    escalatedAt: new Date(T0.getTime() + 60_000),
    claimedAt: null,
    resolvedAt: null,
    lastActivityAt: T0,
    lastVisitorActivityAt: T0,
    ...overrides,
  };
}
