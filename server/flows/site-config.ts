import type { SiteConfig } from '../../shared/site-config';
import type { OperatorDoc, SiteDoc } from '../store/documents';
import { CodedError } from '../coded-error';
import { recordAudit } from './audit';
import type { FlowDeps } from './deps';
import { operatorActor } from './operator-actions';

/** Takes effect at once: every flow reads the site document afresh. */
export async function saveSiteConfig(
  deps: FlowDeps,
  operator: OperatorDoc,
  siteId: string,
  config: SiteConfig,
  expectedVersion: number | undefined,
): Promise<SiteDoc> {
  const current = await deps.store.sites.get(siteId);
  if (!current) throw new CodedError('not_found');
  const version = expectedVersion ?? current.configVersion;
  const saved = await deps.store.sites.updateConfig(siteId, config, version, deps.clock.now());
  if (!saved) throw new CodedError('version_conflict', 'Someone else saved these settings meanwhile; reload them and try again.');
  const changed = Object.keys(config).filter(
    (key) => JSON.stringify(config[key as keyof SiteConfig]) !== JSON.stringify(current.config[key as keyof SiteConfig]),
  );
  await recordAudit(deps, {
    siteId,
    conversationId: null,
    action: 'config_changed',
    actor: operatorActor(operator),
    reasons: changed,
    note: `configVersion ${saved.configVersion}`,
  });
  return saved;
}
