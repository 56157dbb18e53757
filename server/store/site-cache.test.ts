import { describe, expect, it } from 'vitest';
import { SiteConfig } from '../../shared/site-config';
import type { SiteDoc } from './documents';
import { createSiteCache } from './site-cache';

function sitesOf(docs: SiteDoc[]) {
  const reads: string[] = [];
  return {
    reads,
    docs,
    async get(siteId: string) {
      reads.push(`get ${siteId}`);
      return docs.find((d) => d._id === siteId) ?? null;
    },
    async byKey(siteKey: string) {
      reads.push(`byKey ${siteKey}`);
      return docs.find((d) => d.siteKey === siteKey) ?? null;
    },
  };
}

const site = (configVersion: number): SiteDoc => ({
  _id: 'site-a',
  siteKey: 'key-a',
  name: 'A',
  secret: 's',
  config: SiteConfig.parse({}),
  configVersion,
  updatedAt: new Date(0),
});

describe('the site cache', () => {
  it('reads a site once for many callers, by id and by key, and shares the same object', async () => {
    const sites = sitesOf([site(1)]);
    const cache = createSiteCache(sites);
    const [a, b] = await Promise.all([cache.get('site-a'), cache.get('site-a')]);
    const c = await cache.byKey('key-a');
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(sites.reads).toEqual(['get site-a']);
  });

  it('reads again after a newer configVersion is announced, not after an older one', async () => {
    const sites = sitesOf([site(2)]);
    const cache = createSiteCache(sites);
    await cache.get('site-a');
    cache.invalidate('site-a', 1);
    expect((await cache.get('site-a'))?.configVersion).toBe(2);
    sites.docs[0] = site(3);
    cache.invalidate('site-a', 3);
    expect((await cache.get('site-a'))?.configVersion).toBe(3);
    expect(sites.reads).toEqual(['get site-a', 'get site-a']);
  });

  it('re-reads an entry older than its maximum age, and remembers an unknown key only briefly', async () => {
    let now = 0;
    const sites = sitesOf([]);
    const cache = createSiteCache(sites, { maxAgeMs: 1000, missingMaxAgeMs: 100, now: () => now });
    expect(await cache.byKey('key-a')).toBeNull();
    expect(await cache.byKey('key-a')).toBeNull();
    sites.docs.push(site(1));
    now = 150;
    expect((await cache.byKey('key-a'))?._id).toBe('site-a');
    await cache.get('site-a');
    now = 1200;
    await cache.get('site-a');
    expect(sites.reads).toEqual(['byKey key-a', 'byKey key-a', 'get site-a']);
  });
});
