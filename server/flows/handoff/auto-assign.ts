import { chooseAssignee, hasFreeCapacity } from '../../domain/assignment';
import { orderQueue } from '../../domain/queue-order';
import { createKeyedLock } from '../../store/keyed-lock';
import type { Conversation } from '../../entities/conversation';
import type { Operator } from '../../entities/operator';
import type { Site } from '../../entities/site';
import type { FlowDeps } from '../../composition';
import { withAssignmentLease } from './assignment-lease';
import { loadOperatorLoads, type OperatorLoad } from './operator-load';
import { announceOperator } from './announce';
import { recordAudit } from './audit';
import { publishQueueViews, publishVisitorView } from './queue-views';
import { pageOwner } from './operator-pages';
import { applyTransition, type TransitionResult, webhookEvents } from './transition';
import { toSummary } from './wire';

// One assignment round per queue at a time in this instance (rounds on other instances are held
// apart per operator by the assignment lease). Kept per instance, not per module: tests run several
// instances in one process, and a module-wide lock would hide their races.
const perInstance = new WeakMap<FlowDeps, { rounds: ReturnType<typeof createKeyedLock>; recentAssignees: Map<string, string[]> }>();
function instanceState(deps: FlowDeps) {
  let state = perInstance.get(deps);
  if (!state) {
    state = { rounds: createKeyedLock(), recentAssignees: new Map() };
    perInstance.set(deps, state);
  }
  return state;
}

/**
 * For queues in automatic mode: offer waiting conversations, most urgent and
 * longest waiting first, to the online member with the most free capacity.
 * Called whenever capacity may have appeared: a new handoff, an operator coming
 * online, a conversation resolved, transferred or returned, an offer lapsing.
 */
export async function offerWaiting(deps: FlowDeps, site: Site, queueId: string): Promise<number> {
  const queue = site.config.queues.find((q) => q.id === queueId);
  if (queue?.mode !== 'automatic') return 0;
  const { rounds, recentAssignees } = instanceState(deps);
  return rounds(`${site._id}:${queueId}`, async () => {
    const candidates = await loadOperatorLoads(deps, site._id, queue.members);
    const waiting = await deps.store.conversations.queued(site._id, queueId);
    const byId = new Map(waiting.map((c) => [c._id, c]));
    const key = `${site._id}:${queueId}`;
    let offered = 0;
    for (const next of orderQueue(
      waiting.map((c) => ({ id: c._id, urgency: c.urgency, waitingSince: (c.escalatedAt ?? c.createdAt).toISOString() })),
    )) {
      const conversation = byId.get(next.id)!;
      const outcome = await offerOne(deps, conversation, candidates, recentAssignees.get(key) ?? [], queue.offerTimeoutSeconds);
      if (outcome === 'nobody') {
        // Those still free let this one lapse; the conversations behind it can still go to them.
        if (hasFreeCapacity(candidates)) continue;
        break;
      }
      if (outcome === 'moved') continue;
      const { choice, result } = outcome;
      pageOwner(deps, 'offer', result.conversation);
      choice.active += 1;
      recentAssignees.set(
        key,
        [...(recentAssignees.get(key) ?? []).filter((id) => id !== choice.operatorId), choice.operatorId].slice(-50),
      );
      offered++;
    }
    if (offered > 0) await publishQueueViews(deps, site, queueId);
    return offered;
  });
}

/**
 * Offers one conversation to the best free candidate, holding that operator's assignment lease so
 * no other instance fills the same capacity meanwhile. 'nobody': no candidate is free (or each was
 * leased elsewhere too long); 'moved': the conversation changed hands first.
 */
