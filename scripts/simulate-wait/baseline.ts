import type { WaitEstimate } from '../../shared/entities';
import type { WaitInput } from '../../server/domain/wait-estimate';

/** What a product assumes before it has data. */
const DEFAULT_HANDLE_SECONDS = 5 * 60;

/**
 * The naive estimate many widgets show: position x mean handle time / operators online,
 * always a number, shown as that figure plus or minus half.
 */
export function naiveEstimate(input: WaitInput): WaitEstimate {
  if (!input.queueOpen) return { kind: 'unknown', reason: 'closed' };
  if (input.operators.length === 0) return { kind: 'unknown', reason: 'nobody_online' };
  const handles = input.recentHandleTimesSeconds;
  const meanHandle = handles.length > 0 ? handles.reduce((a, b) => a + b, 0) / handles.length : DEFAULT_HANDLE_SECONDS;
  const minutes = (input.position * meanHandle) / input.operators.length / 60;
  return { kind: 'range', minMinutes: Math.floor(minutes * 0.5), maxMinutes: Math.ceil(minutes * 1.5) };
}
