/** Fewer recent claims than this say nothing honest about the team's pace, so the widget says nothing. */
export const MIN_REPLY_SAMPLES = 5;

/**
 * "Usually replies in N minutes": the median of recent escalation-to-claim waits, rounded up to a
 * whole minute (a promise is better kept long than short); null when there is too little to go on.
 */
export function typicalReplyMinutes(waitsSeconds: readonly number[], minSamples = MIN_REPLY_SAMPLES): number | null {
  const waits = waitsSeconds.filter((s) => Number.isFinite(s) && s >= 0).sort((a, b) => a - b);
  if (waits.length < minSamples) return null;
  const middle = waits.length / 2;
  const median = waits.length % 2 ? (waits[Math.floor(middle)] as number) : ((waits[middle - 1] as number) + (waits[middle] as number)) / 2;
  return Math.max(1, Math.ceil(median / 60));
}