async function offerOne(
  deps: FlowDeps,
  conversation: Conversation,
  candidates: OperatorLoad[],
  recentAssignees: string[],
  offerTimeoutSeconds: number,
): Promise<'nobody' | 'moved' | { choice: OperatorLoad; result: Extract<TransitionResult, { ok: true }> }> {
  const busy: string[] = [];
  for (;;) {
    const choice = chooseAssignee(candidates, {
      declined: [...conversation.declinedBy, ...busy],
      recentAssignees,
      language: conversation.visitorLocale,
    });
    if (!choice) return 'nobody';
    const expiresAt = new Date(deps.clock.now().getTime() + offerTimeoutSeconds * 1000);
    const outcome = await withAssignmentLease(deps, choice, () =>
      applyTransition(
        deps,
        conversation._id,
        { type: 'assign', operatorId: choice.operatorId, name: choice.name },
        { kind: 'system' },
        {
          set: { offer: { operatorId: choice.operatorId, expiresAt } },
          reasons: ['automatic_assignment'],
          evidence: [`most free capacity: ${choice.capacity - choice.active} of ${choice.capacity}`],
        },
      ),
    );
    if (outcome === 'busy') busy.push(choice.operatorId);
    // 'full': the fresh count is in choice.active now, so the next choice passes them by.
    else if (outcome !== 'full') return outcome.ok ? { choice, result: outcome } : 'moved';
  }
}

/**
 * The operator takes the offered conversation: audited and sent to the webhook as a claim, and
 * from now on the visitor is told who joined. Null when the offer is no longer theirs (it lapsed,
 * moved on, or a click and a reply raced and the other one accepted it).
 */
export async function acceptOffer(
  deps: FlowDeps,
  conversation: Conversation,
  operator: Pick<Operator, '_id' | 'name'>,
): Promise<Conversation | null> {
  // The wait the estimate learns from ends here, when a person took it, not when it was offered.
  const accepted = await deps.store.conversations.takeOffer(conversation._id, operator._id, { claimedAt: deps.clock.now() });
  if (!accepted) return null;
  await recordAudit(deps, {
    siteId: accepted.siteId,
    conversationId: accepted._id,
    action: 'claimed',
    actor: { kind: 'operator', operatorId: operator._id, name: operator.name },
    reasons: ['accepted_offer'],
    from: accepted.state,
    to: accepted.state,
  });
  deps.hub.toSite(accepted.siteId, { type: 'conversation_updated', conversation: toSummary(accepted) });
  const site = await deps.store.sites.get(accepted.siteId);
  if (site && accepted.owner) {
    const event = webhookEvents.claimed;
    if (event) deps.webhooks.notify(site, event, accepted);
    await announceOperator(deps, site, accepted, accepted.owner.name);
    await publishVisitorView(deps, site, accepted);
  }
  return accepted;
}

/** Offers every automatic queue of the site: capacity may have appeared anywhere. */
export async function offerAllQueues(deps: FlowDeps, siteId: string): Promise<void> {
  const site = await deps.store.sites.get(siteId);
  if (!site) return;
  for (const queue of site.config.queues) if (queue.mode === 'automatic') await offerWaiting(deps, site, queue.id);
}

/** Offers not accepted in time go back to the queue and on to the next operator. */
export async function requeueLapsedOffers(deps: FlowDeps): Promise<number> {
  const lapsed = await deps.store.conversations.expiredOffers(deps.clock.now());
  for (const conversation of lapsed) {
    const declinedBy = [...conversation.declinedBy, conversation.offer!.operatorId];
    const result = await applyTransition(
      deps,
      conversation._id,
      { type: 'requeue' },
      { kind: 'system' },
      {
        set: { offer: null, declinedBy },
        reasons: ['offer_timeout'],
        evidence: [`${conversation.owner?.name ?? 'operator'} did not accept in time`],
      },
    );
    const site = result.ok ? await deps.store.sites.get(conversation.siteId) : null;
    if (!site || !conversation.queue) continue;
    // Everyone behind it moved back a place even when nobody is free to take the next offer.
    const offered = await offerWaiting(deps, site, conversation.queue);
    if (offered === 0) await publishQueueViews(deps, site, conversation.queue);
  }
  return lapsed.length;
}
