// Embeds the example bank once into the embeddings file cache (EMBEDDINGS_CACHE_DIR), so the
// servers a test run starts find it there instead of each asking the service for every example.
import { loadExampleBank } from '../../server/meaning/example-bank';
import { createEmbeddings, loadEmbeddingsConfig } from '../../server/services/embeddings';

const config = loadEmbeddingsConfig(process.env);
if (config.baseUrl === null) {
  process.stderr.write('warm-cache: EMBEDDINGS_URL is not set; nothing to warm\n');
  process.exit(0);
}
const embeddings = createEmbeddings(config, {
  log: { info: () => {}, warn: (d, m) => process.stderr.write(`${m} ${JSON.stringify(d)}\n`) },
});
const texts = loadExampleBank().map((e) => e.text);
const started = Date.now();
if ((await embeddings.embedMany(texts)) === null) {
  process.stderr.write(`warm-cache: the embeddings service did not answer: ${embeddings.status().reason ?? 'unknown'}\n`);
  process.exit(1);
}
process.stderr.write(
  `warm-cache: ${texts.length} examples ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${embeddings.stats.texts} newly embedded)\n`,
);
