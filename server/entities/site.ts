import type { SiteConfig } from '../../shared/site-config';

export interface Site {
  _id: string;
  siteKey: string;
  name: string;
  /** HMAC key for identity verification and webhook signatures; never sent to browsers. */
  secret: string;
  config: SiteConfig;
  configVersion: number;
  updatedAt: Date;
}
