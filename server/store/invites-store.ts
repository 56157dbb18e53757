import type { Collections } from './database';
import type { InviteDoc } from './documents';

export function invitesStore(c: Collections) {
  return {
    async insert(doc: InviteDoc): Promise<void> {
      await c.invites.insertOne(doc);
    },
    /** The invite while it can still be used: unused and not expired. */
    findUsable(tokenHash: string, now: Date): Promise<InviteDoc | null> {
      return c.invites.findOne({ _id: tokenHash, usedAt: null, expiresAt: { $gt: now } });
    },
    /** One conditional update: of two tabs accepting at once, one gets the invite, the other null. */
    consume(tokenHash: string, now: Date): Promise<InviteDoc | null> {
      return c.invites.findOneAndUpdate(
        { _id: tokenHash, usedAt: null, expiresAt: { $gt: now } },
        { $set: { usedAt: now } },
        { returnDocument: 'after' },
      );
    },
    /** Puts back an invite whose acceptance failed after it was taken, so the link still works. */
    async release(tokenHash: string): Promise<void> {
      await c.invites.updateOne({ _id: tokenHash }, { $set: { usedAt: null } });
    },
    /** Used or expired invites are worthless; the minute sweep may delete them. */
    async deleteSettled(before: Date): Promise<number> {
      return (await c.invites.deleteMany({ $or: [{ expiresAt: { $lte: before } }, { usedAt: { $ne: null } }] })).deletedCount;
    },
  };
}

export type InvitesStore = ReturnType<typeof invitesStore>;
