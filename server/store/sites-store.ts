import type { SiteConfig } from '../../shared/site-config';
import type { Collections } from './database';
import type { SiteDoc } from './documents';

export function sitesStore(c: Collections) {
  return {
    async upsert(doc: SiteDoc): Promise<void> {
      await c.sites.replaceOne({ _id: doc._id }, doc, { upsert: true });
    },
    get(siteId: string): Promise<SiteDoc | null> {
      return c.sites.findOne({ _id: siteId });
    },
    byKey(siteKey: string): Promise<SiteDoc | null> {
      return c.sites.findOne({ siteKey });
    },
    list(siteIds: string[]): Promise<SiteDoc[]> {
      return c.sites.find({ _id: { $in: siteIds } }).toArray();
    },
    updateConfig(siteId: string, config: SiteConfig, expectedVersion: number, at: Date): Promise<SiteDoc | null> {
      return c.sites.findOneAndUpdate(
        { _id: siteId, configVersion: expectedVersion },
        { $set: { config, configVersion: expectedVersion + 1, updatedAt: at } },
        { returnDocument: 'after' },
      );
    },
    async setBotApiKey(siteId: string, sealed: SiteDoc['botApiKey'], at: Date): Promise<boolean> {
      const result = await c.sites.updateOne({ _id: siteId }, { $set: { botApiKey: sealed ?? null, updatedAt: at } });
      return result.matchedCount === 1;
    },
    /** Null when the secret is no longer `expected`: another admin rotated it meanwhile. */
    replaceSecret(siteId: string, expected: string, next: string, at: Date): Promise<SiteDoc | null> {
      return c.sites.findOneAndUpdate({ _id: siteId, secret: expected }, { $set: { secret: next, updatedAt: at } }, { returnDocument: 'after' });
    },
  };
}

export type SitesStore = ReturnType<typeof sitesStore>;
