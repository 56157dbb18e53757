import type { ReplayResult } from '../../server/domain/triggers';
import type { Expectation } from './conversation-line';

/**
 * The figures a labelled set is judged by: recall (of the conversations that needed a person, how
 * many were handed over), false escalations (of those that did not, how many were), and, over the
 * escalations both agree on, the queue, the primary trigger and the turn. Broken down per language
 * and per expected trigger, because an average hides the language or reason that fails.
 */
export interface Outcome {
  language: string;
  expect: Expectation;
  result: ReplayResult;
}

interface Ratio {
  hit: number;
  of: number;
}

export interface Measures {
  recall: Ratio;
  falseEscalations: Ratio;
  queue: Ratio;
  trigger: Ratio;
  atTurn: Ratio;
  byLanguage: Map<string, { recall: Ratio; falseEscalations: Ratio; queue: Ratio }>;
  byTrigger: Map<string, { recall: Ratio; queue: Ratio }>;
}

const ratio = (): Ratio => ({ hit: 0, of: 0 });
const add = (r: Ratio, hit: boolean): void => {
  r.of++;
  if (hit) r.hit++;
};

function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const found = map.get(key);
  if (found) return found;
  const made = make();
  map.set(key, made);
  return made;
}

export function measure(outcomes: readonly Outcome[]): Measures {
  const m: Measures = {
    recall: ratio(),
    falseEscalations: ratio(),
    queue: ratio(),
    trigger: ratio(),
    atTurn: ratio(),
    byLanguage: new Map(),
    byTrigger: new Map(),
  };
  for (const { language, expect, result } of outcomes) {
    const lang = entry(m.byLanguage, language, () => ({ recall: ratio(), falseEscalations: ratio(), queue: ratio() }));
    const escalated = result.decision.escalate;
    if (!expect.escalate) {
      add(m.falseEscalations, escalated);
      add(lang.falseEscalations, escalated);
      continue;
    }
    const byTrigger = entry(m.byTrigger, expect.trigger ?? '(none given)', () => ({ recall: ratio(), queue: ratio() }));
    add(m.recall, escalated);
    add(lang.recall, escalated);
    add(byTrigger.recall, escalated);
    if (!escalated) continue;
    if (expect.queue !== undefined) {
      const isRight = result.decision.queue === expect.queue;
      add(m.queue, isRight);
      add(lang.queue, isRight);
      add(byTrigger.queue, isRight);
    }
    if (expect.trigger !== undefined) add(m.trigger, result.decision.primaryTrigger === expect.trigger);
    if (expect.atTurn !== undefined) add(m.atTurn, result.atTurn === expect.atTurn);
  }
  return m;
}

const show = (r: Ratio): string => (r.of === 0 ? '—' : `${(r.hit / r.of).toFixed(3)} (${r.hit}/${r.of})`);

/** The figures as a few aligned lines for standard error. */
export function formatMeasures(m: Measures): string {
  const lines = [
    'measures (recall and false escalations on the decision; queue, trigger and turn over the escalations both agree on):',
    `  recall ${show(m.recall)}  false escalations ${show(m.falseEscalations)}  queue ${show(m.queue)}  primary trigger ${show(m.trigger)}  atTurn ${show(m.atTurn)}`,
    '  per language:',
    ...[...m.byLanguage]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([lang, r]) =>
          `    ${lang.padEnd(6)} recall ${show(r.recall).padEnd(18)} false escalations ${show(r.falseEscalations).padEnd(18)} queue ${show(r.queue)}`,
      ),
    '  per expected trigger:',
    ...[...m.byTrigger]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([trigger, r]) => `    ${trigger.padEnd(17)} recall ${show(r.recall).padEnd(18)} queue ${show(r.queue)}`),
  ];
  return `${lines.join('\n')}\n`;
}
