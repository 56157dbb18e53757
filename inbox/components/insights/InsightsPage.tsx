import { useCallback, useEffect, useMemo } from 'preact/hooks';
import type { InsightsFigures, InsightsMeasure } from '../../../shared/insights';
import { createInsightsModel, formatAverage, formatDuration, formatRate, type InsightsModel } from '../../models/insights-model';
import { useApp } from '../app-context';
import { DailyChart } from './DailyChart';
import { DrillDownList } from './DrillDownList';
import { InsightsFilterForm } from './InsightsFilterForm';
import { ReviewSample } from './ReviewSample';
import './insights.css';

interface Figure {
  id: string;
  label: string;
  /** As shown. */
  value: string;
  /** As exported in the CSV's value column. */
  raw: number | null;
  detail: string;
  measure: InsightsMeasure;
  /** How many conversations the link lists. */
  count: number;
}

const q = (x: number | null) => x;

function figuresOf(f: InsightsFigures): Figure[] {
  const dur = (
    id: string,
    label: string,
    v: { count: number; p50: number | null; p90: number | null },
    measure: InsightsMeasure,
  ): Figure[] => [
    {
      id: `${id}_p50_seconds`,
      label: `${label}, p50`,
      value: formatDuration(v.p50),
      raw: q(v.p50),
      detail: `p90 ${formatDuration(v.p90)}`,
      measure,
      count: v.count,
    },
    {
      id: `${id}_p90_seconds`,
      label: `${label}, p90`,
      value: formatDuration(v.p90),
      raw: q(v.p90),
      detail: `of ${v.count}`,
      measure,
      count: v.count,
    },
  ];
  const rate = (
    id: string,
    label: string,
    r: { count: number; of: number; rate: number | null },
    measure: InsightsMeasure,
    detail?: string,
  ): Figure => ({
    id,
    label,
    value: formatRate(r.rate),
    raw: r.rate,
    detail: detail ?? `${r.count} of ${r.of}`,
    measure,
    count: r.count,
  });
  return [
    {
      id: 'handoffs',
      label: 'Handoffs',
      value: String(f.handoffs),
      raw: f.handoffs,
      detail: `of ${f.conversations} conversations`,
      measure: 'escalated',
      count: f.handoffs,
    },
    rate('escalation_rate', 'Escalation rate', f.escalationRate, 'escalated'),
    ...dur('time_to_human', 'Time to human', f.timeToHuman, 'time_to_human'),
    ...dur('time_to_first_reply', 'Time to first human reply', f.timeToFirstReply, 'time_to_first_reply'),
    ...dur('resolution_time', 'Escalated resolution time', f.resolutionTime, 'resolution_time'),
    {
      id: 'satisfaction_after_handoff',
      label: 'Satisfaction after handoff',
      value: formatAverage(f.satisfaction.handoff.average),
      raw: f.satisfaction.handoff.average,
      detail: `${f.satisfaction.handoff.rated} rated`,
      measure: 'rated_handoff',
      count: f.satisfaction.handoff.rated,
    },
    {
      id: 'satisfaction_bot_only',
      label: 'Satisfaction, bot only',
      value: formatAverage(f.satisfaction.botOnly.average),
      raw: f.satisfaction.botOnly.average,
      detail: `${f.satisfaction.botOnly.rated} rated`,
      measure: 'rated_bot_only',
      count: f.satisfaction.botOnly.rated,
    },
    rate('missing_facts_rate', 'Missing required facts', f.missingFacts, 'missing_facts'),
    rate('intent_correction_rate', 'Intent corrected', f.intentCorrection, 'intent_corrected'),
    rate(
      'repeat_explanation_rate',
      'Repeat explanation',
      f.repeatExplanation,
      'repeat_explanation',
      `${f.repeatExplanation.count} of ${f.repeatExplanation.of}: visitor restated ${f.repeatExplanation.byVisitor}, operator asked ${f.repeatExplanation.byOperator}`,
    ),
    rate('abandonment_rate', 'Abandoned while waiting', f.abandonment, 'abandoned'),
    rate('wait_inside_range_rate', 'Wait inside the range promised', f.waitAccuracy.inside, 'wait_promised'),
    {
      id: 'wait_error_p50_seconds',
      label: 'Wait estimate error, p50',
      value: formatDuration(f.waitAccuracy.errorP50),
      raw: f.waitAccuracy.errorP50,
      detail: `p90 ${formatDuration(f.waitAccuracy.errorP90)}, ${f.waitAccuracy.promised} promised`,
      measure: 'wait_error',
      count: f.waitAccuracy.promised,
    },
  ];
}

