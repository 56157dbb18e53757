import type { Urgency } from '../../shared/entities';

export interface WaitingConversation {
  /** The conversation's id. */
  id: string;
  urgency: Urgency;
  /** ISO instant the conversation started waiting for a person. */
  waitingSince: string;
}

export type Positioned<T> = T & { position: number };

const urgencyRank: Record<Urgency, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** Urgent before high before normal before low; then whoever has waited longest; ids break exact ties. */
export function compareWaiting(a: WaitingConversation, b: WaitingConversation): number {
  return (
    urgencyRank[a.urgency] - urgencyRank[b.urgency] ||
    Date.parse(a.waitingSince) - Date.parse(b.waitingSince) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The queue in the order people should pick it up, each with its 1-based position. */
export function orderQueue<T extends WaitingConversation>(waiting: readonly T[]): Positioned<T>[] {
  return [...waiting].sort(compareWaiting).map((conversation, index) => ({ ...conversation, position: index + 1 }));
}

export function positionOf(waiting: readonly WaitingConversation[], id: string): number | null {
  const me = waiting.find((c) => c.id === id);
  if (!me) return null;
  return 1 + waiting.filter((other) => other !== me && compareWaiting(other, me) < 0).length;
}
