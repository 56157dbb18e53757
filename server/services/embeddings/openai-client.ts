import { z } from 'zod';
import { EmbeddingsError } from './errors';
import { normalize } from './similarity';

// The OpenAI embeddings answer for the default encoding_format, "float".
const EmbeddingsResponse = z.object({
  data: z.array(z.object({ index: z.number().int().min(0), embedding: z.array(z.number()) })),
});

export interface EmbeddingsClientOptions {
  /** Base URL up to and without /embeddings, e.g. http://127.0.0.1:8000/v1. */
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  /** Texts per request. */
  batchSize: number;
  /** Prepended to every text (e5's "query: " for servers that do not add it). */
  textPrefix: string;
}

export interface EmbeddingsClientStats {
  /** HTTP requests sent. */
  requests: number;
  /** Texts sent in them. */
  texts: number;
}

export interface EmbeddingsClient {
  /** One L2-normalised vector per text, in order; throws EmbeddingsError. */
  embed(texts: readonly string[], signal: AbortSignal): Promise<Float32Array[]>;
  readonly stats: EmbeddingsClientStats;
}

function toError(error: unknown, url: string): EmbeddingsError {
  if (error instanceof EmbeddingsError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return new EmbeddingsError('timeout', `no answer from ${url} within the deadline`);
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  return new EmbeddingsError('unreachable', `cannot reach ${url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
}

export function createEmbeddingsClient(options: EmbeddingsClientOptions, fetchImpl: typeof fetch = fetch): EmbeddingsClient {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/embeddings`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const stats: EmbeddingsClientStats = { requests: 0, texts: 0 };

  async function embedBatch(texts: readonly string[], signal: AbortSignal): Promise<Float32Array[]> {
    stats.requests++;
    stats.texts += texts.length;
    const body = JSON.stringify({ model: options.model, input: texts.map((t) => options.textPrefix + t) });
    let response: Response;
    let json: unknown;
    try {
      response = await fetchImpl(url, { method: 'POST', headers, body, signal });
      if (!response.ok) {
        const detail = (await response.text()).slice(0, 300);
        throw new EmbeddingsError('http_status', `${url} answered ${response.status}: ${detail}`, response.status);
      }
      json = await response.json();
    } catch (error) {
      throw toError(error, url);
    }
    const parsed = EmbeddingsResponse.safeParse(json);
    if (!parsed.success)
      throw new EmbeddingsError('bad_response', `${url} did not answer an embeddings list: ${parsed.error.issues[0]?.message}`);
    const vectors: (Float32Array | undefined)[] = new Array(texts.length);
    for (const item of parsed.data.data) {
      if (item.index >= texts.length)
        throw new EmbeddingsError('bad_response', `${url} answered index ${item.index} for ${texts.length} inputs`);
      vectors[item.index] = normalize(Float32Array.from(item.embedding));
    }
    const dims = new Set(vectors.map((v) => v?.length));
    if (vectors.some((v) => v === undefined || v.length === 0) || dims.size !== 1) {
      throw new EmbeddingsError('bad_response', `${url} did not answer one non-empty vector of one size per input`);
    }
    return vectors as Float32Array[];
  }

  return {
    stats,
    async embed(texts, signal) {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += options.batchSize) {
        out.push(...(await embedBatch(texts.slice(i, i + options.batchSize), signal)));
      }
      return out;
    },
  };
}
