// Sets the semantic layer's thresholds on the CALIBRATION conversations only (by default
// test-data/judgement/calibration.jsonl, eval-c, test, eval-e, eval-f and eval-g — held-out sets once, retired
// after their disagreements were read) and writes them to shared/config/semantic-thresholds.ts. The
// held-out sets (heldout-*.jsonl) are never read here. Run: npm run calibrate [-- --sets a.jsonl,b.jsonl]
//
// Objective: recall − FE_WEIGHT × false escalations, plus a little queue accuracy. False escalations
// weigh double: the targets allow 0.04 of them beside a recall of 0.97, and a needless handoff costs a
// person's time on every one. The search is in threshold-search.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calibratedThresholds } from '../../shared/config/semantic-thresholds';
import { SiteConfig } from '../../shared/site-config';
import { formatMeasures, measure } from '../triggers-replay/measures';
import { loadExampleBank } from '../../server/meaning/example-bank';
import { encodeHeads, headsDir, headsFileName } from '../../server/meaning/head-file';
import { loadEmbeddingsConfig } from '../../server/services/embeddings';
import { meaningSource } from './meanings';
import { type Params, outcomes, readRecorded, searchThresholds } from './threshold-search';

const FE_WEIGHT = 2;
const PER_LABEL = true;
const DEFAULT_SETS = [
  'calibration.jsonl',
  'eval-c.jsonl',
  'test.jsonl',
  'eval-e.jsonl',
  'eval-f.jsonl',
  'eval-g.jsonl',
  'eval-j.jsonl',
  'eval-l.jsonl',
  'eval-n.jsonl',
  'eval-p.jsonl',
];

const setsArg = process.argv.find((a) => a.startsWith('--sets='))?.slice('--sets='.length);
const sets = setsArg ? setsArg.split(',') : DEFAULT_SETS;
const files = sets.map((f) => (f.includes('/') ? f : new URL(`../../test-data/judgement/${f}`, import.meta.url).pathname));
if (files.some((f) => f.includes('heldout'))) throw new Error('a held-out set never calibrates');
const recorded = readRecorded(files);
const base = SiteConfig.parse({});
// The bank's heads are trained afresh here and written to data/handoff-heads, then the thresholds are set on top of them.
const source = await meaningSource(base, process.env, 'train');
process.stderr.write(`${source.note}\ncalibrating on ${sets.join(', ')} (${recorded.length} conversations)\n`);
if (source.index) {
  const model = loadEmbeddingsConfig(process.env).model;
  const headsPath = join(headsDir(), headsFileName(model));
  mkdirSync(headsDir(), { recursive: true });
  writeFileSync(headsPath, encodeHeads(model, loadExampleBank(), { visitor: source.index.visitor.head, bot: source.index.bot.head }));
  process.stderr.write(`wrote ${headsPath}\n`);
}
const inputs = await source.attach(recorded.map((r) => r.input));
const attached = recorded.map((r, i) => ({ input: inputs[i]!, expect: r.expect }));

// Warm start: the thresholds calibrated last time.
const found = searchThresholds(attached, structuredClone(calibratedThresholds) as unknown as Params, {
  feWeight: FE_WEIGHT,
  perLabel: PER_LABEL,
  log: (line) => void process.stderr.write(`${line}\n`),
});
const best = found.best;
process.stderr.write(`calibrated → ${found.score.toFixed(4)}\n${formatMeasures(measure(outcomes(attached, best)))}`);

const out = new URL('../../shared/config/semantic-thresholds.ts', import.meta.url).pathname;
writeFileSync(
  out,
  `// Written by \`npm run --silent calibrate\` from the calibration conversations (${sets.join(', ')} in test-data/judgement),
// never a held-out set (heldout-*.jsonl). Objective: recall − ${FE_WEIGHT} × false escalations + 0.25 × queue accuracy${PER_LABEL ? '' : '; one shared threshold (per-label ones did not carry to a writer left out)'}.
export const calibratedThresholds = ${JSON.stringify(best, null, 2)} as const;
`,
);
process.stderr.write(`wrote ${out}\n`);
