import type { Presence } from '../../shared/operator-protocol';

export interface AssignmentCandidate {
  operatorId: string;
  presence: Presence;
  capacity: number;
  /** Conversations the operator owns now. */
  active: number;
  /** Languages spoken, e.g. ["de", "en-GB"]; absent means unknown. */
  languages?: readonly string[];
}

export interface AssignmentState {
  /** Operators who declined or let an offer for this conversation time out: never offered it again. */
  declined: readonly string[];
  /** Operator ids in the order they were last assigned any conversation of the queue, most recent last. */
  recentAssignees: readonly string[];
  /** The conversation's language, when known. */
  language?: string;
}

const primaryTag = (language: string) => language.toLowerCase().split(/[-_]/)[0] ?? '';

function speaks(candidate: AssignmentCandidate, language: string | undefined): boolean {
  if (!language || !candidate.languages) return false;
  const wanted = primaryTag(language);
  return candidate.languages.some((l) => primaryTag(l) === wanted);
}

/**
 * Who gets the next offer in an automatic queue: an online member with free capacity who has not
 * declined it; someone who speaks the conversation's language first, then the most free capacity,
 * then whoever was assigned longest ago (round-robin). Null when nobody is free.
 */
const isFree = (c: AssignmentCandidate) => c.presence === 'online' && c.active < c.capacity;

/** Whether anyone could take another conversation at all. */
export function hasFreeCapacity(candidates: readonly AssignmentCandidate[]): boolean {
  return candidates.some(isFree);
}

export function chooseAssignee<T extends AssignmentCandidate>(candidates: readonly T[], state: AssignmentState): T | null {
  const lastAssigned = (c: T) => state.recentAssignees.lastIndexOf(c.operatorId);
  const eligible = candidates.filter((c) => isFree(c) && !state.declined.includes(c.operatorId));
  const ranked = eligible
    .map((c, order) => ({ c, order, speaks: speaks(c, state.language) ? 0 : 1, free: c.capacity - c.active, last: lastAssigned(c) }))
    .sort((a, b) => a.speaks - b.speaks || b.free - a.free || a.last - b.last || a.order - b.order);
  return ranked[0]?.c ?? null;
}
