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

/** A token comes back every 1 / perSecond s; a second leaves room for the frames queued behind. */
const RATE_LIMIT_RETRY_MS = 1000;
const rateLimited = (): ErrorBody => ({ code: 'rate_limited', message: errorMessages.rate_limited, retryAfterMs: RATE_LIMIT_RETRY_MS });

export type GuardResult<T> = { ok: true; frame: T } | { ok: false; error: ErrorBody & { clientMessageId?: string } };

/** Size cap, rate limit, JSON, schema: an invalid frame becomes a typed error and is never applied. */
export function parseFrame<T>(raw: RawData, schema: z.ZodMiniType<T>, allow: () => boolean): GuardResult<T> {
  const size = Array.isArray(raw) ? raw.reduce((n, b) => n + b.length, 0) : (raw as Buffer).byteLength;
  if (size > MAX_FRAME_BYTES) {
    return { ok: false, error: { code: 'frame_too_large', message: `Frames are limited to ${MAX_FRAME_BYTES} bytes.` } };
  }
  const allowed = allow();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.concat(raw as Buffer[]).toString('utf8'));
  } catch {
    return { ok: false, error: allowed ? { code: 'invalid_frame', message: 'Frames must be JSON objects.' } : rateLimited() };
  }
  const clientMessageId =
    typeof (json as { clientMessageId?: unknown })?.clientMessageId === 'string'
      ? (json as { clientMessageId: string }).clientMessageId
      : undefined;
  // Named, so the client's outbox sends that message again after the wait (it would stay "sending").
  if (!allowed) return { ok: false, error: { ...rateLimited(), ...(clientMessageId ? { clientMessageId } : {}) } };
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, frame: parsed.data };
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

interface KeepAliveSocket {
  ping(): void;
  terminate(): void;
  on(e: 'pong', f: () => void): void;
}

/** One timer per interval for every socket, not one per socket: idle sockets are most of a server's sockets. */
const keepAliveRounds = new Map<number, { sockets: Map<KeepAliveSocket, boolean>; timer: ReturnType<typeof setInterval> }>();

function markAlive(this: KeepAliveSocket) {
  for (const round of keepAliveRounds.values()) if (round.sockets.has(this)) round.sockets.set(this, true);
}

/** Server-side heartbeat: pings every `intervalMs`; a socket that missed a pong between two pings is dead (terminated). */
export function keepAlive(socket: KeepAliveSocket, intervalMs = 10_000): () => void {
  let round = keepAliveRounds.get(intervalMs);
  if (!round) {
    const sockets = new Map<KeepAliveSocket, boolean>();
    const timer = setInterval(() => {
      for (const [s, alive] of sockets) {
        if (!alive) {
          sockets.delete(s);
          s.terminate();
          continue;
        }
        sockets.set(s, false);
        s.ping();
      }
    }, intervalMs);
    timer.unref();
    round = { sockets, timer };
    keepAliveRounds.set(intervalMs, round);
  }
  round.sockets.set(socket, true);
  socket.on('pong', markAlive);
  const { sockets } = round;
  return () => {
    sockets.delete(socket);
  };
}