export function InsightsPage() {
  const app = useApp();
  const model = useMemo(() => createInsightsModel(app.api, () => app.directory.sites.peek()[0]?.siteId ?? null), [app]);
  const siteId = app.directory.sites.value[0]?.siteId ?? null;
  useEffect(() => {
    if (siteId) void model.load();
  }, [model, siteId]);
  const data = model.data.value;
  const reload = useCallback(() => void model.load(), [model]);
  return (
    <div class="insights">
      <h2>Insights</h2>
      <p class="muted">
        {data?.scope === 'mine' ? 'The handoffs you took.' : 'Every handoff of the site.'} How each figure is computed: README, “Handoff
        measures”.
      </p>
      <InsightsFilterForm model={model} queues={data?.figures.byQueue.map((b) => b.key) ?? []} />
      {model.error.value ? (
        <p class="error" role="alert">
          {model.error.value}
        </p>
      ) : null}
      <p role="status" class="sr-only">
        {model.loading.value ? 'Loading Insights…' : data ? `Insights from ${data.from} to ${data.to} loaded.` : ''}
      </p>
      {data ? <Figures model={model} figures={data.figures} /> : null}
      {data?.scope === 'site' && siteId ? <ReviewSample api={app.api} siteId={siteId} onMarked={reload} /> : null}
    </div>
  );
}

function Figures({ model, figures: f }: { model: InsightsModel; figures: InsightsFigures }) {
  return (
    <>
      <ul class="insights-figures" aria-label="Figures">
        {figuresOf(f).map((fig) => (
          <li key={fig.id} class="insights-figure" data-figure={fig.id} data-value={fig.raw === null ? '' : String(fig.raw)}>
            <span class="figure-label">{fig.label}</span>
            <span class="figure-value">{fig.value}</span>
            <span class="figure-detail muted">{fig.detail}</span>
            <button
              type="button"
              class="link"
              onClick={() => void model.showConversations(fig.measure, fig.label)}
              aria-label={`${fig.label}: list the ${fig.count} conversations`}
            >
              {fig.count} conversations
            </button>
          </li>
        ))}
      </ul>
      <DrillDownList model={model} />
      <h3>Handoffs per day</h3>
      <DailyChart daily={f.daily} />
      <Breakdown model={model} title="Handoffs by trigger" rows={f.byTrigger} dim="trigger" />
      <Breakdown model={model} title="Handoffs by queue" rows={f.byQueue} dim="queue" />
      <Breakdown model={model} title="Handoffs by language" rows={f.byLanguage} dim={null} />
      <h3>Scorecard per trigger</h3>
      <table class="insights-table" data-table="scorecard">
        <thead>
          <tr>
            <th scope="col">Trigger</th>
            <th scope="col">Handoffs</th>
            <th scope="col">Resolved by a person</th>
            <th scope="col">Returned to the bot</th>
            <th scope="col">Rated</th>
            <th scope="col">Reopened within 24 h</th>
            <th scope="col">Review precision</th>
          </tr>
        </thead>
        <tbody>
          {f.scorecard.map((s) => {
            const precision = f.precision.find((p) => p.trigger === s.trigger);
            const cell = (measure: InsightsMeasure, n: number, what: string) => (
              <td data-cell={measure}>
                <button
                  type="button"
                  class="link"
                  onClick={() => void model.showConversations(measure, `${s.trigger}: ${what}`, { trigger: s.trigger })}
                  aria-label={`${s.trigger}, ${what}: list the ${n} conversations`}
                >
                  {n}
                </button>
              </td>
            );
            return (
              <tr key={s.trigger} data-trigger={s.trigger}>
                <th scope="row">{s.trigger}</th>
                {cell('escalated', s.handoffs, 'handoffs')}
                {cell('resolved_by_person', s.resolvedByPerson, 'resolved by a person')}
                {cell('returned_to_bot', s.returnedToBot, 'returned to the bot')}
                {cell('rated_handoff', s.rated, 'rated')}
                {cell('reopened_24h', s.reopened24h, 'reopened within 24 h')}
                <td data-cell="review_precision">
                  {precision ? `${formatRate(precision.precision)} (${precision.right} right, ${precision.wrong} wrong)` : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <BotOnlyPrecision precision={f.precision.find((p) => p.trigger === 'bot_only') ?? null} />
    </>
  );
}

/** Bot-only conversations have no scorecard row: their review reads as how often the bot was right to keep one. */
function BotOnlyPrecision({ precision }: { precision: InsightsFigures['precision'][number] | null }) {
  if (!precision) return null;
  return (
    <p data-figure="review_precision_bot_only">
      Bot-only conversations reviewed: kept with the bot rightly {formatRate(precision.precision)} ({precision.right} right,{' '}
      {precision.wrong} should have gone to a person).
    </p>
  );
}

function Breakdown({
  model,
  title,
  rows,
  dim,
}: {
  model: InsightsModel;
  title: string;
  rows: Array<{ key: string; count: number }>;
  dim: 'trigger' | 'queue' | null;
}) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p class="muted">None in this range.</p>
      ) : (
        <table class="insights-table insights-bars">
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.key}</th>
                <td>
                  <span class="bar" style={{ width: `${(r.count / max) * 12}rem` }} aria-hidden="true" />
                  {dim ? (
                    <button
                      type="button"
                      class="link"
                      onClick={() => void model.showConversations('escalated', `${title}: ${r.key}`, { [dim]: r.key })}
                      aria-label={`${r.key}: list the ${r.count} conversations`}
                    >
                      {r.count}
                    </button>
                  ) : (
                    r.count
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
