// Sets the semantic layer's thresholds on the CALIBRATION split only (test-data/judgement/
// calibration.jsonl) and writes them to shared/config/semantic-thresholds.ts. The held-out test
// split is never read here. Run: bash scripts/with-embeddings.sh npx tsx scripts/judgement/calibrate.ts
//
// Search: one shared threshold for every label first, then each label on its own, kept only when it
// wins at least MIN_GAIN (about two conversations) — few calibration conversations name each label,
// and a threshold that wins one of them is noise. Objective: recall − FE_WEIGHT × false escalations,
// plus a little queue accuracy.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SemanticThresholdConfig } from '../../shared/config/semantic';
import { SiteConfig } from '../../shared/site-config';
import type { HandoffInput } from '../../server/domain/handoff-decision';
import { replayConversation } from '../../server/domain/triggers';
import { type Expectation, parseConversationLine } from '../triggers-replay/conversation-line';
import { formatMeasures, measure, type Outcome } from '../triggers-replay/measures';
import { loadExampleBank } from '../../server/meaning/example-bank';
import { encodeHeads, headsDir, headsFileName } from '../../server/meaning/head-file';
import { loadEmbeddingsConfig } from '../../server/services/embeddings';
import { meaningSource } from './meanings';

const FE_WEIGHT = 1;
const QUEUE_WEIGHT = 0.25;
const MIN_GAIN = 0.01;
const LABELS = [
  'human_request',
  'buying_intent',
  'frustration',
  'refund',
  'billing_dispute',
  'complaint',
  'legal',
  'medical',
  'account_access',
  'data_deletion',
  'bot_cannot',
];
const ROUTING_MINS = Array.from({ length: 16 }, (_, i) => Math.round((0.8 + i * 0.01) * 1000) / 1000);
// 1 switches the nearest-examples test off, leaving the label to the trained head.
const MINS = [...Array.from({ length: 18 }, (_, i) => Math.round((0.8 + i * 0.01) * 1000) / 1000), 1];
const HEADS: (number | undefined)[] = [undefined, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
const MARGINS = [-0.02, -0.01, 0, 0.005, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05];
const VETOES: (number | null)[] = [null, 0, 0.01, 0.02, 0.03, 0.05];
const RESTATES: (number | null)[] = [0.9, 0.92, 0.94, 0.96, null];

const file = new URL('../../test-data/judgement/calibration.jsonl', import.meta.url).pathname;
const recorded = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((line) => {
    const parsed = parseConversationLine(line);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.conversation;
  });
const base = SiteConfig.parse({});
// The bank's heads are trained afresh here and written to data/handoff-heads, then the thresholds are set on top of them.
const source = await meaningSource(base, process.env, 'train');
process.stderr.write(`${source.note}\n`);
if (source.index) {
  const model = loadEmbeddingsConfig(process.env).model;
  const headsPath = join(headsDir(), headsFileName(model));
  mkdirSync(headsDir(), { recursive: true });
  writeFileSync(headsPath, encodeHeads(model, loadExampleBank(), { visitor: source.index.visitor.head, bot: source.index.bot.head }));
  process.stderr.write(`wrote ${headsPath}\n`);
}
const inputs: HandoffInput[] = await source.attach(recorded.map((r) => r.input));

interface Params {
  thresholds: Record<string, SemanticThresholdConfig>;
  veto: number | null;
  restates: number | null;
}

function outcomes(params: Params): Outcome[] {
  const config = SiteConfig.parse({ triggers: { semantic: { ...params } } });
  return recorded.flatMap((r, i) =>
    r.expect ? [{ language: r.input.visitor.locale, expect: r.expect as Expectation, result: replayConversation(inputs[i]!, config) }] : [],
  );
}

function score(params: Params): number {
  const m = measure(outcomes(params));
  const rate = (r: { hit: number; of: number }): number => (r.of === 0 ? 0 : r.hit / r.of);
  return rate(m.recall) - FE_WEIGHT * rate(m.falseEscalations) + QUEUE_WEIGHT * rate(m.queue);
}

let best: Params = { thresholds: { default: { min: 0.88, margin: 0.02 } }, veto: 0.03, restates: 0.94 };
let bestScore = score(best);
const withHead = (t: SemanticThresholdConfig, head: number | undefined): SemanticThresholdConfig => {
  const { head: _, ...rest } = t;
  return head === undefined ? rest : { ...rest, head };
};
const tryParams = (candidate: Params, gain = 0): void => {
  const s = score(candidate);
  if (s > bestScore + gain) {
    best = candidate;
    bestScore = s;
  }
};

// 1. One threshold for all labels.
for (const head of HEADS) {
  for (const min of MINS)
    for (const margin of min === 1 ? [0] : MARGINS) tryParams({ ...best, thresholds: { default: withHead({ min, margin }, head) } });
}
process.stderr.write(`shared threshold ${JSON.stringify(best.thresholds.default)} → ${bestScore.toFixed(4)}\n`);
// 2. The floor of the routing hints (technical, billing, delivery), judged by the queue alone.
{
  const queueOf = (p: Params): number => {
    const q = measure(outcomes(p)).queue;
    return q.of === 0 ? 0 : q.hit / q.of;
  };
  let bestQueue = -1;
  let pick = best;
  for (const head of HEADS) {
    for (const min of [...ROUTING_MINS, 1]) {
      const candidate = { ...best, thresholds: { ...best.thresholds, routing: withHead({ min, margin: 0 }, head) } };
      const q = queueOf(candidate);
      if (q > bestQueue) [bestQueue, pick] = [q, candidate];
    }
  }
  best = pick;
  bestScore = score(best);
  process.stderr.write(`routing floor ${JSON.stringify(best.thresholds.routing)} → queue ${bestQueue.toFixed(3)}\n`);
}
// 3. Veto and restating.
for (const veto of VETOES) tryParams({ ...best, veto });
for (const restates of RESTATES) tryParams({ ...best, restates });
// 4. Each label on its own, twice round, only for a clear gain.
for (let round = 0; round < 2; round++) {
  for (const label of LABELS) {
    const current = best.thresholds[label] ?? best.thresholds.default!;
    for (const min of MINS) tryParams({ ...best, thresholds: { ...best.thresholds, [label]: { ...current, min } } }, MIN_GAIN);
    const afterMin = best.thresholds[label] ?? best.thresholds.default!;
    for (const margin of MARGINS) tryParams({ ...best, thresholds: { ...best.thresholds, [label]: { ...afterMin, margin } } }, MIN_GAIN);
    const afterMargin = best.thresholds[label] ?? best.thresholds.default!;
    for (const head of HEADS) tryParams({ ...best, thresholds: { ...best.thresholds, [label]: withHead(afterMargin, head) } }, MIN_GAIN);
  }
}
process.stderr.write(`calibrated → ${bestScore.toFixed(4)}\n${formatMeasures(measure(outcomes(best)))}`);

const out = new URL('../../shared/config/semantic-thresholds.ts', import.meta.url).pathname;
writeFileSync(
  out,
  `// Written by \`npm run --silent calibrate\` from the calibration split (test-data/judgement/calibration.jsonl),
// never the held-out test split. Objective: recall − ${FE_WEIGHT} × false escalations + ${QUEUE_WEIGHT} × queue accuracy.
export const calibratedThresholds = ${JSON.stringify(best, null, 2)} as const;
`,
);
process.stderr.write(`wrote ${out}\n`);
