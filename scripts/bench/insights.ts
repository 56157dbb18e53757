// Insights on a site with BENCH_INSIGHTS_HANDOFFS handoffs (100,000): the figures come from the
// rollup rows (domain/insights/rollup.ts), so the request reads a few hundred small documents
// however many handoffs there were. Seeded as the app would leave them: each episode's rollup
// increments, summed per row, one episode row per handoff carrying its visitor's name and its day in
// the site's zone (the drill-down's source), and one conversation document per handoff.
// Baselines in the same run: a plain count of the site's episode rows (one per handoff, one equality), and an authenticated
// HTTP request that reads little (GET /api/sites).
import { performance } from 'node:perf_hooks';
import { episodeRows } from '../../server/domain/insights/episode-row';
import { rollupDelta } from '../../server/domain/insights/rollup';
import { localDateOf } from '../../server/domain/hours/local-time';
import { siteTimeZone } from '../../server/flows/handoff/site-time-zone';
import type { HandoffEpisode } from '../../server/entities/episode';
import { loginOperator } from '../../server/test-support/clients';
import { seedOperator, seedSite } from '../../server/test-support/harness';
import type { AppUnderTest } from './app-under-test';
import { median, ms, type Row } from './stats';

const HANDOFFS = Number(process.env.BENCH_INSIGHTS_HANDOFFS ?? 100_000);
const RUNS = Number(process.env.BENCH_INSIGHTS_RUNS ?? 15);
/** The baseline reads every row on FerretDB (a count with a filter is a scan there): fewer runs. */
const COUNT_RUNS = Number(process.env.BENCH_INSIGHTS_COUNT_RUNS ?? 5);
const DAYS = 90;
const TRIGGERS = ['human_request', 'frustration', 'low_confidence', 'policy_topic', 'repeated_failure'];
const QUEUES = ['general', 'billing', 'tech'];
const LANGUAGES = ['en', 'pt', 'de'];
const OPERATORS = Array.from({ length: 8 }, (_, i) => `op-${i}`);
const END = Date.UTC(2026, 11, 1);

