import type { RequiredFactsRule } from '../../../shared/config/triggers';

/** Facts the rules for these topics or intents need and the conversation lacks, in rule order. */
export function missingFactsFor(
  topicIds: readonly string[],
  rules: readonly RequiredFactsRule[],
  facts: Readonly<Record<string, string>>,
): string[] {
  const missing: string[] = [];
  for (const rule of rules) {
    if (!rule.topics.some((t) => topicIds.includes(t))) continue;
    for (const fact of rule.facts) if (!facts[fact] && !missing.includes(fact)) missing.push(fact);
  }
  return missing;
}

/** How many visitor replies to wait for facts on this topic; the strictest matching rule wins. */
export function askLimitFor(topicId: string, rules: readonly RequiredFactsRule[]): number {
  let limit = Number.POSITIVE_INFINITY;
  for (const rule of rules) if (rule.topics.includes(topicId)) limit = Math.min(limit, rule.askAtMost);
  return limit;
}
