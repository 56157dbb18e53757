import { alwaysOpenSchedule } from '../../shared/config/hours';
import { SiteConfig } from '../../shared/site-config';
import { hashPassword } from '../security/passwords';
import type { Store } from '../store';
import { demoBotConfig } from './demo-knowledge-base';

export const DEMO_SITE = { siteId: 'site-demo', siteKey: 'demo', name: 'Lumen Lamps', secret: 'demo-secret-change-me' };
export const DEMO_OPERATORS = [
  { operatorId: 'op-demo', email: 'demo@baton.test', password: 'baton-demo', name: 'Dana Demo', role: 'admin' as const },
  { operatorId: 'op-sam', email: 'sam@baton.test', password: 'baton-demo', name: 'Sam Rivera', role: 'operator' as const },
];

/**
 * Seeds the demo site and its operators when absent; an existing demo keeps its
 * settings, so changes made in the inbox survive a restart.
 */
export async function seedDemo(store: Store, now = new Date()): Promise<void> {
  if (!(await store.sites.get(DEMO_SITE.siteId))) {
    await store.sites.upsert({
      _id: DEMO_SITE.siteId,
      siteKey: DEMO_SITE.siteKey,
      name: DEMO_SITE.name,
      secret: DEMO_SITE.secret,
      // People answer around the clock in the demo so every handoff can be tried at any hour;
      // set real hours in the inbox's settings to see the callback offer.
      config: SiteConfig.parse({ bot: demoBotConfig, hours: alwaysOpenSchedule }),
      configVersion: 1,
      updatedAt: now,
    });
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
