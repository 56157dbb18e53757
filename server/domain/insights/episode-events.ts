import type { HandoffEpisode } from '../../entities/episode';
import { triggerOf } from './measures';

/** What a change of episodes means for the operations counters: handoffs that began, waits that ended. */
export function episodeEvents(before: readonly HandoffEpisode[] | undefined, after: readonly HandoffEpisode[] | undefined) {
  const was = new Map((before ?? []).map((e) => [e.number, e]));
  const handoffs: Array<{ trigger: string; queue: string }> = [];
  const waitsMs: number[] = [];
  for (const e of after ?? []) {
    const old = was.get(e.number);
    if (e.startedBy === 'escalated' && !old) handoffs.push({ trigger: triggerOf(e), queue: e.queue ?? 'none' });
    if (e.startedBy === 'escalated' && e.actualWaitMs !== null && (old?.actualWaitMs ?? null) === null) waitsMs.push(e.actualWaitMs);
  }
  return { handoffs, waitsMs };
}
