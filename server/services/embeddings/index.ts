// The embeddings service seen by the rest of the server: one Embeddings object, made from the
// EMBEDDINGS_* environment. See README.md in this folder.
import { EmbeddingCache } from './cache';
import type { BackoffPolicy } from './breaker';
import type { EmbeddingsConfig } from './config';
import { createBreakerEmbedder, createOffEmbedder, type EmbeddingsLog } from './embedder';
import { type Embeddings, withCache } from './embeddings';
import { createEmbeddingsClient, type EmbeddingsClientStats } from './openai-client';

export type { BackoffPolicy } from './breaker';
export { type EmbeddingsConfig, loadEmbeddingsConfig } from './config';
export type { EmbedOptions, Embedder, EmbedderStatus, EmbeddingsLog } from './embedder';
export type { Embeddings } from './embeddings';
export { EmbeddingsError, type EmbeddingsErrorCode } from './errors';
export { dot } from '../../domain/triggers/meaning';
export { normalize } from './similarity';

export interface EmbeddingsService extends Embeddings {
  /** Requests and texts sent to the service by this process (zero when off). */
  readonly stats: EmbeddingsClientStats;
}

export function createEmbeddings(
  config: EmbeddingsConfig,
  deps: { log: EmbeddingsLog; clock?: () => number; fetch?: typeof fetch; backoff?: BackoffPolicy },
): EmbeddingsService {
  const cache = EmbeddingCache.open(config.cacheDir, config.model, config.textPrefix);
  if (config.baseUrl === null) {
    return {
      ...withCache(createOffEmbedder(config.model), cache, {
        bulkDeadlineMs: config.bulkTimeoutMs,
        batchSize: config.batchSize,
        log: deps.log,
      }),
      stats: { requests: 0, texts: 0 },
    };
  }
  const client = createEmbeddingsClient(
    { baseUrl: config.baseUrl, model: config.model, apiKey: config.apiKey, batchSize: config.batchSize, textPrefix: config.textPrefix },
    deps.fetch,
  );
  const embedder = createBreakerEmbedder({
    client,
    model: config.model,
    deadlineMs: config.timeoutMs,
    log: deps.log,
    clock: deps.clock,
    backoff: deps.backoff,
  });
  return {
    ...withCache(embedder, cache, { bulkDeadlineMs: config.bulkTimeoutMs, batchSize: config.batchSize, log: deps.log }),
    stats: client.stats,
  };
}
