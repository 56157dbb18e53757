import { SiteConfig, type SiteConfigInput } from '../../shared/site-config';
import type { SiteDoc } from '../store/documents';

/** A valid stored site for a test: site-1 ("demo"), its configuration parsed from what the test gives. */
export function siteDoc(config: SiteConfigInput = {}, overrides: Partial<SiteDoc> = {}): SiteDoc {
  return {
    _id: 'site-1',
    siteKey: 'demo',
    name: 'Shop',
    secret: 'secret',
    config: SiteConfig.parse(config),
    configVersion: 1,
    updatedAt: new Date('2025-03-10T14:00:00Z'),
    ...overrides,
  };
}
