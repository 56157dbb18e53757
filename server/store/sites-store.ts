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
    /** Refused (duplicate key) when the key is taken: the unique siteKey index decides. */
    async insert(doc: SiteDoc): Promise<void> {
      await c.sites.insertOne(doc);
    },
    /** Every site, for the command line's listing (no config: it can be large). */
    all(): Promise<Pick<SiteDoc, '_id' | 'siteKey' | 'name' | 'config'>[]> {
      return c.sites
        .find({}, { projection: { _id: 1, siteKey: 1, name: 1, 'config.allowedOrigins': 1 } })
        .sort({ name: 1 })
        .toArray() as never;
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
    /** Null when the webhook secret is no longer `expected` (null: never set): another admin rotated it meanwhile. */
    replaceWebhookSecret(siteId: string, expected: string | null, next: string, at: Date): Promise<SiteDoc | null> {
      const filter = expected === null ? { _id: siteId, webhookSecret: { $exists: false } } : { _id: siteId, webhookSecret: expected };
      return c.sites.findOneAndUpdate(filter, { $set: { webhookSecret: next, updatedAt: at } }, { returnDocument: 'after' });
    },
    /** Null when the secret is no longer `expected`: another admin rotated it meanwhile. */
    replaceSecret(siteId: string, expected: string, next: string, at: Date): Promise<SiteDoc | null> {
      return c.sites.findOneAndUpdate(
        { _id: siteId, secret: expected },
        { $set: { secret: next, updatedAt: at } },
        { returnDocument: 'after' },
      );
    },
  };
}

export type SitesStore = ReturnType<typeof sitesStore>;
