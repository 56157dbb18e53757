import type { HandoverRule } from '../../shared/config/routing';

/** "en, pt-BR de" → ["en", "pt-BR", "de"]: commas or spaces separate tags. */
export const parseTagList = (text: string) => text.split(/[\s,]+/).filter(Boolean);
export const formatTagList = (tags: readonly string[] | undefined) => (tags ?? []).join(', ');

/** Queue members with `operatorId` ticked or not, in the order they were ticked. */
export function withMember(members: readonly string[], operatorId: string, member: boolean): string[] {
  const others = members.filter((id) => id !== operatorId);
  return member ? [...others, operatorId] : others;
}

/** A copy with the item at `from` moved to `to`; out-of-range moves change nothing. */
export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

type When = HandoverRule['when'];
type ListKey = Exclude<keyof When, 'pageContains'>;

/**
 * Sets one condition of a rule. An emptied condition is removed rather than stored empty: routing
 * treats a present empty list as "matches nothing" and an empty page text as "matches every page".
 */
export function withCondition<K extends ListKey>(when: When, key: K, value: NonNullable<When[K]>): When;
export function withCondition(when: When, key: 'pageContains', value: string): When;
export function withCondition(when: When, key: keyof When, value: readonly string[] | string): When {
  const { [key]: _, ...rest } = when;
  const empty = typeof value === 'string' ? value.trim() === '' : value.length === 0;
  if (empty) return rest;
  return { ...rest, [key]: typeof value === 'string' ? value.trim() : [...value] };
}

/** A rule without conditions takes every handoff, so no rule below it is ever reached. */
export const catchesAll = (rule: HandoverRule) => Object.values(rule.when).every((v) => v === undefined);

/** "rule-1", "rule-2"…: the first id no rule has yet. */
export function newRuleId(rules: readonly HandoverRule[]): string {
  const taken = new Set(rules.map((r) => r.id));
  let n = rules.length + 1;
  while (taken.has(`rule-${n}`)) n++;
  return `rule-${n}`;
}
