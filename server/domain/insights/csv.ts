import type { InsightsFigures } from '../../../shared/insights';

// The CSV export: one row per figure, the same numbers the Insights view shows (durations in
// seconds, rates as fractions), so a spreadsheet and the screen can be compared line by line.

const cell = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const num = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);

/** Rows of figure, group, value, count, of. */
export function insightsCsv(f: InsightsFigures): string {
  const rows: Array<[string, string, number | null, number | null, number | null]> = [];
  const rate = (name: string, r: { count: number; of: number; rate: number | null }) => rows.push([name, '', num(r.rate), r.count, r.of]);
  const quantiles = (name: string, q: { count: number; p50: number | null; p90: number | null }) => {
    rows.push([`${name}_p50_seconds`, '', num(q.p50), q.count, null]);
    rows.push([`${name}_p90_seconds`, '', num(q.p90), q.count, null]);
  };
  rows.push(['conversations', '', f.conversations, null, null]);
  rows.push(['handoffs', '', f.handoffs, null, null]);
  rate('escalation_rate', f.escalationRate);
  quantiles('time_to_human', f.timeToHuman);
  quantiles('time_to_first_reply', f.timeToFirstReply);
  quantiles('resolution_time', f.resolutionTime);
  for (const b of f.byTrigger) rows.push(['handoffs_by_trigger', b.key, b.count, null, null]);
  for (const b of f.byQueue) rows.push(['handoffs_by_queue', b.key, b.count, null, null]);
  for (const b of f.byLanguage) rows.push(['handoffs_by_language', b.key, b.count, null, null]);
  rows.push(['satisfaction_after_handoff', '', num(f.satisfaction.handoff.average), f.satisfaction.handoff.rated, null]);
  rows.push(['satisfaction_bot_only', '', num(f.satisfaction.botOnly.average), f.satisfaction.botOnly.rated, null]);
  rate('missing_facts_rate', f.missingFacts);
  rate('intent_correction_rate', f.intentCorrection);
  rate('repeat_explanation_rate', f.repeatExplanation);
  rate('abandonment_rate', f.abandonment);
  rate('wait_inside_range_rate', f.waitAccuracy.inside);
  rows.push(['wait_error_p50_seconds', '', num(f.waitAccuracy.errorP50), f.waitAccuracy.promised, null]);
  rows.push(['wait_error_p90_seconds', '', num(f.waitAccuracy.errorP90), f.waitAccuracy.promised, null]);
  for (const s of f.scorecard) {
    rows.push(['scorecard_handoffs', s.trigger, s.handoffs, null, null]);
    rows.push(['scorecard_resolved_by_person', s.trigger, s.resolvedByPerson, null, s.handoffs]);
    rows.push(['scorecard_returned_to_bot', s.trigger, s.returnedToBot, null, s.handoffs]);
    rows.push(['scorecard_rated', s.trigger, s.rated, null, s.handoffs]);
    rows.push(['scorecard_reopened_24h', s.trigger, s.reopened24h, null, s.handoffs]);
  }
  for (const p of f.precision) rows.push(['review_precision', p.trigger, num(p.precision), p.right, p.right + p.wrong]);
  return `${['figure,group,value,count,of', ...rows.map((r) => r.map(cell).join(','))].join('\n')}\n`;
}
