import { admit, type BackoffPolicy, type BreakerState, defaultBackoff, failed, initialBreaker, succeeded } from './breaker';
import { EmbeddingsError } from './errors';
import type { EmbeddingsClient } from './openai-client';

export interface EmbedOptions {
  /** Give up after this long (default: the live-turn deadline, EMBEDDINGS_TIMEOUT_MS). */
  deadlineMs?: number;
}

export interface EmbedderStatus {
  /** up: answering; degraded: failing or too slow, callers get null until a probe succeeds; off: not configured. */
  state: 'up' | 'degraded' | 'off';
  /** Why it is degraded or off. */
  reason?: string;
  /** ISO time of the last change of state. */
  since: string;
  /** When degraded: ISO time from which the next call is let through as a probe. */
  retryAt?: string;
}

export interface Embedder {
  readonly model: string;
  /** One L2-normalised vector per text, or null when the service is off, degraded, failing or late. Never throws. */
  embed(texts: readonly string[], options?: EmbedOptions): Promise<Float32Array[] | null>;
  status(): EmbedderStatus;
}

/** The part of a pino logger this module writes to. */
export interface EmbeddingsLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface BreakerEmbedderOptions {
  client: EmbeddingsClient;
  model: string;
  deadlineMs: number;
  log: EmbeddingsLog;
  backoff?: BackoffPolicy;
  clock?: () => number;
}

/** An Embedder over a real client, behind the circuit breaker (breaker.ts); logs once per change of state. */
export function createBreakerEmbedder(options: BreakerEmbedderOptions): Embedder {
  const clock = options.clock ?? Date.now;
  const backoff = options.backoff ?? defaultBackoff;
  let state: BreakerState = initialBreaker(clock());

  function move(next: BreakerState): void {
    const before = state;
    state = next;
    if (before.kind === next.kind) return;
    if (next.kind === 'degraded') {
      options.log.warn(
        { embeddings: { model: options.model, reason: next.reason, retryInMs: next.retryAt - clock() } },
        'embeddings service degraded: turns are judged by the rules alone until it answers again',
      );
    } else {
      options.log.info({ embeddings: { model: options.model, degradedForMs: clock() - before.since } }, 'embeddings service recovered');
    }
  }

  return {
    model: options.model,
    async embed(texts, embedOptions) {
      if (texts.length === 0) return [];
      const admitted = admit(state, clock(), backoff);
      state = admitted.state;
      if (admitted.admission === 'skip') return null;
      const deadlineMs = embedOptions?.deadlineMs ?? options.deadlineMs;
      try {
        const vectors = await options.client.embed(texts, AbortSignal.timeout(deadlineMs));
        move(succeeded(state, clock()));
        return vectors;
      } catch (error) {
        const reason =
          error instanceof EmbeddingsError
            ? error.code === 'timeout'
              ? `no answer within ${deadlineMs} ms`
              : error.message
            : `unexpected error: ${(error as Error).message}`;
        move(failed(state, clock(), reason, backoff));
        return null;
      }
    },
    status() {
      const since = new Date(state.since).toISOString();
      if (state.kind === 'up') return { state: 'up', since };
      return { state: 'degraded', reason: state.reason, since, retryAt: new Date(state.retryAt).toISOString() };
    },
  };
}

/** The Embedder when EMBEDDINGS_URL is not set: every call answers null at once. */
export function createOffEmbedder(model: string, since: Date = new Date()): Embedder {
  return {
    model,
    async embed() {
      return null;
    },
    status() {
      return { state: 'off', reason: 'EMBEDDINGS_URL is not set', since: since.toISOString() };
    },
  };
}
