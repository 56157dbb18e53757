import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../shared/audit';
import type { VisitorDataExport, VisitorErasure } from '../../../shared/visitor-data';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import { episodeRows } from '../../domain/insights/episode-row';
import { erasedConversationFields } from '../../domain/visitor-erasure';
import type { Operator } from '../../entities/operator';
import type { VisitorRecords } from '../../store/visitor-data-store';
import { operatorActor, recordAudit } from '../handoff/audit';
import { applyTransition } from '../handoff/transition';
import { toSummary } from '../handoff/wire';
import { toVisitorDataExport } from './visitor-data-export';

// A visitor's right of access and right to erasure (GDPR arts. 15 and 17), for one site's admin
// in the inbox or for the command line (`baton visitor export|erase`, which passes { kind: 'command_line' }).

/** Who asks: an operator (must be an admin of the site) or the command line, which has the database itself. */
export type DataRequester = { kind: 'operator'; operator: Operator } | { kind: 'command_line' };

function requesterActor(by: DataRequester): Actor {
  return by.kind === 'operator' ? operatorActor(by.operator) : { kind: 'system' };
}

/** Another site answers exactly like a missing visitor, so ids cannot be probed. */
async function loadRecords(deps: FlowDeps, by: DataRequester, siteId: string, visitorId: string, doing: string): Promise<VisitorRecords> {
  if (by.kind === 'operator') {
    if (!by.operator.siteIds.includes(siteId)) throw new CodedError('not_found', 'No visitor with that id.');
    if (by.operator.role !== 'admin') throw new CodedError('forbidden', `Only admins can ${doing} a visitor's data.`);
  }
  const records = await deps.store.visitorData.gather(siteId, visitorId);
  if (!records.visitor && records.conversations.length === 0) throw new CodedError('not_found', 'No visitor with that id on this site.');
  return records;
}

/** Everything stored about one visitor of a site, as one JSON document; the export itself is audited. */
export async function exportVisitorData(deps: FlowDeps, by: DataRequester, siteId: string, visitorId: string): Promise<VisitorDataExport> {
  const records = await loadRecords(deps, by, siteId, visitorId, 'export');
  const attachments = await deps.store.attachments.listForConversations(records.conversations.map((c) => c._id));
  const files = await Promise.all(
    attachments.map(async (attachment) => ({ attachment, bytes: await deps.store.attachments.bytes(attachment._id) })),
  );
  const exported = toVisitorDataExport(siteId, visitorId, records, files, deps.clock.now());
  await recordAudit(deps, {
    siteId,
    conversationId: null,
    visitorId,
    action: 'visitor_data_exported',
    actor: requesterActor(by),
    note: `${records.conversations.length} conversations, ${records.messages.length} messages, ${files.length} files${by.kind === 'command_line' ? ' (command line)' : ''}`,
  });
  return exported;
}

/**
 * Removes a visitor's messages and personal fields everywhere they are copied, keeps the audit
 * trail with their words taken out, and leaves a tombstone visitor. Safe to repeat: a second call
 * finds nothing more to remove (and says alreadyErased).
 */
export async function eraseVisitorData(deps: FlowDeps, by: DataRequester, siteId: string, visitorId: string): Promise<VisitorErasure> {
  const records = await loadRecords(deps, by, siteId, visitorId, 'erase');
  const alreadyErased = Boolean(records.visitor?.erasedAt);
  const actor = requesterActor(by);
  // First, so nothing new arrives: their sockets close and their widget starts over as a new visitor.
  deps.hub.endVisitor(visitorId);
  const ids = records.conversations.map((c) => c._id);
  for (const conversation of records.conversations) deps.inFlightBots.get(conversation._id)?.abort();
  // Stamps written behind (store/stamps-behind.ts) land now, before the blanking, not over it.
  await deps.store.conversations.flushStamps();
  for (const conversation of records.conversations) {
    await deps.store.conversations.patch(conversation._id, erasedConversationFields(conversation));
    if (conversation.state !== 'resolved') {
      // As the system: an admin may not resolve a colleague's conversation, but an erasure ends it whoever holds it.
      // No webhook: its deliveries are being purged, and a new one would outlive the purge.
      await applyTransition(
        deps,
        conversation._id,
        { type: 'resolve' },
        { kind: 'system' },
        { reasons: ['visitor_erased'], webhook: false },
      );
    }
    const settled = await deps.store.conversations.get(conversation._id);
    if (!settled) continue;
    const blanked = await deps.store.conversations.patch(conversation._id, erasedConversationFields(settled));
    // The drill-down rows copy the visitor's name and each episode's rating comment: rewritten from the blanked conversation.
    if (blanked?.episodes)
      await deps.store.episodeRollups.saveRows(episodeRows(siteId, conversation._id, blanked.visitorName, undefined, blanked.episodes));
    deps.messageWindows.forget(conversation._id);
    if (blanked) deps.hub.toSite(siteId, { type: 'conversation_updated', conversation: toSummary(blanked) });
  }
  deps.visitorConversations.delete(visitorId);
  const removed = await deps.store.visitorData.deleteConversationData(ids);
  const auditEntries = await deps.store.visitorData.tombstoneAudit(ids);
  const now = deps.clock.now();
  if (records.visitor && !alreadyErased) {
    await deps.store.visitorData.tombstoneVisitor(visitorId, `erased:${randomBytes(24).toString('hex')}`, now);
  }
  // The bus keeps the events it carried for up to a minute, texts included.
  await deps.store.visitorData.scrubBusEvents([visitorId, ...ids]);
  const erasure: VisitorErasure = {
    visitorId,
    alreadyErased,
    conversations: alreadyErased ? 0 : ids.length,
    messages: removed.messages,
    callbacks: removed.callbacks,
    webhookDeliveries: removed.webhookDeliveries,
    auditEntries,
    erasedAt: (records.visitor?.erasedAt ?? now).toISOString(),
  };
  await recordAudit(deps, {
    siteId,
    conversationId: null,
    visitorId,
    action: 'visitor_erased',
    actor,
    reasons: alreadyErased ? ['already_erased'] : [],
    note: `${erasure.conversations} conversations, ${erasure.messages} messages, ${erasure.callbacks} callbacks, ${erasure.webhookDeliveries} webhook deliveries${by.kind === 'command_line' ? ' (command line)' : ''}`,
  });
  return erasure;
}
