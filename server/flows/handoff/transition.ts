import type { Actor, AuditAction } from '../../../shared/audit';
import type { ErrorCode } from '../../../shared/errors';
import type { HandoffEvent } from '../../../shared/handoff-webhook';
import { episodesAfter } from '../../domain/episodes';
import { decideTransition, type OwnershipCommand } from '../../domain/ownership';
import type { Conversation } from '../../entities/conversation';
import { recordAudit } from './audit';
import { countEpisodeChange } from './episode-record';
import { indexForSearch } from './search-index';
import { siteTimeZone } from './site-time-zone';
import type { FlowDeps } from '../../composition';
import { toSummary } from './wire';

export type TransitionResult =
  | { ok: true; conversation: Conversation; previous: Conversation }
  | { ok: false; code: ErrorCode; message: string; conversation: Conversation | null };

export interface TransitionOptions {
  set?: Partial<Conversation>;
  reasons?: string[];
  evidence?: string[];
  note?: string | null;
  /** False: no handoff webhook for this change (an erasure purges the deliveries about the conversation instead). */
  webhook?: boolean;
  /**
   * The caller's copy, read just before: the first attempt decides on it instead of reading again.
   * A stale copy is safe: its version no longer matches, the update is refused and the next attempt reads.
   */
  current?: Conversation;
}

/**
 * Load -> decide (pure) -> one conditional update -> audit -> publish. A lost
 * race is re-decided against the fresh document, so the loser of two claims gets
 * the same `already_claimed` answer naming the winner.
 */
export async function applyTransition(
  deps: FlowDeps,
  conversationId: string,
  command: OwnershipCommand,
  actor: Actor,
  options: TransitionOptions = {},
): Promise<TransitionResult> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const callersCopy = attempt === 0 && options.current?._id === conversationId;
    const current = callersCopy ? options.current! : await deps.store.conversations.get(conversationId);
    if (!current) return { ok: false, code: 'not_found', message: 'No conversation with that id.', conversation: null };
    const decision = decideTransition(current, command, actor);
    // A refusal is only ever decided on what the database holds.
    if (!decision.ok && callersCopy) continue;
    if (!decision.ok) return { ok: false, code: decision.code, message: decision.message, conversation: current };
    const now = deps.clock.now();
    const { state, queue, owner, version } = decision.next;
    const set = { ...options.set };
    const timeZone = await siteTimeZone(deps, current.siteId);
    const episodes = episodesAfter(current, { ...current, ...set, queue, owner }, decision.action, actor, now, timeZone);
    const updated = await deps.store.conversations.transition(
      conversationId,
      { state: current.state, version: current.version },
      // An offer belongs to the assignment that made it: any other change of hands ends it.
      { state, queue, owner, version, lastActivityAt: now, offer: null, ...timestamps(decision.action, now), ...set, episodes },
    );
    if (!updated) continue; // someone else moved first: decide again on what they left
    // At once, before anything else is awaited: not one more token of a streamed answer may reach the visitor.
    if (updated.state !== 'bot') deps.inFlightBots.get(conversationId)?.abort();
    // The Insights counters and the audit entry are independent writes: side by side, both landed before anyone hears of the change.
    await Promise.all([
      countEpisodeChange(deps, updated, current.episodes, updated.episodes),
      recordAudit(deps, {
        siteId: updated.siteId,
        conversationId,
        action: decision.action,
        actor,
        reasons: options.reasons ?? [],
        evidence: options.evidence ?? [],
        note: options.note ?? null,
        from: current.state,
        to: updated.state,
      }),
    ]);
    deps.hub.toSite(updated.siteId, { type: 'conversation_updated', conversation: toSummary(updated) });
    if (decision.action === 'resolved') await indexForSearch(deps, updated);
    const event = webhookEvents[decision.action];
    if (event && options.webhook !== false) {
      const site = await deps.store.sites.get(updated.siteId);
      if (site) deps.webhooks.notify(site, event, updated);
    }
    return { ok: true, conversation: updated, previous: current };
  }
  return { ok: false, code: 'version_conflict', message: 'The conversation kept changing; try again.', conversation: null };
}

/** The handoff webhook event each audited action sends; accepting an offer is audited and sent as 'claimed'. */
export const webhookEvents: Partial<Record<AuditAction, HandoffEvent>> = {
  escalated: 'escalated',
  claimed: 'claimed',
  barged_in: 'claimed',
  taken_over: 'claimed',
  resolved: 'resolved',
  callback_requested: 'callback_requested',
};

function timestamps(action: string, now: Date): Partial<Conversation> {
  switch (action) {
    case 'escalated':
      return { escalatedAt: now, claimedAt: null };
    case 'claimed':
    case 'barged_in':
      return { claimedAt: now };
    case 'requeued':
      return { claimedAt: null };
    case 'resolved':
      return { resolvedAt: now, lastResolvedAt: now };
    case 'reopened':
      // The current-episode fields start afresh; the episode that ended keeps them (domain/episodes.ts).
      return { resolvedAt: null, escalatedAt: null, claimedAt: null, callbackBooked: null, rating: null };
    default:
      return {};
  }
}