/** A deterministic spread of episodes: outcomes, waits, ratings and promises vary with i. */
function episodeOf(i: number, timeZone: string): HandoffEpisode {
  const start = new Date(END - (i % DAYS) * 86_400_000 + (i % 3600) * 1000);
  const wait = ((i * 7919) % 900) * 1000;
  const claimed = i % 11 !== 0;
  const outcome = !claimed ? 'abandoned' : i % 13 === 0 ? 'returned_to_bot' : 'resolved';
  const after = (s: number) => new Date(start.getTime() + s);
  return {
    number: 1,
    startedBy: 'escalated',
    startedAt: start,
    day: localDateOf(start, timeZone),
    escalatedAt: start,
    triggers: [{ trigger: TRIGGERS[i % TRIGGERS.length] as 'human_request', evidence: 'bench' }],
    queue: QUEUES[i % QUEUES.length] ?? null,
    rule: 'default',
    intent: null,
    factsPresent: ['email'],
    factsMissing: i % 4 === 0 ? ['orderNumber'] : [],
    offeredAt: null,
    claimedAt: claimed ? after(wait) : null,
    firstHumanReplyAt: claimed ? after(wait + 20_000) : null,
    transfers: [],
    outcome,
    endedAt: after(wait + 600_000),
    resolvedAt: outcome === 'returned_to_bot' ? null : after(wait + 600_000),
    waitEstimateShown: { kind: 'range', minMinutes: 2, maxMinutes: 8 },
    actualWaitMs: claimed ? wait : null,
    rating: i % 3 === 0 ? { score: 1 + (i % 5), comment: null, at: after(wait + 700_000) } : null,
    language: LANGUAGES[i % LANGUAGES.length],
    operatorId: claimed ? (OPERATORS[i % OPERATORS.length] ?? null) : null,
    intentCorrectedTo: i % 17 === 0 ? 'refund' : null,
    repeats: { visitorRestated: i % 9 === 0 ? 1 : 0, operatorAsked: 0 },
  };
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  await work(); // warm
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function insightsSection(h: AppUnderTest, rows: Row[]): Promise<void> {
  await seedSite(h, { siteId: 'bench-insights', siteKey: 'bench-insights' });
  await seedOperator(h, { operatorId: 'admin', email: 'admin@bench.test', name: 'Admin', siteIds: ['bench-insights'], role: 'admin' });
  await seedOperator(h, { operatorId: 'op-0', email: 'op0@bench.test', name: 'Op Zero', siteIds: ['bench-insights'], role: 'operator' });
  const rollups = new Map<string, Record<string, unknown>>();
  const conversations = h.db.collection('conversations');
  let batch: Record<string, unknown>[] = [];
  let rowBatch: Record<string, unknown>[] = [];
  const episodeRowsCol = h.db.collection('episode_rows');
  // Days as the app keys them: in the site's zone (its hours'), which episodesAfter stamps on each episode.
  const timeZone = await siteTimeZone(h.deps, 'bench-insights');
  const seeding = performance.now();
  for (let i = 0; i < HANDOFFS; i++) {
    const e = episodeOf(i, timeZone);
    const visitorName = `Visitor ${i}`;
    for (const ch of rollupDelta('bench-insights', undefined, [e])) {
      const row = rollups.get(ch.id) ?? { _id: ch.id, ...ch.key };
      for (const [f, v] of Object.entries(ch.inc)) row[f] = ((row[f] as number | undefined) ?? 0) + v;
      rollups.set(ch.id, row);
    }
    batch.push({
      _id: `bench-c${i}`,
      siteId: 'bench-insights',
      state: 'resolved',
      visitorName,
      lastActivityAt: e.endedAt,
      escalatedAt: e.escalatedAt,
      episodes: [e],
    });
    rowBatch.push(...(episodeRows('bench-insights', `bench-c${i}`, visitorName, undefined, [e]) as unknown as Record<string, unknown>[]));
    if (batch.length === 2000) {
      await Promise.all([
        conversations.insertMany(batch as never[], { ordered: false }),
        episodeRowsCol.insertMany(rowBatch as never[], { ordered: false }),
      ]);
      batch = [];
      rowBatch = [];
    }
  }
  if (batch.length)
    await Promise.all([
      conversations.insertMany(batch as never[], { ordered: false }),
      episodeRowsCol.insertMany(rowBatch as never[], { ordered: false }),
    ]);
  console.error(`bench: insights seeded ${HANDOFFS} conversations in ${((performance.now() - seeding) / 1000).toFixed(0)} s`);
  await h.db.collection('episode_rollups').insertMany([...rollups.values()] as never[], { ordered: false });

  const from = new Date(END - (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(END).toISOString().slice(0, 10);
  const admin = await loginOperator(h, 'admin@bench.test');
  const op = await loginOperator(h, 'op0@bench.test');
  const site = await admin.fetch(`/api/sites/bench-insights/insights?from=${from}&to=${to}`);
  if (site.status !== 200 || site.body.figures.handoffs !== HANDOFFS)
    throw new Error(`insights bench: expected ${HANDOFFS} handoffs, got ${JSON.stringify(site.body).slice(0, 200)}`);

  const section = `insights (${HANDOFFS.toLocaleString('en')} handoffs, ${rollups.size} rollup rows)`;
  console.error('bench: insights first answer checked');
  const say = (label: string, x: number) => console.error(`bench: insights ${label}: ${ms(x)}`);
  const insights = median(await timed(RUNS, () => admin.fetch(`/api/sites/bench-insights/insights?from=${from}&to=${to}`)));
  say('insights', insights);
  const filtered = median(
    await timed(RUNS, () => admin.fetch(`/api/sites/bench-insights/insights?from=${from}&to=${to}&queue=billing&trigger=frustration`)),
  );
  say('filtered', filtered);
  const mine = median(await timed(RUNS, () => op.fetch(`/api/sites/bench-insights/insights?from=${from}&to=${to}`)));
  say('mine', mine);
  const sites = median(await timed(RUNS, () => admin.fetch('/api/sites')));
  say('sites', sites);
  const count = median(await timed(COUNT_RUNS, () => episodeRowsCol.countDocuments({ siteId: 'bench-insights' })));
  say('count', count);
  const drillUrl = `/api/sites/bench-insights/insights/conversations?from=${from}&to=${to}&measure=abandoned`;
  const drilled = await admin.fetch(drillUrl);
  const named = drilled.body.conversations?.filter((c: { visitorName: string | null }) => c.visitorName?.startsWith('Visitor '));
  if (drilled.status !== 200 || named?.length !== 100)
    throw new Error(`insights bench: expected 100 named conversations, got ${JSON.stringify(drilled.body).slice(0, 200)}`);
  // The whole request, names included (they come on the episode rows).
  const drill = median(await timed(5, () => admin.fetch(drillUrl)));
  say('drill', drill);
  // Its read apart, the episode rows (only the days the counters say hold abandoned handoffs), and
  // what the names cost before the rows carried them and still cost for rows written before that:
  // conversations by _id $in, which FerretDB 1.24 answers by decoding them all.
  const query = { siteId: 'bench-insights', fromDay: from, toDay: to, measure: 'abandoned' };
  const listed = await h.deps.store.episodeRollups.rowsFor(query, 101);
  if (listed.length !== 101) throw new Error(`insights bench: expected 101 abandoned rows, got ${listed.length}`);
  const drillRows = median(await timed(5, () => h.deps.store.episodeRollups.rowsFor(query, 101)));
  say('drill rows', drillRows);
  const ids = listed.slice(0, 100).map((r) => r.conversationId);
  const drillNames = median(await timed(COUNT_RUNS, () => h.deps.store.conversations.visitorNames(ids)));
  say('drill names', drillNames);
  rows.push({
    section,
    measured: 'GET insights, 90 days, site (median)',
    figure: ms(insights),
    baseline: `plain count of the same handoffs' rows ${ms(count)}`,
    ratio: insights / count,
  });
  rows.push({
    section,
    measured: 'GET insights, queue+trigger filter (median)',
    figure: ms(filtered),
    baseline: `GET /api/sites ${ms(sites)}`,
    ratio: filtered / sites,
  });
  rows.push({
    section,
    measured: "GET insights, an operator's own (median)",
    figure: ms(mine),
    baseline: `GET /api/sites ${ms(sites)}`,
    ratio: mine / sites,
  });
  rows.push({
    section,
    measured: 'GET conversations behind "abandoned", names included (median of 5)',
    figure: ms(drill),
    baseline: `plain count ${ms(count)}`,
    ratio: drill / count,
  });
  rows.push({
    section,
    measured: 'its episode rows (store rowsFor, median of 5)',
    figure: ms(drillRows),
    baseline: `plain count ${ms(count)}`,
    ratio: drillRows / count,
  });
  rows.push({
    section,
    measured: `the old read of its 100 visitors' names, now only for rows written before rows kept them (conversations _id $in, median of ${COUNT_RUNS})`,
    figure: ms(drillNames),
    baseline: `plain count ${ms(count)}`,
    ratio: drillNames / count,
  });
}
