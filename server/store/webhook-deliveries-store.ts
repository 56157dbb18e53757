import { type Filter, MongoServerError } from 'mongodb';
import type { HandoffEvent } from '../../shared/handoff-webhook';
import type { Collections } from './database';

export type WebhookDeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

/** One outgoing handoff webhook: the outbox row while it waits, the delivery log once settled. */
export interface WebhookDeliveryDoc {
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

/** The claims ledger: its unique _id (`deliveryId#attempt`) lets one sender, and only one, take an attempt. */
export interface WebhookAttemptDoc {
  _id: string;
  deliveryId: string;
  attempt: number;
  at: Date;
}

export type DeliverySettlement =
  | { status: 'delivered' }
  | { status: 'pending'; nextAttemptAt: Date; lastProblem: string }
  | { status: 'failed'; lastProblem: string };

/** `taken`: another sender claimed that row first; skip it for this pass. */
export type DeliveryClaim = { kind: 'claimed'; delivery: WebhookDeliveryDoc } | { kind: 'taken'; deliveryId: string };

/** Far longer than a claim's insert-then-update takes; a ledger row this old whose update never landed is debris. */
const STALE_ATTEMPT_ROW_MS = 10_000;

const claimable = (now: Date): Filter<WebhookDeliveryDoc>[] => [
  { status: 'pending', nextAttemptAt: { $lte: now } },
  { status: 'sending', leaseUntil: { $lte: now } },
];

export function webhookDeliveriesStore(c: Collections) {
  const col = c.webhookDeliveries;

  /** As conversationsStore.takeLedgerRow: a row left by a sender that died between insert and update is cleared once stale. */
  async function takeAttemptRow(row: WebhookAttemptDoc, candidate: WebhookDeliveryDoc): Promise<boolean> {
    for (let tries = 0; ; tries++) {
      try {
        await c.webhookAttempts.insertOne(row);
        return true;
      } catch (error) {
        if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
        if (tries > 0) return false;
        const stuck = await col.countDocuments({ _id: candidate._id, status: candidate.status, attempt: candidate.attempt });
        if (stuck === 0) return false; // the claim landed: another sender really took it
        const cleared = await c.webhookAttempts.deleteOne({ _id: row._id, at: { $lt: new Date(row.at.getTime() - STALE_ATTEMPT_ROW_MS) } });
        if (cleared.deletedCount === 0) return false; // a live claim holds it right now
      }
    }
  }

  return {
    async insert(doc: WebhookDeliveryDoc): Promise<void> {
      await col.insertOne(doc);
    },
    get(deliveryId: string): Promise<WebhookDeliveryDoc | null> {
      return col.findOne({ _id: deliveryId });
    },
    /**
     * Claims the oldest due row for one attempt. Two guards, as for conversation transitions: the
     * attempts ledger (FerretDB 1.24 does not apply a conditional update atomically, so the unique
     * _id is what decides between two servers), then the update with status and attempt in its filter.
     */
    async claimDue(now: Date, leaseMs: number, skip: string[]): Promise<DeliveryClaim | null> {
      const candidate = await col.find({ _id: { $nin: skip }, $or: claimable(now) }).sort({ nextAttemptAt: 1 }).limit(1).next();
      if (!candidate) return null;
      const attempt = candidate.attempt + 1;
      const row = { _id: `${candidate._id}#${attempt}`, deliveryId: candidate._id, attempt, at: now };
      if (!(await takeAttemptRow(row, candidate))) return { kind: 'taken', deliveryId: candidate._id };
      const claimed = await col
        .findOneAndUpdate(
          { _id: candidate._id, status: candidate.status, attempt: candidate.attempt },
          { $set: { status: 'sending', attempt, leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now } },
          { returnDocument: 'after' },
        )
        .catch(async (error: unknown) => {
          await c.webhookAttempts.deleteOne({ _id: row._id }).catch(() => undefined);
          throw error;
        });
      if (claimed) return { kind: 'claimed', delivery: claimed };
      // Not applied: the ledger row must not block the attempt it names.
      await c.webhookAttempts.deleteOne({ _id: row._id });
      return { kind: 'taken', deliveryId: candidate._id };
    },
    /** False when this attempt no longer holds the row (its lease expired and another sender took it). */
    async settle(delivery: Pick<WebhookDeliveryDoc, '_id' | 'attempt'>, settlement: DeliverySettlement, at: Date): Promise<boolean> {
      const updated = await col.updateOne(
        { _id: delivery._id, status: 'sending', attempt: delivery.attempt },
        { $set: { ...settlement, leaseUntil: null, updatedAt: at } },
      );
      return updated.modifiedCount === 1;
    },
    /** When a row next becomes claimable (a retry's time or a lease's end), or null when none waits. */
    async nextDueAt(): Promise<Date | null> {
      const [pending, sending] = await Promise.all([
        col.find({ status: 'pending' }, { projection: { nextAttemptAt: 1 } }).sort({ nextAttemptAt: 1 }).limit(1).next(),
        col.find({ status: 'sending' }, { projection: { leaseUntil: 1 } }).sort({ leaseUntil: 1 }).limit(1).next(),
      ]);
      const times = [pending?.nextAttemptAt, sending?.leaseUntil].filter((t): t is Date => t instanceof Date);
      return times.length > 0 ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
    },
    /** Rows due now or being sent by anyone: what tests wait for. */
    countDueOrSending(now: Date): Promise<number> {
      return col.countDocuments({ $or: [{ status: 'pending', nextAttemptAt: { $lte: now } }, { status: 'sending' }] });
    },
  };
}

export type WebhookDeliveriesStore = ReturnType<typeof webhookDeliveriesStore>;
