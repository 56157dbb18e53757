import type { Callback } from '../../shared/operator-protocol';

export type CallbackDue = 'overdue' | 'due' | 'upcoming' | 'done';

/** A callback without a slot ("any time" in the widget) is due from the moment it was asked for. */
export function callbackDue(cb: Callback, now: number): CallbackDue {
  if (cb.status === 'done') return 'done';
  if (!cb.slot) return 'due';
  if (Date.parse(cb.slot.end) < now) return 'overdue';
  return Date.parse(cb.slot.start) <= now ? 'due' : 'upcoming';
}

const rank: Record<CallbackDue, number> = { overdue: 0, due: 1, upcoming: 2, done: 3 };
const dueAt = (cb: Callback) => Date.parse(cb.slot?.start ?? cb.createdAt);

/**
 * Overdue first, then due now, then upcoming by start; done ones last, latest first.
 * Within a group, oldest due moment first: a slot's start, or for "no time chosen" the request time,
 * so a visitor who left a message an hour ago comes before a slot that opened a minute ago.
 */
export function sortCallbacks(list: readonly Callback[], now: number): Callback[] {
  return [...list].sort((a, b) => {
    const byDue = rank[callbackDue(a, now)] - rank[callbackDue(b, now)];
    if (byDue !== 0) return byDue;
    if (a.status === 'done') return Date.parse(b.doneAt ?? '') - Date.parse(a.doneAt ?? '');
    return dueAt(a) - dueAt(b) || a.callbackId.localeCompare(b.callbackId);
  });
}

export const pendingCount = (list: readonly Callback[]) => list.filter((cb) => cb.status === 'pending').length;
