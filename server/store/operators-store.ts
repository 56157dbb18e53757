import type { Presence } from '../../shared/operator-protocol';
import type { Collections } from './database';
import type { OperatorDoc, SessionDoc } from './documents';

export function operatorsStore(c: Collections) {
  return {
    async upsert(doc: OperatorDoc): Promise<void> {
      await c.operators.replaceOne({ _id: doc._id }, doc, { upsert: true });
    },
    byEmail(email: string): Promise<OperatorDoc | null> {
      return c.operators.findOne({ email: email.trim().toLowerCase() });
    },
    get(operatorId: string): Promise<OperatorDoc | null> {
      return c.operators.findOne({ _id: operatorId });
    },
    forSite(siteId: string): Promise<OperatorDoc[]> {
      return c.operators.find({ siteIds: siteId }).toArray();
    },
    /** Operators not offline: after a restart, their presence must be re-earned by an open inbox. */
    present(): Promise<OperatorDoc[]> {
      return c.operators.find({ presence: { $ne: 'offline' } }).toArray();
    },
    /** Only an operator of `siteId` is changed: the site in the filter keeps an admin to their own people. */
    updateProfile(
      operatorId: string,
      siteId: string,
      patch: Partial<Pick<OperatorDoc, 'capacity' | 'languages' | 'skills'>>,
    ): Promise<OperatorDoc | null> {
      return c.operators.findOneAndUpdate({ _id: operatorId, siteIds: siteId }, { $set: patch }, { returnDocument: 'after' });
    },
    setPresence(operatorId: string, presence: Presence, byChoice: boolean, at: Date): Promise<OperatorDoc | null> {
      return c.operators.findOneAndUpdate(
        { _id: operatorId },
        { $set: { presence, presenceByChoice: byChoice, presenceChangedAt: at } },
        { returnDocument: 'after' },
      );
    },
  };
}

export function sessionsStore(c: Collections) {
  return {
    async insert(doc: SessionDoc): Promise<void> {
      await c.sessions.insertOne(doc);
    },
    findValid(sessionHash: string, now: Date): Promise<SessionDoc | null> {
      return c.sessions.findOne({ _id: sessionHash, revokedAt: null, expiresAt: { $gt: now } });
    },
    async revoke(sessionHash: string, at: Date): Promise<void> {
      await c.sessions.updateOne({ _id: sessionHash }, { $set: { revokedAt: at } });
    },
    /** Expired sessions can never be valid again; revoked ones go too once they expire. */
    async deleteExpired(now: Date): Promise<number> {
      return (await c.sessions.deleteMany({ expiresAt: { $lte: now } })).deletedCount;
    },
  };
}

export type OperatorsStore = ReturnType<typeof operatorsStore>;
export type SessionsStore = ReturnType<typeof sessionsStore>;
