import type { Callback } from '../../entities/callback';
import type { Operator } from '../../entities/operator';
import type { FlowDeps } from '../../composition';
import { operatorActor, recordAudit } from '../handoff/audit';
import { toSummary, toWireCallback } from '../handoff/wire';

export async function markCallbackDone(deps: FlowDeps, operator: Operator, callbackId: string): Promise<Callback | null> {
  const existing = await deps.store.callbacks.get(callbackId);
  if (!existing || !operator.siteIds.includes(existing.siteId)) return null;
  const done = await deps.store.callbacks.markDone(callbackId, operator.name, deps.clock.now());
  // Only the request that moved it from pending audits and publishes: a second click or
  // a second operator gets the callback as it stands (done by whoever was first).
  if (!done) return (await deps.store.callbacks.get(callbackId)) ?? existing;
  await recordAudit(deps, {
    siteId: done.siteId,
    conversationId: done.conversationId,
    action: 'callback_done',
    actor: operatorActor(operator),
  });
  deps.hub.toSite(done.siteId, { type: 'callback_updated', callback: toWireCallback(done) });
  const conversation = await deps.store.conversations.get(done.conversationId);
  if (conversation) deps.hub.toSite(done.siteId, { type: 'conversation_updated', conversation: toSummary(conversation) });
  return done;
}
