// The embed function of live turns: the texts of a conversation come back with every message, so
// their vectors are kept in memory (bounded, least recently used first out). Never on disk: these
// are visitors' words. Only missing texts go to the service, with the live deadline.
import { LRUCache } from 'lru-cache';
import type { Embeddings } from '../services/embeddings';
import type { EmbedTexts } from './turn-meanings';

export const LIVE_CACHE_TEXTS = 5_000;

export function createLiveEmbed(embeddings: Pick<Embeddings, 'embed'>, options: { deadlineMs: number; maxTexts?: number }): EmbedTexts {
  const cache = new LRUCache<string, Float32Array>({ max: options.maxTexts ?? LIVE_CACHE_TEXTS });
  return async (texts) => {
    const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
    if (missing.length > 0) {
      const vectors = await embeddings.embed(missing, { deadlineMs: options.deadlineMs });
      if (vectors === null) return null;
      missing.forEach((text, i) => {
        const vector = vectors[i];
        if (vector) cache.set(text, vector);
      });
    }
    const found = texts.map((t) => cache.get(t));
    return found.every((v): v is Float32Array => v !== undefined) ? found : null;
  };
}
