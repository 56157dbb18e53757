// Splits the labelled evaluation conversations (test-data/judgement/eval-*.jsonl) into a
// calibration split (thresholds are set on it) and a held-out test split (only ever measured).
// The writers translated many scenarios into each of their languages in the same order, so the
// split is by scenario, not by line: the n-th run of CHUNK conversations of a language block goes
// to the same side in every language, and a translation never lands on the other side.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CHUNK = 8;
const dir = new URL('../../test-data/judgement/', import.meta.url).pathname;
const isHeldOut = (key: string): boolean => (createHash('sha256').update(key).digest()[0] ?? 0) % 2 === 1;

const calibration: string[] = [];
const test: string[] = [];
for (const file of readdirSync(dir)
  .filter((f) => /^eval-.*\.jsonl$/.test(f))
  .sort()) {
  const blocksSeen = new Map<string, number>();
  let language = '';
  let block = 0;
  let position = 0;
  for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const locale = (JSON.parse(line) as { visitor?: { locale?: string } }).visitor?.locale ?? 'en';
    if (locale !== language) {
      language = locale;
      block = blocksSeen.get(locale) ?? 0;
      blocksSeen.set(locale, block + 1);
      position = 0;
    }
    const scenario = `${file}:${block}:${Math.floor(position++ / CHUNK)}`;
    (isHeldOut(scenario) ? test : calibration).push(line);
  }
}
writeFileSync(join(dir, 'calibration.jsonl'), `${calibration.join('\n')}\n`);
writeFileSync(join(dir, 'test.jsonl'), `${test.join('\n')}\n`);
process.stderr.write(`calibration ${calibration.length}, held-out test ${test.length}\n`);
