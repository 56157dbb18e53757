import { normalizeEmail } from '../../../shared/email';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import type { Operator } from '../../entities/operator';
import { recordAudit } from '../handoff/audit';
import { offerAllQueues } from '../handoff/auto-assign';
import { publishQueueViews } from '../handoff/queue-views';
import { applyTransition } from '../handoff/transition';
import { type Admin, requireAdmin } from './admin-actor';

/** By id (the inbox) or email (the command line). */
export async function operatorOfSite(deps: FlowDeps, siteId: string, ref: { operatorId?: string; email?: string }): Promise<Operator> {
  const operator = ref.operatorId
    ? await deps.store.operators.get(ref.operatorId)
    : await deps.store.operators.byEmail(normalizeEmail(ref.email ?? ''));
  if (!operator?.siteIds.includes(siteId)) throw new CodedError('not_found', `No operator ${ref.email ?? 'with that id'} on this site.`);
  return operator;
}

/**
 * Takes the operator off the site at once: every session of theirs is revoked and its sockets closed
 * on every instance (an operator of other sites signs in again and sees only those), and the
 * conversations they owned on this site go back to its queue, offered to whoever has room.
 */
export async function removeOperator(
  deps: FlowDeps,
  admin: Admin,
  siteId: string,
  ref: { operatorId?: string; email?: string },
): Promise<Operator> {
  const actor = requireAdmin(admin, siteId, 'remove operators');
  const target = await operatorOfSite(deps, siteId, ref);
  if (!('kind' in admin) && admin._id === target._id) throw new CodedError('forbidden', 'You cannot remove yourself; ask another admin.');
  const updated = await deps.store.operators.removeSite(target._id, siteId);
  if (!updated) throw new CodedError('not_found', 'No operator with that id on this site.');
  const now = deps.clock.now();
  for (const sessionId of await deps.store.sessions.revokeAllFor(target._id, now)) deps.hub.endSession(sessionId);
  deps.hub.updateOperatorSites(target._id, updated.siteIds);
  if (updated.siteIds.length === 0) await deps.store.operators.setPresence(target._id, 'offline', false, now);
  const released = await deps.store.conversations.heldOnSite(target._id, siteId);
  for (const conversationId of released) {
    await applyTransition(
      deps,
      conversationId,
      { type: 'requeue' },
      { kind: 'system' },
      {
        set: { offer: null },
        reasons: ['operator_removed'],
        evidence: [`${target.name} was removed from the site`],
      },
    );
  }
  await recordAudit(deps, {
    siteId,
    conversationId: null,
    action: 'operator_changed',
    actor,
    reasons: ['removed'],
    note: `${target.email} removed; ${released.length} conversation(s) back to the queue`,
  });
  deps.hub.toSite(siteId, {
    type: 'operator_updated',
    operatorId: target._id,
    capacity: 0,
    languages: target.languages,
    skills: target.skills,
  });
  const site = await deps.store.sites.get(siteId);
  if (site) for (const queue of site.config.queues) await publishQueueViews(deps, site, queue.id);
  await offerAllQueues(deps, siteId);
  return updated;
}
