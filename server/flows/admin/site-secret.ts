import { randomBytes } from 'node:crypto';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import { newWebhookSecret, webhookSecretOf } from '../../security/standard-webhooks';
import { recordAudit } from '../handoff/audit';
import { type Admin, requireAdmin } from './admin-actor';

/**
 * `identity` checks identify() hashes (the site's server computes them); `webhook` signs what Baton
 * sends the site (handoff webhook, bot webhook). Separate, so each is rotated without touching the other.
 */
export type SecretKind = 'identity' | 'webhook';

/** 32 random bytes as hex: what a site's server pastes into its environment as BATON_SITE_SECRET. */
export const newSiteSecret = () => randomBytes(32).toString('hex');

const label = (kind: SecretKind) => (kind === 'identity' ? 'identity secret' : 'webhook signing secret');

export async function revealSiteSecret(deps: FlowDeps, admin: Admin, siteId: string, kind: SecretKind = 'identity'): Promise<string> {
  requireAdmin(admin, siteId, `see the site's ${label(kind)}`);
  const site = await deps.store.sites.get(siteId);
  if (!site) throw new CodedError('not_found', 'No site with that id.');
  // Not a config change, but who looked at a credential belongs in the log.
  deps.log.info({ siteId, kind, by: 'kind' in admin ? 'command line' : admin._id }, 'site secret revealed');
  return kind === 'identity' ? site.secret : webhookSecretOf(site);
}

/**
 * A new random secret takes effect at once: the next webhook is signed with the new webhook secret,
 * and identify() hashes made with the old identity secret stop verifying, so the site's server must
 * be updated too. The other secret is left alone.
 */
export async function rotateSiteSecret(deps: FlowDeps, admin: Admin, siteId: string, kind: SecretKind = 'identity'): Promise<string> {
  const actor = requireAdmin(admin, siteId, `rotate the site's ${label(kind)}`);
  const site = await deps.store.sites.fresh(siteId);
  if (!site) throw new CodedError('not_found', 'No site with that id.');
  const now = deps.clock.now();
  // The old secret in the filter: of two admins rotating at once, one is told, so neither copies a dead secret.
  const next = kind === 'identity' ? newSiteSecret() : newWebhookSecret();
  // A site stored before the two were separate signs with its identity secret: pin that first, so rotating one never moves the other.
  if (kind === 'identity' && !site.webhookSecret) await deps.store.sites.replaceWebhookSecret(siteId, null, site.secret, now);
  const saved =
    kind === 'identity'
      ? await deps.store.sites.replaceSecret(siteId, site.secret, next, now)
      : await deps.store.sites.replaceWebhookSecret(siteId, site.webhookSecret ?? null, next, now);
  if (!saved) throw new CodedError('version_conflict', 'Someone else rotated the secret just now. Reveal it to see the current one.');
  // The version stays, but a cached site document would keep signing with the old secret.
  deps.hub.configChanged(siteId, site.configVersion);
  await recordAudit(deps, {
    siteId,
    conversationId: null,
    action: 'config_changed',
    actor,
    reasons: [kind === 'identity' ? 'secret' : 'webhook_secret'],
    note: `${label(kind)} rotated`,
  });
  return next;
}
