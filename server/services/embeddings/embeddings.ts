import type { EmbeddingCache } from './cache';
import type { EmbedOptions, Embedder, EmbedderStatus, EmbeddingsLog } from './embedder';

export interface Embeddings extends Embedder {
  /**
   * Vectors for many texts (example banks): cached ones from the cache, the rest fetched in
   * batches with the bulk deadline and added to the cache. null when any batch could not be
   * had (service off or degraded): call again later, nothing is lost.
   */
  embedMany(texts: readonly string[]): Promise<Float32Array[] | null>;
}

export function withCache(
  embedder: Embedder,
  cache: EmbeddingCache,
  options: { bulkDeadlineMs: number; batchSize: number; log: EmbeddingsLog },
): Embeddings {
  const bulk: EmbedOptions = { deadlineMs: options.bulkDeadlineMs };
  return {
    model: embedder.model,
    embed: (texts, embedOptions) => embedder.embed(texts, embedOptions),
    status: (): EmbedderStatus => embedder.status(),
    async embedMany(texts) {
      const missing = [...new Set(texts.filter((t) => cache.get(t) === undefined))];
      for (let i = 0; i < missing.length; i += options.batchSize) {
        const batch = missing.slice(i, i + options.batchSize);
        const vectors = await embedder.embed(batch, bulk);
        if (vectors === null) return null;
        try {
          await cache.add(batch.map((text, j) => [text, vectors[j]!] as const));
        } catch (error) {
          // The vectors stay in memory; only the next process pays for them again.
          options.log.warn({ embeddings: { cache: cache.path, error: (error as Error).message } }, 'embeddings cache not written');
        }
      }
      return texts.map((t) => cache.get(t)!);
    },
  };
}
