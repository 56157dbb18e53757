import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('the server configuration', () => {
  it('carries the embeddings settings; without EMBEDDINGS_URL the semantic layer is off', () => {
    const config = loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1/', EMBEDDINGS_TIMEOUT_MS: '250' });
    expect(config.embeddings).toMatchObject({ baseUrl: null, timeoutMs: 250 });
    expect(loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1/', EMBEDDINGS_URL: 'http://127.0.0.1:8000/v1/' }).embeddings.baseUrl).toBe(
      'http://127.0.0.1:8000/v1',
    );
  });

  it('names every bad variable at once, the embeddings ones included', () => {
    expect(() => loadConfig({ MONGODB_URI: 'postgres://x', EMBEDDINGS_URL: 'ftp://x' })).toThrow(
      /Invalid configuration:\n {2}MONGODB_URI: MONGODB_URI must start with mongodb:\/\/ or mongodb\+srv:\/\/\n {2}EMBEDDINGS_URL: EMBEDDINGS_URL must be an absolute http\(s\) URL/,
    );
  });

  it('runs with the database event bus unless EVENT_BUS=off, and names a wrong value', () => {
    expect(loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1/' }).eventBus).toBe('mongodb');
    expect(loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1/', EVENT_BUS: 'off' }).eventBus).toBe('off');
    expect(() => loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1/', EVENT_BUS: 'redis' })).toThrow(
      /EVENT_BUS: EVENT_BUS must be mongodb \(several instances\) or off \(one instance\)/,
    );
  });
});
