// Leave one writer out: do the thresholds `npm run calibrate` would choose carry to a writer whose
// conversations they never saw? For each writer group, the search runs on the other groups (from a
// neutral start, not from the thresholds fitted on all of them) and the group left out is read:
// its recall, false escalations and queue. The bank's trained head is read from its file (it learns
// the bank only, never a conversation). Held-out sets are never read here.
//
// Run: bash scripts/with-embeddings.sh tsx scripts/judgement/writers-out.ts [--fe=2,3] [--per-label]
import { existsSync } from 'node:fs';
import { calibratedThresholds } from '../../shared/config/semantic-thresholds';
import { SiteConfig } from '../../shared/site-config';
import { measure } from '../triggers-replay/measures';
import { meaningSource } from './meanings';
import { outcomes, type Params, type Recorded, readRecorded, searchThresholds, sharedOnly } from './threshold-search';

const dir = new URL('../../test-data/judgement/', import.meta.url).pathname;
// calibration.jsonl and test.jsonl are the two writers of eval-a/eval-b, split by scenario.
const GROUPS: Record<string, string[]> = {
  ab: ['calibration.jsonl', 'test.jsonl'],
  c: ['eval-c.jsonl'],
  e: ['eval-e.jsonl'],
};
const NEUTRAL: Params = {
  thresholds: { default: { min: 0.92, margin: 0.02, head: 0.95 }, routing: { min: 0.9, margin: 0 } },
  veto: 0.02,
  restates: 0.94,
};

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const feWeights = (arg('fe') ?? '2').split(',').map(Number);
const perLabel = process.argv.includes('--per-label');

const groups = Object.entries(GROUPS).filter(([, files]) => files.every((f) => existsSync(dir + f)));
const source = await meaningSource(SiteConfig.parse({}), process.env, 'file');
process.stderr.write(`${source.note}\n`);
const byGroup = new Map<string, Recorded[]>();
for (const [name, files] of groups) {
  const recorded = readRecorded(files.map((f) => dir + f));
  const inputs = await source.attach(recorded.map((r) => r.input));
  byGroup.set(
    name,
    recorded.map((r, i) => ({ input: inputs[i]!, expect: r.expect })),
  );
}

const figures = (recorded: readonly Recorded[], params: Params): string => {
  const m = measure(outcomes(recorded, params));
  const f = (r: { hit: number; of: number }): string => `${(r.hit / Math.max(1, r.of)).toFixed(3)} (${r.hit}/${r.of})`;
  return `recall ${f(m.recall)}  false escalations ${f(m.falseEscalations)}  queue ${f(m.queue)}`;
};
const out = (line: string): void => void process.stdout.write(`${line}\n`);

out('fitted on all readable writers (the thresholds in shared/config/semantic-thresholds.ts), per group:');
const current = structuredClone(calibratedThresholds) as unknown as Params;
for (const [name, recorded] of byGroup) {
  out(`  ${name.padEnd(3)} as calibrated:     ${figures(recorded, current)}`);
  out(`  ${name.padEnd(3)} shared part only:  ${figures(recorded, sharedOnly(current))}`);
}
for (const feWeight of feWeights) {
  for (const [left, leftOut] of byGroup) {
    const training = [...byGroup].filter(([name]) => name !== left).flatMap(([, r]) => r);
    const found = searchThresholds(training, NEUTRAL, { feWeight, perLabel, log: (l) => void process.stderr.write(`  ${l}\n`) });
    out(`fe weight ${feWeight}, ${left} left out (calibrated on ${training.length}):`);
    out(`  shared:     ${JSON.stringify(found.shared)}`);
    out(`    fitted:   ${figures(training, found.shared)}`);
    out(`    left out: ${figures(leftOut, found.shared)}`);
    if (perLabel) {
      out(`  per label:  ${JSON.stringify(found.best.thresholds)}`);
      out(`    fitted:   ${figures(training, found.best)}`);
      out(`    left out: ${figures(leftOut, found.best)}`);
    }
  }
}
