import { alwaysOpenSchedule } from '../../shared/config/hours';
import { SiteConfig } from '../../shared/site-config';
import { hashPassword } from '../security/passwords';
import type { Store } from '../store';
import { demoBotConfig } from './demo-knowledge-base';

export const DEMO_SITE = {
  siteId: 'site-demo',
  siteKey: 'demo',
  name: 'Lumen Lamps',
  secret: 'demo-secret-change-me',
  webhookSecret: 'whsec_ZGVtby13ZWJob29rLXNlY3JldC1jaGFuZ2UtbWU=',
};
export const DEMO_OPERATORS = [
  { operatorId: 'op-demo', email: 'demo@baton.test', password: 'baton-demo', name: 'Dana Demo', role: 'admin' as const },
  { operatorId: 'op-sam', email: 'sam@baton.test', password: 'baton-demo', name: 'Sam Rivera', role: 'operator' as const },
];

/** The pages the demo is opened on: the /demo page of a server on `port`, by either loopback name, and PUBLIC_URL. */
export function demoOrigins(port: number, publicUrl?: string): string[] {
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  if (publicUrl) origins.push(new URL(publicUrl).origin);
  return origins;
}

/**
 * Seeds the demo site and its operators when absent; an existing demo keeps its
 * settings, so changes made in the inbox survive a restart.
 */
export async function seedDemo(store: Store, now = new Date(), options: { origins?: readonly string[] } = {}): Promise<void> {
  const origins = options.origins ?? [];
  const existing = await store.sites.get(DEMO_SITE.siteId);
  if (!existing) {
    await store.sites.upsert({
      _id: DEMO_SITE.siteId,
      siteKey: DEMO_SITE.siteKey,
      name: DEMO_SITE.name,
      secret: DEMO_SITE.secret,
      webhookSecret: DEMO_SITE.webhookSecret,
      // People answer around the clock in the demo so every handoff can be tried at any hour;
      // set real hours in the inbox's settings to see the callback offer.
      config: SiteConfig.parse({ bot: demoBotConfig, hours: alwaysOpenSchedule, allowedOrigins: [...origins] }),
      configVersion: 1,
      updatedAt: now,
    });
  } else if (origins.some((o) => !existing.config.allowedOrigins.includes(o))) {
    // A demo kept from an earlier run (or another port): the page it is served on must be allowed.
    const allowedOrigins = [...new Set([...existing.config.allowedOrigins, ...origins])];
    await store.sites.updateConfig(DEMO_SITE.siteId, { ...existing.config, allowedOrigins }, existing.configVersion, now);
  }
  for (const op of DEMO_OPERATORS) {
    if (await store.operators.get(op.operatorId)) continue;
    await store.operators.upsert({
      _id: op.operatorId,
      email: op.email,
      name: op.name,
      passwordHash: await hashPassword(op.password),
      role: op.role,
      siteIds: [DEMO_SITE.siteId],
      capacity: 3,
      languages: ['en'],
      skills: [],
      presence: 'offline',
      presenceByChoice: false,
      presenceChangedAt: now,
    });
  }
}
