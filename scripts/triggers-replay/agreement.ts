import type { ReplayResult } from '../../server/domain/triggers';
import type { Expectation } from './conversation-line';

/**
 * How one conversation compares with its `expect`. The trigger must be the primary trigger:
 * the reason the case is routed and shown to the visitor; merely being among the fired ones is
 * tallied apart (`triggerFired`) to help tuning, but does not count as agreement.
 */
export interface Agreement {
  decision: boolean;
  trigger: boolean | null;
  triggerFired: boolean | null;
  queue: boolean | null;
  atTurn: boolean | null;
}

export function compareWithExpectation(expect: Expectation, { decision, atTurn }: ReplayResult): Agreement {
  const escalated = decision.escalate;
  const check = <T>(expected: T | undefined, actual: T | null): boolean | null =>
    expected === undefined ? null : escalated && actual === expected;
  return {
    decision: escalated === expect.escalate,
    trigger: check(expect.trigger, decision.primaryTrigger),
    triggerFired: expect.trigger === undefined ? null : decision.triggers.some((t) => t.trigger === expect.trigger),
    queue: check(expect.queue, decision.queue),
    atTurn: check(expect.atTurn, atTurn),
  };
}

export const isAgreeing = (a: Agreement): boolean => a.decision && a.trigger !== false && a.queue !== false && a.atTurn !== false;

type Field = keyof Agreement;
const FIELDS: readonly Field[] = ['decision', 'trigger', 'triggerFired', 'queue', 'atTurn'];

export interface Tally {
  conversations: number;
  escalated: number;
  badLines: number;
  withExpectation: number;
  agreeing: number;
  fields: Record<Field, { agree: number; total: number }>;
  disagreements: string[];
}

export function emptyTally(): Tally {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, { agree: 0, total: 0 }])) as Tally['fields'];
  return { conversations: 0, escalated: 0, badLines: 0, withExpectation: 0, agreeing: 0, fields, disagreements: [] };
}

const describeResult = (r: ReplayResult): string =>
  r.decision.escalate ? `escalate by ${r.decision.primaryTrigger} to ${r.decision.queue} at turn ${r.atTurn}` : 'no escalation';
const describeExpected = (e: Expectation): string =>
  e.escalate ? `escalate by ${e.trigger ?? '?'} to ${e.queue ?? '?'} at turn ${e.atTurn ?? '?'}` : 'no escalation';

/** Adds one replayed conversation to the tally (mutates it: the tally belongs to one run). */
export function countConversation(tally: Tally, id: string, result: ReplayResult, expect: Expectation | undefined): void {
  tally.conversations++;
  if (result.decision.escalate) tally.escalated++;
  if (!expect) return;
  tally.withExpectation++;
  const agreement = compareWithExpectation(expect, result);
  for (const field of FIELDS) {
    const value = agreement[field];
    if (value === null) continue;
    tally.fields[field].total++;
    if (value) tally.fields[field].agree++;
  }
  if (isAgreeing(agreement)) tally.agreeing++;
  else tally.disagreements.push(`${id}: expected ${describeExpected(expect)}; got ${describeResult(result)}`);
}

/** The stderr summary, one fact per line. */
export function summarize(tally: Tally, elapsedMs: number): string {
  const f = tally.fields;
  const ratio = (field: Field): string => `${f[field].agree}/${f[field].total}`;
  const lines = [
    `replayed ${tally.conversations} conversations in ${Math.round(elapsedMs)} ms: ${tally.escalated} escalated, ${tally.conversations - tally.escalated} stayed with the bot; ${tally.badLines} bad lines skipped`,
  ];
  if (tally.withExpectation > 0) {
    lines.push(
      `expectations: ${tally.agreeing}/${tally.withExpectation} agree fully; decision ${ratio('decision')}, primary trigger ${ratio('trigger')} (among fired ${ratio('triggerFired')}), queue ${ratio('queue')}, atTurn ${ratio('atTurn')}`,
      ...tally.disagreements.map((d) => `  disagrees ${d}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
