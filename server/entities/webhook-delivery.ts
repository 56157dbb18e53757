import type { HandoffEvent } from '../../shared/handoff-webhook';

export type WebhookDeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

/** One outgoing handoff webhook: the outbox row while it waits, the delivery log once settled. */
export interface WebhookDelivery {
  /** The delivery id the receiver sees in x-baton-delivery, the same on every attempt. */
  _id: string;
  siteId: string;
  conversationId: string;
  event: HandoffEvent;
  /** The exact JSON sent on every attempt. */
  body: string;
  /** Attempts claimed so far; a claim whose sender died counts too, so a poison row cannot loop forever. */
  attempt: number;
  status: WebhookDeliveryStatus;
  nextAttemptAt: Date;
  /** While sending: after this, the sender is presumed dead and the attempt may be claimed again. */
  leaseUntil: Date | null;
  /** Never the URL: webhook URLs are credentials. */
  lastProblem: string | null;
  createdAt: Date;
  updatedAt: Date;
}
