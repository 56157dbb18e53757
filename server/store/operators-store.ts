import { normalizeEmail } from '../../shared/email';
import type { Presence } from '../../shared/operator-protocol';
import type { Collections } from './database';
import type { Operator } from '../entities/operator';
import type { OperatorDoc, SessionDoc } from './documents';

/** Every read but the sign-in's leaves the password hash behind. */
function withoutHash(doc: OperatorDoc): Operator;
function withoutHash(doc: OperatorDoc | null): Operator | null;
function withoutHash(doc: OperatorDoc | null): Operator | null {
  if (!doc) return null;
  const { passwordHash: _hash, ...operator } = doc;
  return operator;
}

export function operatorsStore(c: Collections) {
  return {
    async upsert(doc: OperatorDoc): Promise<void> {
      await c.operators.replaceOne({ _id: doc._id }, { ...doc, email: normalizeEmail(doc.email) }, { upsert: true });
    },
    /** For security/sign-in.ts alone: the one read that carries the hash. */
    async credentialsFor(email: string): Promise<{ operator: Operator; passwordHash: string } | null> {
      const doc = await c.operators.findOne({ email: normalizeEmail(email) });
      return doc ? { operator: withoutHash(doc), passwordHash: doc.passwordHash } : null;
    },
    async get(operatorId: string): Promise<Operator | null> {
      return withoutHash(await c.operators.findOne({ _id: operatorId }));
    },
    async byEmail(email: string): Promise<Operator | null> {
      return withoutHash(await c.operators.findOne({ email: normalizeEmail(email) }));
    },
    /** Refused (duplicate key) when the email is taken: the unique email index decides. */
    async insert(doc: OperatorDoc): Promise<void> {
      await c.operators.insertOne({ ...doc, email: normalizeEmail(doc.email) });
    },
    async setPasswordHash(operatorId: string, passwordHash: string): Promise<boolean> {
      return (await c.operators.updateOne({ _id: operatorId }, { $set: { passwordHash } })).matchedCount === 1;
    },
    async addSite(operatorId: string, siteId: string): Promise<Operator | null> {
      return withoutHash(
        await c.operators.findOneAndUpdate({ _id: operatorId }, { $addToSet: { siteIds: siteId } }, { returnDocument: 'after' }),
      );
    },
    /** Null when the operator was not on the site. */
    async removeSite(operatorId: string, siteId: string): Promise<Operator | null> {
      return withoutHash(
        await c.operators.findOneAndUpdate(
          { _id: operatorId, siteIds: siteId },
          { $pull: { siteIds: siteId } },
          { returnDocument: 'after' },
        ),
      );
    },
    async forSite(siteId: string): Promise<Operator[]> {
      return (await c.operators.find({ siteIds: siteId }).toArray()).map((doc) => withoutHash(doc));
    },
    /** Operators not offline: after a restart, their presence must be re-earned by an open inbox. */
    async present(): Promise<Operator[]> {
      return (await c.operators.find({ presence: { $ne: 'offline' } }).toArray()).map((doc) => withoutHash(doc));
    },
    /** Only an operator of `siteId` is changed: the site in the filter keeps an admin to their own people. */
    async updateProfile(
      operatorId: string,
      siteId: string,
      patch: Partial<Pick<Operator, 'capacity' | 'languages' | 'skills'>>,
    ): Promise<Operator | null> {
      return withoutHash(
        await c.operators.findOneAndUpdate({ _id: operatorId, siteIds: siteId }, { $set: patch }, { returnDocument: 'after' }),
      );
    },
    async setPresence(operatorId: string, presence: Presence, byChoice: boolean, at: Date): Promise<Operator | null> {
      return withoutHash(
        await c.operators.findOneAndUpdate(
          { _id: operatorId },
          { $set: { presence, presenceByChoice: byChoice, presenceChangedAt: at } },
          { returnDocument: 'after' },
        ),
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
    /** Revokes every live session of the operator; answers their ids so their sockets can be ended too. */
    async revokeAllFor(operatorId: string, at: Date, exceptSessionId?: string): Promise<string[]> {
      const filter = { operatorId, revokedAt: null, ...(exceptSessionId ? { _id: { $ne: exceptSessionId } } : {}) };
      const live = await c.sessions.find(filter, { projection: { _id: 1 } }).toArray();
      if (live.length > 0) await c.sessions.updateMany(filter, { $set: { revokedAt: at } });
      return live.map((s) => s._id);
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
