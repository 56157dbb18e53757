import { randomBytes } from 'node:crypto';
import { normalizeOrigin, SiteConfig } from '../../../shared/site-config';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import type { Site } from '../../entities/site';
import { newWebhookSecret } from '../../security/standard-webhooks';
import { recordAudit } from '../handoff/audit';
import { type Admin, requireAdmin } from './admin-actor';
import { newSiteSecret } from './site-secret';

export interface SiteListing {
  siteId: string;
  siteKey: string;
  name: string;
  allowedOrigins: string[];
}

/** Each origin checked and written as browsers send it; the first bad one is named. */
export function parseOrigins(values: readonly string[]): string[] {
  if (values.length === 0) throw new CodedError('invalid_request', 'Give at least one origin, such as https://shop.example.com.');
  return [
    ...new Set(
      values.map((value) => {
        const origin = normalizeOrigin(value);
        if (!origin)
          throw new CodedError(
            'invalid_request',
            `"${value}" is not an origin: write the scheme and host only, such as https://shop.example.com.`,
          );
        return origin;
      }),
    ),
  ];
}

/** A public, readable key: the name's first letters and 8 random characters ("acme-k3x9q2ab"). */
function newSiteKey(name: string): string {
  const slug =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 24) || 'site';
  return `${slug}-${randomBytes(6)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
}

/** A new site with day-one defaults, its secrets, and the pages allowed to embed it. */
export async function createSite(deps: FlowDeps, input: { name: string; origins: readonly string[] }): Promise<Site> {
  const name = input.name.trim();
  if (!name || name.length > 100)
    throw new CodedError('invalid_request', 'Give the site a name of 1-100 characters, such as --name "Acme".');
  const site: Site = {
    _id: deps.newId(),
    siteKey: newSiteKey(name),
    name,
    secret: newSiteSecret(),
    webhookSecret: newWebhookSecret(),
    config: SiteConfig.parse({ allowedOrigins: parseOrigins(input.origins) }),
    configVersion: 1,
    updatedAt: deps.clock.now(),
  };
  await deps.store.sites.insert(site);
  await recordAudit(deps, {
    siteId: site._id,
    conversationId: null,
    action: 'config_changed',
    actor: { kind: 'system' },
    reasons: ['site_created'],
    note: `site "${name}" created`,
  });
  return site;
}

export async function listSites(deps: FlowDeps): Promise<SiteListing[]> {
  return (await deps.store.sites.all()).map((s) => ({
    siteId: s._id,
    siteKey: s.siteKey,
    name: s.name,
    allowedOrigins: s.config?.allowedOrigins ?? [],
  }));
}

/** By id or by site key: the command line accepts either. */
export async function findSite(deps: FlowDeps, ref: string): Promise<Site> {
  const site = (await deps.store.sites.get(ref)) ?? (await deps.store.sites.byKey(ref));
  if (!site) throw new CodedError('not_found', `No site has the id or key "${ref}"; \`baton site list\` shows them.`);
  return site;
}

/** Replaces the allowed origins (a config save, so it is versioned, audited and reaches every instance). */
export async function setAllowedOrigins(deps: FlowDeps, admin: Admin, siteId: string, origins: readonly string[]): Promise<string[]> {
  const actor = requireAdmin(admin, siteId, "change the site's allowed origins");
  const allowedOrigins = parseOrigins(origins);
  for (let attempt = 0; attempt < 3; attempt++) {
    const site = await deps.store.sites.fresh(siteId);
    if (!site) throw new CodedError('not_found', 'No site with that id.');
    const saved = await deps.store.sites.updateConfig(siteId, { ...site.config, allowedOrigins }, site.configVersion, deps.clock.now());
    if (!saved) continue;
    deps.hub.configChanged(siteId, saved.configVersion);
    await recordAudit(deps, {
      siteId,
      conversationId: null,
      action: 'config_changed',
      actor,
      reasons: ['allowedOrigins'],
      note: `allowed origins: ${allowedOrigins.join(', ')}`,
    });
    return allowedOrigins;
  }
  throw new CodedError('version_conflict', 'The settings kept changing meanwhile; try again.');
}
