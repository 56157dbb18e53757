import type { MarkReviewBody, ReviewExampleBody, ReviewItem, ReviewSampleQuery, ReviewSampleResponse } from '../../../shared/review';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import type { EpisodeRow } from '../../domain/insights/episode-row';
import {
  exampleFromMark,
  isoWeekNamed,
  isoWeekOf,
  REVIEW_SAMPLE_SIZE,
  reviewPrecision,
  reviewSample,
} from '../../domain/insights/review-sample';
import type { Operator } from '../../entities/operator';
import type { ReviewMarkDoc } from '../../store/review-marks-store';
import { localDateOf } from '../../domain/hours/local-time';
import { operatorActor, recordAudit } from '../handoff/audit';
import { visitorNamesOfRows } from '../handoff/episode-row-names';
import { siteTimeZone } from '../handoff/site-time-zone';
import { saveSiteConfig } from './site-config';

const DAY_MS = 86_400_000;
/** A YYYY-MM-DD day as the UTC midnight isoWeekOf reads its calendar date from. */
const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`);

// Site access (another site answers 404) is checked by the caller; these add the role rule.
function adminOnly(operator: Operator): void {
  if (operator.role !== 'admin') throw new CodedError('forbidden', 'Only admins review the weekly sample.');
}

async function itemOf(deps: FlowDeps, row: EpisodeRow, mark: ReviewMarkDoc | null, visitorName: string | null): Promise<ReviewItem> {
  const turn = await deps.store.messages.lastFromVisitorBefore(row.conversationId, new Date(row.startedAt));
  return {
    episodeId: row._id,
    conversationId: row.conversationId,
    episode: row.number,
    trigger: row.trigger,
    startedAt: new Date(row.startedAt).toISOString(),
    visitorName,
    visitorTurn: turn?.text ?? null,
    outcome: row.outcome,
    mark: mark ? { verdict: mark.verdict, by: mark.by, at: mark.at.toISOString(), example: mark.example } : null,
  };
}

/** The week's sample (the current ISO week unless asked), the same on every reload, with its marks. */
export async function loadReviewSample(
  deps: FlowDeps,
  operator: Operator,
  siteId: string,
  q: ReviewSampleQuery,
): Promise<ReviewSampleResponse> {
  adminOnly(operator);
  // Weeks are named from the rows' days, which are the site's (its hours' time zone), so "this week" is too.
  const today = dayLabel(localDateOf(deps.clock.now(), await siteTimeZone(deps, siteId)));
  const week = q.week ? isoWeekNamed(q.week) : isoWeekOf(today);
  const [rows, marks] = await Promise.all([
    deps.store.episodeRollups.rowsOfDays(siteId, week.from, week.to),
    deps.store.reviewMarks.ofWeek(siteId, week.week),
  ]);
  const marked = new Map(marks.map((m) => [m._id, m]));
  const sample = reviewSample(siteId, week.week, rows, new Set(marked.keys()));
  const names = await visitorNamesOfRows(deps, sample);
  const items = await Promise.all(
    sample.map((row) => itemOf(deps, row, marked.get(row._id) ?? null, names.get(row.conversationId) ?? null)),
  );
  const current = isoWeekOf(today);
  const previousWeek = isoWeekOf(new Date(Date.parse(`${week.from}T00:00:00Z`) - DAY_MS)).week;
  const nextWeek = week.to < current.from ? isoWeekOf(new Date(Date.parse(`${week.to}T00:00:00Z`) + DAY_MS)).week : null;
  return { ...week, previousWeek, nextWeek, size: { ...REVIEW_SAMPLE_SIZE }, items };
}

async function rowOf(deps: FlowDeps, siteId: string, episodeId: string): Promise<EpisodeRow> {
  const row = await deps.store.episodeRollups.get(episodeId);
  if (!row || row.siteId !== siteId) throw new CodedError('not_found', 'No episode with that id on this site; reload the review sample.');
  return row;
}

/** Marks one episode right or wrong; a second mark replaces the first. Both are in the conversation's audit trail. */
export async function markReview(deps: FlowDeps, operator: Operator, siteId: string, body: MarkReviewBody): Promise<{ item: ReviewItem }> {
  adminOnly(operator);
  const row = await rowOf(deps, siteId, body.episodeId);
  const previous = await deps.store.reviewMarks.get(row._id);
  const mark = await deps.store.reviewMarks.save({
    _id: row._id,
    siteId,
    conversationId: row.conversationId,
    episode: row.number,
    trigger: row.trigger,
    queue: row.queue,
    day: row.day,
    week: isoWeekOf(dayLabel(row.day)).week,
    verdict: body.verdict,
    operatorId: operator._id,
    by: operator.name,
    at: deps.clock.now(),
    example: previous?.example ?? null,
  });
  await recordAudit(deps, {
    siteId,
    conversationId: row.conversationId,
    action: 'review_marked',
    actor: operatorActor(operator),
    reasons: [row.trigger, body.verdict],
    evidence: [`episode ${row.number}`],
    note: previous && previous.verdict !== body.verdict ? `was ${previous.verdict}` : null,
  });
  const names = await visitorNamesOfRows(deps, [row]);
  return { item: await itemOf(deps, row, mark, names.get(row.conversationId) ?? null) };
}

/**
 * One click: the marked episode's visitor turn joins the site's examples (Settings → Teach by
 * example), as a sentence that must not hand off (a wrong handoff) or of the reason named (a miss).
 * Saved through the site settings, so it is validated, versioned, audited and embedded the same way.
 */
export async function teachFromReview(
  deps: FlowDeps,
  operator: Operator,
  siteId: string,
  body: ReviewExampleBody,
): Promise<{ item: ReviewItem }> {
  adminOnly(operator);
  const row = await rowOf(deps, siteId, body.episodeId);
  const mark = await deps.store.reviewMarks.get(row._id);
  if (!mark) throw new CodedError('invalid_request', 'Mark this conversation right or wrong before teaching from it.');
  const turn = await deps.store.messages.lastFromVisitorBefore(row.conversationId, new Date(row.startedAt));
  const example = exampleFromMark(mark, turn?.text ?? null, body.label);
  if (!example.ok) throw new CodedError(example.code, example.message);
  const site = await deps.store.sites.get(siteId);
  if (!site) throw new CodedError('not_found', 'No site with that id.');
  const known = site.config.triggers.semantic.examples.some((e) => e.label === example.label && e.text === example.text);
  if (!known) {
    const config = structuredClone(site.config);
    config.triggers.semantic.examples.push({ label: example.label, text: example.text });
    await saveSiteConfig(deps, operator, siteId, config, site.configVersion);
  }
  const updated = (await deps.store.reviewMarks.setExample(row._id, { label: example.label })) ?? mark;
  const names = await visitorNamesOfRows(deps, [row]);
  return { item: await itemOf(deps, row, updated, names.get(row.conversationId) ?? null) };
}

/** The per-trigger precision Insights shows: the marks of the episodes started in its days (admins; the site's, not one operator's). */
export async function reviewPrecisionFor(
  deps: FlowDeps,
  operator: Operator,
  q: { siteId: string; fromDay: string; toDay: string; queue?: string; trigger?: string },
): Promise<ReturnType<typeof reviewPrecision>> {
  if (operator.role !== 'admin') return [];
  return reviewPrecision(await deps.store.reviewMarks.ofDays(q));
}
