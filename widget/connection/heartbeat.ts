import type { Clock } from '../../frontend-common/clock';

export const pingIntervalMs = 10_000;
const pongTimeoutMs = 4_000;

export interface Heartbeat {
  start(): void;
  stop(): void;
  pong(nonce: number): void;
}

/**
 * Pings every `intervalMs`; a ping left unanswered for `timeoutMs` declares the socket dead.
 * A half-open TCP connection (laptop lid, lift, captive portal) never fires `close` by itself,
 * so without this the widget would show "connected" while nothing arrives.
 */
export function createHeartbeat(options: {
  clock: Clock;
  ping(nonce: number): void;
  onDead(): void;
  intervalMs?: number;
  timeoutMs?: number;
}): Heartbeat {
  const { clock } = options;
  let nonce = 0;
  let awaiting: number | null = null;
  let timer: unknown = null;

  const clear = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  const scheduleTick = () => {
    clear();
    timer = clock.setTimeout(tick, options.intervalMs ?? pingIntervalMs);
  };
  function tick() {
    nonce += 1;
    awaiting = nonce;
    options.ping(nonce);
    timer = clock.setTimeout(() => {
      timer = null;
      awaiting = null;
      options.onDead();
    }, options.timeoutMs ?? pongTimeoutMs);
  }

  return {
    start: scheduleTick,
    stop() {
      clear();
      awaiting = null;
    },
    pong(n) {
      if (n !== awaiting) return;
      awaiting = null;
      scheduleTick();
    },
  };
}
