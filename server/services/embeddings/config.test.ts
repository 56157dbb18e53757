import { describe, expect, it } from 'vitest';
import { loadEmbeddingsConfig } from './config';

describe('embeddings configuration', () => {
  it('is off without EMBEDDINGS_URL, with live and bulk deadlines by default', () => {
    expect(loadEmbeddingsConfig({})).toEqual({
      baseUrl: null,
      model: 'multilingual-e5-small-q4',
      apiKey: undefined,
      timeoutMs: 300,
      bulkTimeoutMs: 30_000,
      batchSize: 64,
      textPrefix: '',
      cacheDir: '.data/embeddings-cache',
    });
    expect(loadEmbeddingsConfig({ EMBEDDINGS_URL: '' }).baseUrl).toBeNull();
  });

  it('reads a hosted service with its key and an e5 prefix, dropping a trailing slash', () => {
    const config = loadEmbeddingsConfig({
      EMBEDDINGS_URL: 'https://api.openai.com/v1/',
      EMBEDDINGS_MODEL: 'text-embedding-3-small',
      EMBEDDINGS_API_KEY: 'sk-test',
      EMBEDDINGS_TIMEOUT_MS: '250',
      EMBEDDINGS_TEXT_PREFIX: 'query: ',
    });
    expect(config).toMatchObject({
      baseUrl: 'https://api.openai.com/v1',
      model: 'text-embedding-3-small',
      apiKey: 'sk-test',
      timeoutMs: 250,
      textPrefix: 'query: ',
    });
  });

  it('names every bad variable in one message', () => {
    expect(() => loadEmbeddingsConfig({ EMBEDDINGS_URL: 'localhost:8000', EMBEDDINGS_TIMEOUT_MS: '-1' })).toThrow(
      /EMBEDDINGS_URL: EMBEDDINGS_URL must be an absolute http\(s\) URL[\s\S]*EMBEDDINGS_TIMEOUT_MS/,
    );
  });
});
