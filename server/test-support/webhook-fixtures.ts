import type { CasePackage } from '../../shared/case-package';
import { SiteConfig, type SiteConfigInput } from '../../shared/site-config';
import type { ConversationDoc, SiteDoc } from '../store/documents';
import { conversationDoc } from './conversation-doc';

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

/** A queued refund conversation on site-1, escalated a minute after T0 with its case package written. */
export function conversation(overrides: Partial<ConversationDoc> = {}): ConversationDoc {
  return conversationDoc({
    siteId: 'site-1',
    visitorId: 'visitor-1',
    version: 3,
    queue: 'billing',
    lastSeq: 4,
    urgency: 'high',
    triggers: ['human_request', 'frustration'],
    handoffTopic: 'a refund',
    intent: 'refund',
    facts: { orderNumber: '48213' },
    casePackage: casePackage([
      'Ana Silva wants a refund (order 48213): "My lamp arrived broken, mail me at ana@example.com"',
      'The bot answered once (confidence 0.41); the visitor asked for a person.',
    ]),
    visitorName: 'Ana Silva',
    lastMessagePreview: 'agent please',
    createdAt: T0,
    escalatedAt: new Date(T0.getTime() + 60_000),
    ...overrides,
  });
}
