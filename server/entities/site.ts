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
  /** The AI agent's API key, AES-256-GCM under BATON_SECRET_KEY; written on its own and never read back out. */
  botApiKey?: { iv: string; data: string; tag: string } | null;
}
