import type { InsightsFigures } from '../../../shared/insights';
import { BUCKET_COUNT, quantileOf } from './buckets';
import type { CountMeasure, DurationMeasure, SumMeasure } from './measures';
import { bucketField, countField, sumField } from './rollup';

/** A rollup document as read: its dimensions and its counters (absent counters are zero). */
export type RollupRow = { day: string; trigger: string; queue: string; language: string } & Record<string, unknown>;

type Quantiles = InsightsFigures['timeToHuman'];
type Rate = InsightsFigures['missingFacts'];

type Totals = Record<string, number>;

function add(into: Totals, row: RollupRow) {
  for (const [f, v] of Object.entries(row))
    if (typeof v === 'number' && (f.startsWith('n_') || f.startsWith('s_') || f.startsWith('h_'))) into[f] = (into[f] ?? 0) + v;
}
const sumRows = (rows: readonly RollupRow[]) => {
  const t: Totals = {};
  for (const r of rows) add(t, r);
  return t;
};
const n = (t: Totals, m: CountMeasure) => t[countField(m)] ?? 0;
const s = (t: Totals, m: SumMeasure) => t[sumField(m)] ?? 0;
const rate = (count: number, of: number): Rate => ({ count, of, rate: of === 0 ? null : count / of });
const buckets = (t: Totals, m: DurationMeasure) => Array.from({ length: BUCKET_COUNT }, (_, i) => t[bucketField(m, i)] ?? 0);

export function quantiles(t: Totals, m: DurationMeasure): Quantiles {
  const counts = buckets(t, m);
  return { count: counts.reduce((a, b) => a + b, 0), p50: quantileOf(counts, 0.5), p90: quantileOf(counts, 0.9) };
}

function breakdown(rows: readonly RollupRow[], dim: 'trigger' | 'queue' | 'language'): Array<{ key: string; count: number }> {
  const by = new Map<string, number>();
  for (const r of rows) {
    const handoffs = ((r[countField('escalated')] as number) ?? 0) + ((r[countField('barged_in')] as number) ?? 0);
    if (handoffs) by.set(r[dim], (by.get(r[dim]) ?? 0) + handoffs);
  }
  return [...by].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Every Insights figure from the rollup rows the filters selected. */
export function insightsFrom(rows: readonly RollupRow[]): Omit<InsightsFigures, 'precision'> {
  const t = sumRows(rows);
  const handoffs = n(t, 'escalated') + n(t, 'barged_in');
  const byTriggerRows = new Map<string, RollupRow[]>();
  for (const r of rows) byTriggerRows.set(r.trigger, [...(byTriggerRows.get(r.trigger) ?? []), r]);
  const scorecard = [...byTriggerRows]
    .filter(([trigger]) => trigger !== 'bot_only')
    .map(([trigger, list]) => {
      const tt = sumRows(list);
      return {
        trigger,
        handoffs: n(tt, 'escalated') + n(tt, 'barged_in'),
        resolvedByPerson: n(tt, 'resolved_by_person'),
        returnedToBot: n(tt, 'returned_to_bot'),
        rated: n(tt, 'rated_handoff'),
        reopened24h: n(tt, 'reopened_24h'),
      };
    })
    .sort((a, b) => b.handoffs - a.handoffs || a.trigger.localeCompare(b.trigger));
  const ratedHandoff = n(t, 'rated_handoff');
  const ratedBot = n(t, 'rated_bot_only');
  const error = quantiles(t, 'wait_error');
  return {
    conversations: n(t, 'episodes'),
    handoffs,
    escalationRate: rate(n(t, 'escalated'), n(t, 'episodes')),
    timeToHuman: quantiles(t, 'time_to_human'),
    timeToFirstReply: quantiles(t, 'time_to_first_reply'),
    resolutionTime: quantiles(t, 'resolution_time'),
    byTrigger: breakdown(rows, 'trigger'),
    byQueue: breakdown(rows, 'queue'),
    byLanguage: breakdown(rows, 'language'),
    satisfaction: {
      handoff: { rated: ratedHandoff, average: ratedHandoff ? s(t, 'rating_handoff') / ratedHandoff : null },
      botOnly: { rated: ratedBot, average: ratedBot ? s(t, 'rating_bot_only') / ratedBot : null },
    },
    missingFacts: rate(n(t, 'missing_facts'), handoffs),
    intentCorrection: rate(n(t, 'intent_corrected'), handoffs),
    repeatExplanation: {
      ...rate(n(t, 'repeat_explanation'), handoffs),
      byVisitor: n(t, 'repeat_by_visitor'),
      byOperator: n(t, 'repeat_by_operator'),
    },
    abandonment: rate(n(t, 'abandoned'), n(t, 'escalated')),
    waitAccuracy: {
      promised: n(t, 'wait_promised'),
      inside: rate(n(t, 'wait_inside'), n(t, 'wait_promised')),
      errorP50: error.p50,
      errorP90: error.p90,
    },
    scorecard,
    daily: dailyOf(rows),
  };
}

function dailyOf(rows: readonly RollupRow[]): InsightsFigures['daily'] {
  const byDay = new Map<string, RollupRow[]>();
  for (const r of rows) byDay.set(r.day, [...(byDay.get(r.day) ?? []), r]);
  return [...byDay]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, list]) => {
      const t = sumRows(list);
      return {
        day,
        handoffs: n(t, 'escalated') + n(t, 'barged_in'),
        botOnly: n(t, 'bot_only'),
        timeToHumanP50: quantiles(t, 'time_to_human').p50,
      };
    });
}
