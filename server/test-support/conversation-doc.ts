import type { ConversationDoc } from '../store/documents';

/**
 * A valid stored conversation for a test to insert or pass around: queued on site-a in the general queue,
 * with nothing fired, owned, offered, booked or rated yet. Pass only what the test is about.
 * Unless overridden, the visitor is `v-<_id>`, and escalation and the last activity stand at `createdAt`
 * (by default the moment of the call), so one override moves a whole quiet conversation in time.
 */
export function conversationDoc(overrides: Partial<ConversationDoc> = {}): ConversationDoc {
  const _id = overrides._id ?? 'conv-1';
  const at = overrides.createdAt ?? new Date();
  return {
    _id,
    siteId: 'site-a',
    visitorId: `v-${_id}`,
    state: 'queued',
    version: 1,
    queue: 'general',
    owner: null,
    lastSeq: 0,
    botSinceSeq: 0,
    urgency: 'normal',
    triggers: [],
    firedTriggers: [],
    handoffTopic: null,
    intent: null,
    missingFacts: [],
    facts: {},
    casePackage: null,
    callbackBooked: null,
    rating: null,
    offer: null,
    declinedBy: [],
    visitorName: null,
    visitorLocale: 'en',
    lastMessagePreview: null,
    createdAt: at,
    escalatedAt: at,
    claimedAt: null,
    resolvedAt: null,
    lastActivityAt: at,
    lastVisitorActivityAt: at,
    ...overrides,
  };
}
