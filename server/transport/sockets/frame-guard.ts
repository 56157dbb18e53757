import type { RawData } from 'ws';
import type { z } from 'zod/mini';
import type { ErrorBody } from '../../../shared/errors';
import { errorMessages } from '../../../shared/errors';
import { MAX_FRAME_BYTES } from '../../../shared/protocol-version';

/** Token bucket per connection: bursts of `burst` frames, refilled at `perSecond`. */
export function createFrameLimiter(burst = 20, perSecond = 5, now: () => number = Date.now) {
  let tokens = burst;
  let last = now();
  return (): boolean => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
    last = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

export type GuardResult<T> = { ok: true; frame: T } | { ok: false; error: ErrorBody & { clientMessageId?: string } };

/** Size cap, rate limit, JSON, schema: an invalid frame becomes a typed error and is never applied. */
export function parseFrame<T>(raw: RawData, schema: z.ZodMiniType<T>, allow: () => boolean): GuardResult<T> {
  const size = Array.isArray(raw) ? raw.reduce((n, b) => n + b.length, 0) : (raw as Buffer).byteLength;
  if (size > MAX_FRAME_BYTES) {
    return { ok: false, error: { code: 'frame_too_large', message: `Frames are limited to ${MAX_FRAME_BYTES} bytes.` } };
  }
  if (!allow()) return { ok: false, error: { code: 'rate_limited', message: errorMessages.rate_limited } };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.concat(raw as Buffer[]).toString('utf8'));
  } catch {
    return { ok: false, error: { code: 'invalid_frame', message: 'Frames must be JSON objects.' } };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const clientMessageId = typeof (json as { clientMessageId?: unknown })?.clientMessageId === 'string' ? (json as { clientMessageId: string }).clientMessageId : undefined;
  return {
    ok: false,
    error: {
      code: 'invalid_frame',
      message: errorMessages.invalid_frame,
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      ...(clientMessageId ? { clientMessageId } : {}),
    },
  };
}

/** Server-side heartbeat: a socket that misses a pong between two pings is dead. */
export function keepAlive(socket: { ping(): void; terminate(): void; on(e: 'pong', f: () => void): void }, intervalMs = 10_000) {
  let alive = true;
  socket.on('pong', () => {
    alive = true;
  });
  const timer = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
