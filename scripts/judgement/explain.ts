// Why a turn reads as it does: for each text given (one per line on stdin), the labels of the
// example bank with their nearest-examples score, the trained head's probability, the closest
// non-escalating score, and the closest example. For developers tuning the bank and thresholds.
// Run: bash scripts/with-embeddings.sh npx tsx scripts/judgement/explain.ts [--bot] < texts.txt
import { readFileSync } from 'node:fs';
import { SiteConfig } from '../../shared/site-config';
import { meaningOf } from '../../server/domain/triggers/meaning';
import { createEmbeddings, loadEmbeddingsConfig } from '../../server/services/embeddings';
import { meaningSource } from './meanings';

const side = process.argv.includes('--bot') ? 'bot' : 'visitor';
const texts = readFileSync(0, 'utf8')
  .split('\n')
  .map((t) => t.trim())
  .filter((t) => t !== '');
const source = await meaningSource(SiteConfig.parse({}));
if (!source.index) throw new Error(source.note);
const embeddings = createEmbeddings(loadEmbeddingsConfig(process.env), { log: { info: () => {}, warn: () => {} } });
const vectors = await embeddings.embedMany(texts);
if (vectors === null) throw new Error('the embeddings service did not answer');
for (const [i, text] of texts.entries()) {
  const meaning = meaningOf(vectors[i] as Float32Array, source.index[side]);
  const rows = Object.entries(meaning.labels)
    .map(([label, s]) => ({ label, score: s.score, p: meaning.probabilities?.[label] ?? 0, example: s.example }))
    .sort((a, b) => b.p - a.p || b.score - a.score)
    .slice(0, 4);
  process.stdout.write(`${text}\n`);
  for (const r of rows)
    process.stdout.write(`  ${r.label.padEnd(16)} head ${r.p.toFixed(2)}  knn ${r.score.toFixed(3)}  "${r.example.slice(0, 70)}"\n`);
}
