import type { HandoverRule } from '../../shared/config/routing';
import type { TriggerId } from '../../shared/entities';

/** What routing looks at; tags must already be limited to verified ones. */
export interface RoutingInput {
  primaryTrigger: TriggerId | null;
  /** Every escalating trigger; a rule naming triggers matches any of them ("buying intent goes to sales", whatever else fired). */
  triggers?: readonly TriggerId[];
  intent: string;
  tags: readonly string[];
  page?: string;
  /** BCP 47, e.g. "es-MX"; a rule's "es" matches it. */
  locale: string;
  /** The matched policy topic's own queue, used when no handover rule matches. */
  topicQueue?: { topic: string; queue: string };
}

export interface RoutingDefaults {
  defaultQueue: string;
  /** When given, rules pointing at a queue the site does not have are skipped, not obeyed. */
  knownQueues?: readonly string[];
}

export interface RouteDecision {
  queue: string;
  /** The handover rule's id, `topic:<id>` for a policy topic's queue, or 'default'. */
  routingRule: string;
}

const lower = (s: string): string => s.toLowerCase();

function matchesLanguage(languages: readonly string[], locale: string): boolean {
  const full = lower(locale);
  const primary = full.split(/[-_]/)[0] ?? full;
  return languages.some((l) => lower(l) === full || lower(l) === primary);
}

/** Whether every condition the rule states holds; a rule with no conditions catches all. */
export function isRuleMatching(rule: HandoverRule, input: RoutingInput): boolean {
  const { triggers, intents, tags, pageContains, languages } = rule.when;
  const fired = input.triggers ?? (input.primaryTrigger !== null ? [input.primaryTrigger] : []);
  if (triggers && !fired.some((t) => triggers.includes(t))) return false;
  if (intents && !intents.some((i) => lower(i) === lower(input.intent))) return false;
  if (tags) {
    const visitorTags = new Set(input.tags.map(lower));
    if (!tags.some((t) => visitorTags.has(lower(t)))) return false;
  }
  if (pageContains !== undefined && !(input.page ?? '').includes(pageContains)) return false;
  if (languages && !matchesLanguage(languages, input.locale)) return false;
  return true;
}

/** Picks the queue: handover rules in order, then the policy topic's queue, then the default. */
export function routeToQueue(input: RoutingInput, rules: readonly HandoverRule[], defaults: RoutingDefaults): RouteDecision {
  const isKnown = (queue: string): boolean => defaults.knownQueues?.includes(queue) ?? true;
  for (const rule of rules) {
    if (isKnown(rule.queue) && isRuleMatching(rule, input)) return { queue: rule.queue, routingRule: rule.id };
  }
  if (input.topicQueue && isKnown(input.topicQueue.queue)) {
    return { queue: input.topicQueue.queue, routingRule: `topic:${input.topicQueue.topic}` };
  }
  return { queue: defaults.defaultQueue, routingRule: 'default' };
}
