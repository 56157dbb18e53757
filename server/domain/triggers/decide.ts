import type { FiredTrigger } from '../../../shared/case-package';
import type { TriggerId, Urgency } from '../../../shared/entities';
import type { SiteConfig } from '../../../shared/site-config';
import type { HandoffDecision } from '../handoff-decision';
import { routeToQueue } from '../routing';
import type { ConversationState, TopicHit } from './conversation-state';
import { isByMeaning } from './meaning';
import { askLimitFor, missingFactsFor } from './required-facts';
import { maxUrgency } from './urgency';

/**
 * Strongest first. An explicit ask beats everything; policy sits above identity and above the
 * bot's own signals; confidence comes last because it measures doubt about an answer, not what
 * the visitor needs.
 */
export const triggerStrength: readonly TriggerId[] = [
  'human_request',
  'policy_topic',
  'customer_tag',
  'tool_failure',
  'frustration',
  'repeated_failure',
  'out_of_scope',
  'buying_intent',
  'low_confidence',
];

interface Candidate extends FiredTrigger {
  urgency: Urgency;
  isEscalating: boolean;
}

/** A policy topic waits while its required facts are missing and the visitor has not been asked too often. */
function isTopicWaiting(hit: TopicHit, state: ConversationState): boolean {
  const rules = state.compiled.config.requiredFacts;
  if (missingFactsFor([hit.topic.id], rules, state.facts).length === 0) return false;
  return state.visitorTurns - hit.visitorTurn < askLimitFor(hit.topic.id, rules);
}

/** A topic that is ready leads, one found by its keywords before one found by meaning alone. */
function leadingTopic(state: ConversationState): TopicHit | null {
  const ready = state.topics.filter((t) => !isTopicWaiting(t, state));
  return ready.find((t) => !isByMeaning(t.evidence)) ?? ready[0] ?? state.topics[0] ?? null;
}

function candidatesOf(state: ConversationState): Candidate[] {
  const config = state.compiled.config;
  const found: Candidate[] = [];
  if (state.humanRequest !== null) {
    found.push({ trigger: 'human_request', evidence: state.humanRequest, urgency: config.human_request.urgency, isEscalating: true });
  }
  const ready = state.topics.filter((t) => !isTopicWaiting(t, state));
  const lead = leadingTopic(state);
  if (lead) {
    const urgency = (ready.length > 0 ? ready : state.topics).reduce<Urgency>((u, t) => maxUrgency(u, t.topic.urgency), 'low');
    found.push({ trigger: 'policy_topic', evidence: lead.evidence, urgency, isEscalating: ready.length > 0 });
  }
  for (const [trigger, firing] of state.fired) found.push({ trigger, ...firing, isEscalating: true });
  if (state.unsureAnswer && config.low_confidence.mode === 'offer') {
    found.push({ trigger: 'low_confidence', evidence: state.unsureAnswer, urgency: config.low_confidence.urgency, isEscalating: false });
  }
  // Escalating triggers lead so that triggers[0] is the primary one; those that only wait or offer
  // follow. Among them, what rules found leads what the meaning alone found.
  const n = triggerStrength.length;
  const rank = (c: Candidate): number =>
    (c.isEscalating ? 0 : 2 * n) + (isByMeaning(c.evidence) ? n : 0) + triggerStrength.indexOf(c.trigger);
  return found.sort((a, b) => rank(a) - rank(b));
}

/** Whether the conversation should go to a person now; cheaper than a full decision. */
export function isEscalating(state: ConversationState, site: SiteConfig): boolean {
  if (!site.handoffEnabled) return false;
  if (state.humanRequest !== null || state.fired.size > 0) return true;
  return state.topics.some((t) => !isTopicWaiting(t, state));
}

export function decisionFrom(state: ConversationState, site: SiteConfig): HandoffDecision {
  const candidates = candidatesOf(state);
  const escalating = site.handoffEnabled ? candidates.filter((c) => c.isEscalating) : [];
  const escalate = escalating.length > 0;
  const lead = leadingTopic(state);
  const category = state.compiled.intents.find((i) => i.intent.id === state.category)?.intent ?? null;
  // The issue type: a topic named by its keywords, else a routing keyword, else a topic found by
  // meaning (it passed the stricter test: its threshold and a margin over the rivals), else a routing
  // hint found by meaning (which needs only the routing floor).
  const ruleTopic = lead && !isByMeaning(lead.evidence) ? lead.topic.id : null;
  const keywordCategory = state.isCategoryByKeyword ? state.category : null;
  const intent = ruleTopic ?? keywordCategory ?? lead?.topic.id ?? state.category ?? state.botIntent ?? 'general_question';
  const missingFacts = missingFactsFor([...state.topics.map((t) => t.topic.id), intent], site.triggers.requiredFacts, state.facts);
  const waiting = state.topics.filter((t) => isTopicWaiting(t, state)).map((t) => t.topic.id);
  const primaryTrigger = escalating[0]?.trigger ?? null;
  const visitor = state.visitor;
  const route = routeToQueue(
    {
      primaryTrigger,
      triggers: escalating.map((c) => c.trigger),
      intent,
      tags: visitor.verified ? visitor.tags : [],
      page: visitor.page,
      locale: visitor.locale,
      topicQueue: lead ? { topic: lead.topic.id, queue: lead.topic.queue } : undefined,
    },
    site.handoverRules,
    { defaultQueue: site.defaultQueue, knownQueues: site.queues.map((q) => q.id) },
  );
  return {
    escalate,
    triggers: candidates.map(({ trigger, evidence }) => ({ trigger, evidence })),
    primaryTrigger,
    ...route,
    urgency: escalating.reduce<Urgency>((u, c) => maxUrgency(u, c.urgency), 'low'),
    missingFacts,
    askForFacts: escalate ? [] : missingFactsFor(waiting, site.triggers.requiredFacts, state.facts),
    // A bot reply that already asks "would you like a person?" (the default fallback) needs no second offer.
    offerHuman: !escalate && site.handoffEnabled && !state.hasBotOfferedPerson && candidates.some((c) => c.trigger === 'low_confidence'),
    // As for the intent: a topic found by meaning alone names the matter only when no routing keyword does.
    topic:
      (ruleTopic !== null ? lead?.topic.label : undefined) ??
      (keywordCategory !== null ? category?.label : undefined) ??
      lead?.topic.label ??
      category?.label ??
      null,
    intent,
    facts: { ...state.facts },
  };
}
