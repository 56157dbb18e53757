import { randomBytes } from 'node:crypto';
import type { Operator } from '../../entities/operator';
import { CodedError } from '../../coded-error';
import { recordAudit } from '../handoff/audit';
import type { FlowDeps } from '../../composition';
import { operatorActor } from '../handoff/audit';

// Site access (another site answers 404) is checked by the caller; these add the role rule.

function assertAdmin(operator: Operator, doing: string): void {
  if (operator.role !== 'admin') throw new CodedError('forbidden', `Only admins can ${doing} the site's signing secret.`);
}

/** 32 random bytes as hex: what a site's server pastes into its environment as BATON_SITE_SECRET. */
export const newSiteSecret = () => randomBytes(32).toString('hex');

export async function revealSiteSecret(deps: FlowDeps, operator: Operator, siteId: string): Promise<string> {
  assertAdmin(operator, 'see');
  const site = await deps.store.sites.get(siteId);
  if (!site) throw new CodedError('not_found', 'No site with that id.');
  // Not a config change, but who looked at a credential belongs in the log.
  deps.log.info({ siteId, operatorId: operator._id }, 'site secret revealed');
  return site.secret;
}

/**
 * A new random secret takes effect at once: the next webhook is signed with it and identify()
 * hashes made with the old one stop verifying, so the site's server must be updated too.
 */
export async function rotateSiteSecret(deps: FlowDeps, operator: Operator, siteId: string): Promise<string> {
  assertAdmin(operator, 'rotate');
  const site = await deps.store.sites.get(siteId);
  if (!site) throw new CodedError('not_found', 'No site with that id.');
  const next = newSiteSecret();
  // The old secret in the filter: of two admins rotating at once, one is told, so neither copies a dead secret.
  const saved = await deps.store.sites.replaceSecret(siteId, site.secret, next, deps.clock.now());
  if (!saved) {
    throw new CodedError('version_conflict', 'Someone else rotated the secret just now. Reveal it to see the current one.');
  }
  // The version stays, but a cached site document would keep signing with the old secret.
  deps.hub.configChanged(siteId, site.configVersion);
  await recordAudit(deps, {
    siteId,
    conversationId: null,
    action: 'config_changed',
    actor: operatorActor(operator),
    reasons: ['secret'],
    note: 'signing secret rotated',
  });
  return next;
}
