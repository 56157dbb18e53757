import type { SiteDoc } from './documents';
import type { SitesStore } from './sites-store';

/**
 * Site documents held once per instance: every socket and flow shares the same object instead of
 * reading ~20 KB from the database on every frame. A save invalidates the entry here at once and,
 * through the hub's config-changed event, on every other instance; `maxAgeMs` bounds how stale an
 * entry can get should that event be lost. A missing site is remembered only briefly.
 */
export interface SiteCache {
  get(siteId: string): Promise<SiteDoc | null>;
  byKey(siteKey: string): Promise<SiteDoc | null>;
  /** Drops the entry when it is older than `configVersion` (or always, without one). */
  invalidate(siteId: string, configVersion?: number): void;
}

interface Entry {
  site: Promise<SiteDoc | null>;
  at: number;
  /** Known once the read settled. */
  configVersion?: number;
}

export function createSiteCache(
  sites: Pick<SitesStore, 'get' | 'byKey'>,
  options: { maxAgeMs?: number; missingMaxAgeMs?: number; maxEntries?: number; now?: () => number } = {},
): SiteCache {
  const { maxAgeMs = 60_000, missingMaxAgeMs = 5_000, maxEntries = 10_000, now = Date.now } = options;
  const byId = new Map<string, Entry>();
  const idByKey = new Map<string, string>();
  const missingKeys = new Map<string, number>();

  const fresh = (entry: Entry | undefined): entry is Entry => entry !== undefined && now() - entry.at < maxAgeMs;

  function remember(site: SiteDoc | null, siteId: string): void {
    if (byId.size >= maxEntries) {
      byId.clear();
      idByKey.clear();
    }
    byId.set(siteId, { site: Promise.resolve(site), at: now(), ...(site ? { configVersion: site.configVersion } : {}) });
    if (site) idByKey.set(site.siteKey, site._id);
  }

  function load(siteId: string): Promise<SiteDoc | null> {
    // One read for concurrent callers: the promise is the entry until it settles.
    const site = sites.get(siteId);
    byId.set(siteId, { site, at: now() });
    site.then(
      (doc) => byId.get(siteId)?.site === site && remember(doc, siteId),
      () => byId.get(siteId)?.site === site && byId.delete(siteId),
    );
    return site;
  }

  return {
    get: (siteId) => {
      const entry = byId.get(siteId);
      return fresh(entry) ? entry.site : load(siteId);
    },
    async byKey(siteKey) {
      const siteId = idByKey.get(siteKey);
      if (siteId) {
        const entry = byId.get(siteId);
        const site = await (fresh(entry) ? entry.site : load(siteId));
        if (site?.siteKey === siteKey) return site;
      }
      const missingSince = missingKeys.get(siteKey);
      if (missingSince !== undefined && now() - missingSince < missingMaxAgeMs) return null;
      const site = await sites.byKey(siteKey);
      if (!site) {
        if (missingKeys.size >= maxEntries) missingKeys.clear();
        missingKeys.set(siteKey, now());
        return null;
      }
      missingKeys.delete(siteKey);
      remember(site, site._id);
      return site;
    },
    invalidate: (siteId, configVersion) => {
      const entry = byId.get(siteId);
      if (!entry) return;
      // Equal versions go too: rotating the secret leaves the version as it was.
      if (configVersion === undefined || entry.configVersion === undefined || entry.configVersion <= configVersion) byId.delete(siteId);
    },
  };
}

/**
 * The sites store with reads through the cache; every other method is a write and invalidates the
 * site it names (its first argument: a site id, or the document for upsert), whatever it changes.
 */
export function cachedSitesStore(
  sites: SitesStore,
  cache: SiteCache = createSiteCache(sites),
): SitesStore & Pick<SiteCache, 'invalidate'> & { fresh: SitesStore['get'] } {
  const writes = Object.fromEntries(
    Object.entries(sites)
      .filter(([name]) => !['get', 'byKey', 'list', 'all'].includes(name))
      .map(([name, write]) => [
        name,
        async (...args: unknown[]) => {
          try {
            return await (write as (...a: unknown[]) => Promise<unknown>)(...args);
          } finally {
            const first = args[0];
            cache.invalidate(typeof first === 'string' ? first : (first as { _id: string })._id);
          }
        },
      ]),
  ) as Partial<SitesStore>;
  return {
    ...sites,
    ...writes,
    get: cache.get,
    byKey: (siteKey) => cache.byKey(siteKey),
    invalidate: cache.invalidate,
    /** Past the cache: for work that may run on another instance long after a change (webhook retries). */
    fresh: sites.get,
  };
}
