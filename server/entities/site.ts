import type { SiteConfig } from '../../shared/site-config';

export interface Site {
  _id: string;
  siteKey: string;
  name: string;
  /** HMAC key that identify() hashes are checked with; never sent to browsers. */
  secret: string;
  /**
   * Signs outgoing requests (the handoff webhook, the bot webhook) as Standard Webhooks does:
   * `whsec_` + base64. Sites stored before it existed sign with `secret` until it is rotated.
   */
  webhookSecret?: string;
  config: SiteConfig;
  configVersion: number;
  updatedAt: Date;
  /** The AI agent's API key, AES-256-GCM under BATON_SECRET_KEY; written on its own and never read back out. */
  botApiKey?: { iv: string; data: string; tag: string } | null;
}
