import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface OverloadLimits {
  /** Event-loop delay (mean over the last second) past which new work is refused. */
  maxEventLoopDelayMs: number;
  /** Database commands awaiting an answer past which new work is refused. */
  maxInFlightCommands: number;
  /** What a refused client is told to wait before it tries again. */
  retryAfterMs: number;
}

export const defaultOverloadLimits: OverloadLimits = { maxEventLoopDelayMs: 250, maxInFlightCommands: 400, retryAfterMs: 2000 };

/**
 * Refuses new socket work early, with a retryable answer, while the event loop or the database is
 * behind: latency stays bounded and the backlog drains, instead of every frame waiting longer.
 * HTTP requests and socket upgrades get the same judgement from @fastify/under-pressure (app.ts).
 */
export function createOverloadGuard(inFlightCommands: () => number, limits: OverloadLimits = defaultOverloadLimits) {
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  let delayMs = 0;
  const sampler = setInterval(() => {
    delayMs = Number.isNaN(histogram.mean) ? 0 : histogram.mean / 1e6;
    histogram.reset();
  }, 1000);
  sampler.unref();
  return {
    limits,
    /** The retry delay when new work should be refused now, else null. */
    refusal(): { retryAfterMs: number; reason: 'event_loop' | 'database' } | null {
      if (delayMs > limits.maxEventLoopDelayMs) return { retryAfterMs: limits.retryAfterMs, reason: 'event_loop' };
      if (inFlightCommands() > limits.maxInFlightCommands) return { retryAfterMs: limits.retryAfterMs, reason: 'database' };
      return null;
    },
    eventLoopDelayMs: () => delayMs,
    close(): void {
      clearInterval(sampler);
      histogram.disable();
    },
  };
}

export type OverloadGuard = ReturnType<typeof createOverloadGuard>;
