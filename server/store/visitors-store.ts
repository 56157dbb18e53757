import type { VisitorContext } from '../../shared/entities';
import type { Collections } from './database';
import type { VisitorDoc } from './documents';

export function visitorsStore(c: Collections) {
  return {
    async insert(doc: VisitorDoc): Promise<void> {
      await c.visitors.insertOne(doc);
    },
    get(visitorId: string): Promise<VisitorDoc | null> {
      return c.visitors.findOne({ _id: visitorId });
    },
    byTokenHash(siteId: string, tokenHash: string): Promise<VisitorDoc | null> {
      return c.visitors.findOne({ tokenHash, siteId });
    },
    touch(visitorId: string, context: VisitorContext, at: Date): Promise<VisitorDoc | null> {
      return c.visitors.findOneAndUpdate({ _id: visitorId }, { $set: { context, lastSeenAt: at } }, { returnDocument: 'after' });
    },
    setIdentity(visitorId: string, identity: VisitorDoc['identity'], verified: boolean): Promise<VisitorDoc | null> {
      return c.visitors.findOneAndUpdate({ _id: visitorId }, { $set: { identity, verified } }, { returnDocument: 'after' });
    },
  };
}

export type VisitorsStore = ReturnType<typeof visitorsStore>;
