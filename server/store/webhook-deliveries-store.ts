import type { Filter } from 'mongodb';
import type { Collections } from './database';
import type { WebhookDeliveryDoc } from './documents';
import { claimUniqueRow } from './unique-row-claim';

export type DeliverySettlement =
  | { status: 'delivered' }
  | { status: 'pending'; nextAttemptAt: Date; lastProblem: string }
  | { status: 'failed'; lastProblem: string };

/**
 * `taken`: another sender claimed that row first; skip it for this pass. `gave_up`: the row had used
 * every attempt (its senders kept dying or throwing before recording an outcome) and is now failed.
 */
export type DeliveryClaim =
  | { kind: 'claimed'; delivery: WebhookDeliveryDoc }
  | { kind: 'taken'; deliveryId: string }
  | { kind: 'gave_up'; delivery: WebhookDeliveryDoc };

export interface ClaimOptions {
  leaseMs: number;
  /** Attempts a delivery may have in all (the retry schedule's length plus the first). */
  maxAttempts: number;
  /** Rows another server took in this pass. */
  skip: string[];
  /** Sites this sender is already sending to: one site's slow receiver must not take every lane. */
  busySites: string[];
}

/**
 * How long the delivery log keeps a settled delivery (its body holds visitor data) and its attempt
 * rows: long enough to look into a receiver's complaint about last week, no longer.
 */
export const SETTLED_DELIVERY_KEEP_MS = 7 * 24 * 60 * 60_000;
const DELETE_BATCH = 500;

const claimable = (now: Date): Filter<WebhookDeliveryDoc>[] => [
  { status: 'pending', nextAttemptAt: { $lte: now } },
  { status: 'sending', leaseUntil: { $lte: now } },
];

export function webhookDeliveriesStore(c: Collections) {
  const col = c.webhookDeliveries;
  const unchanged = (row: WebhookDeliveryDoc) => ({ _id: row._id, status: row.status, attempt: row.attempt });

  return {
    /** How many deliveries the outbox holds in each status (the /metrics gauge; settled ones are swept after a while). */
    async countByStatus(): Promise<Array<{ status: string; count: number }>> {
      const statuses = ['pending', 'sending', 'delivered', 'failed'] as const;
      return Promise.all(statuses.map(async (status) => ({ status, count: await col.countDocuments({ status }) })));
    },
    async insert(doc: WebhookDeliveryDoc): Promise<void> {
      await col.insertOne(doc);
    },
    /**
     * Claims the oldest due row for one attempt. Two guards, as for conversation transitions: the
     * attempts ledger (unique-row-claim.ts decides between two servers), then the update with status
     * and attempt in its filter.
     */
    async claimDue(now: Date, { leaseMs, maxAttempts, skip, busySites }: ClaimOptions): Promise<DeliveryClaim | null> {
      const candidate = await col
        .find({ _id: { $nin: skip }, siteId: { $nin: busySites }, $or: claimable(now) })
        .sort({ nextAttemptAt: 1 })
        .limit(1)
        .next();
      if (!candidate) return null;
      if (candidate.attempt >= maxAttempts) {
        const gaveUp = await col.findOneAndUpdate(
          unchanged(candidate),
          { $set: { status: 'failed', leaseUntil: null, lastProblem: `gave up after ${candidate.attempt} attempts`, updatedAt: now } },
          { returnDocument: 'after' },
        );
        return gaveUp ? { kind: 'gave_up', delivery: gaveUp } : { kind: 'taken', deliveryId: candidate._id };
      }
      const attempt = candidate.attempt + 1;
      const row = { _id: `${candidate._id}#${attempt}`, deliveryId: candidate._id, attempt, at: now };
      const stillUnclaimed = async () => (await col.countDocuments(unchanged(candidate))) > 0;
      if (!(await claimUniqueRow(c.webhookAttempts, row, stillUnclaimed))) return { kind: 'taken', deliveryId: candidate._id };
      const claimed = await col
        .findOneAndUpdate(
          unchanged(candidate),
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
    /** When a row of a site other than `busySites` next becomes claimable (a retry's time or a lease's end), or null when none waits. */
    async nextDueAt(busySites: string[] = []): Promise<Date | null> {
      const [pending, sending] = await Promise.all([
        col
          .find({ status: 'pending', siteId: { $nin: busySites } }, { projection: { nextAttemptAt: 1 } })
          .sort({ nextAttemptAt: 1 })
          .limit(1)
          .next(),
        col
          .find({ status: 'sending', siteId: { $nin: busySites } }, { projection: { leaseUntil: 1 } })
          .sort({ leaseUntil: 1 })
          .limit(1)
          .next(),
      ]);
      const times = [pending?.nextAttemptAt, sending?.leaseUntil].filter((t): t is Date => t instanceof Date);
      return times.length > 0 ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
    },
    /** Rows due now or being sent by anyone: what tests wait for. */
    countDueOrSending(now: Date): Promise<number> {
      return col.countDocuments({ $or: [{ status: 'pending', nextAttemptAt: { $lte: now } }, { status: 'sending' }] });
    },
    /** Deletes deliveries delivered or failed more than `keepMs` before `now`, attempt rows first (a crash in between leaves no orphans); returns how many. */
    async deleteSettled(now: Date, keepMs = SETTLED_DELIVERY_KEEP_MS): Promise<number> {
      const cutoff = new Date(now.getTime() - keepMs);
      // A row settles after it was due, so updatedAt >= nextAttemptAt: the nextAttemptAt bound changes
      // nothing in the result but lets the (status, nextAttemptAt) index find the rows.
      const filter: Filter<WebhookDeliveryDoc> = {
        status: { $in: ['delivered', 'failed'] },
        nextAttemptAt: { $lt: cutoff },
        updatedAt: { $lt: cutoff },
      };
      let deleted = 0;
      for (;;) {
        const batch = await col
          .find(filter, { projection: { attempt: 1 } })
          .limit(DELETE_BATCH)
          .toArray();
        if (batch.length === 0) return deleted;
        const attemptIds = batch.flatMap((d) => Array.from({ length: d.attempt }, (_, i) => `${d._id}#${i + 1}`));
        await c.webhookAttempts.deleteMany({ _id: { $in: attemptIds } });
        deleted += (await col.deleteMany({ _id: { $in: batch.map((d) => d._id) } })).deletedCount;
        if (batch.length < DELETE_BATCH) return deleted;
      }
    },
  };
}

export type WebhookDeliveriesStore = ReturnType<typeof webhookDeliveriesStore>;
