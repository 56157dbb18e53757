const backoffBaseMs = 500;
const backoffMaxMs = 30_000;

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential, capped, with "equal jitter"
 * (half fixed, half random) so a server restart is not hit by every widget at the same instant
 * while no visitor waits longer than the cap.
 */
export function backoffDelay(attempt: number, random: number): number {
  const ceiling = Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
