import { HANDOFF_WEBHOOK_VERSION, type HandoffEvent, type HandoffWebhookPayload } from '../../shared/handoff-webhook';
import type { OutgoingWebhookConfig } from '../../shared/site-config';
import type { Conversation } from '../entities/conversation';

export interface PayloadInput {
  deliveryId: string;
  event: HandoffEvent;
  conversation: Conversation;
  now: Date;
  /** PUBLIC_URL; without it the payload carries no inbox link. */
  publicUrl: string | null;
}

// Keyed by the site config's event list and indexed by HandoffEvent, so the two enums cannot drift apart.
const inboxSectionOf: Record<OutgoingWebhookConfig['events'][number], string> = {
  escalated: 'awaiting',
  claimed: 'live',
  resolved: 'resolved',
  callback_requested: 'callbacks',
};

/** The JSON a site receives; built once per delivery so every retry sends the same bytes. */
export function buildHandoffPayload({ deliveryId, event, conversation: c, now, publicUrl }: PayloadInput): HandoffWebhookPayload {
  const inboxUrl = publicUrl ? inboxLink(publicUrl, inboxSectionOf[event], c._id) : undefined;
  return {
    version: HANDOFF_WEBHOOK_VERSION,
    deliveryId,
    event,
    siteId: c.siteId,
    conversationId: c._id,
    occurredAt: (occurredAt(event, c) ?? now).toISOString(),
    queue: c.queue,
    state: c.state,
    urgency: c.urgency,
    triggers: c.triggers,
    // The second summary line, as in the inbox list: the first quotes the visitor, who may have typed anything.
    reason: c.casePackage?.summary[1] ?? c.handoffTopic,
    // Resolving and callbacks clear the owner, so only a claim names the operator; never their id or email.
    operator: c.owner ? { name: c.owner.name } : null,
    visitorName: c.visitorName,
    ...(inboxUrl ? { inboxUrl } : {}),
  };
}

function occurredAt(event: HandoffEvent, c: Conversation): Date | null {
  switch (event) {
    case 'escalated':
      return c.escalatedAt;
    case 'claimed':
      return c.claimedAt;
    case 'resolved':
      return c.resolvedAt;
    case 'callback_requested':
      return null;
  }
}

function inboxLink(publicUrl: string, section: string, conversationId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/inbox/#/${section}/${encodeURIComponent(conversationId)}`;
}
