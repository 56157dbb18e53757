import type { SavedReply } from '../../../shared/config/saved-replies';
import type { ConfigChange, QueueSummary } from '../../../shared/http';
import { getAt, sameValue, setAt } from '../../../shared/config-paths';
import { SiteConfig } from '../../../shared/site-config';
import type { Operator } from '../../entities/operator';
import type { Site } from '../../entities/site';
import { CodedError } from '../../coded-error';
import { checkOutboundUrl, type OutboundPolicy } from '../../security/outbound-url';
import { recordAudit } from '../handoff/audit';
import type { FlowDeps } from '../../composition';
import { operatorActor } from '../handoff/audit';

// Site access (another site answers 404) is checked by the caller; these add the role rules.

async function loadSite(deps: FlowDeps, siteId: string): Promise<Site> {
  const site = await deps.store.sites.get(siteId);
  if (!site) throw new CodedError('not_found', 'No site with that id.');
  return site;
}

/** The whole config holds webhook URLs, which are credentials: only admins read it. */
export async function loadSiteConfig(deps: FlowDeps, operator: Operator, siteId: string): Promise<Site> {
  if (operator.role !== 'admin') throw new CodedError('forbidden', 'Only admins can see site settings.');
  return loadSite(deps, siteId);
}

/** The part of the config every operator needs: queue names for ids, and who works each queue. */
export async function loadQueueSummaries(deps: FlowDeps, siteId: string): Promise<QueueSummary[]> {
  const site = await loadSite(deps, siteId);
  return site.config.queues.map((q) => ({ id: q.id, name: q.name, members: q.members }));
}

export async function loadSavedReplies(deps: FlowDeps, siteId: string): Promise<SavedReply[]> {
  return (await loadSite(deps, siteId)).config.savedReplies;
}

function parseConfig(input: unknown, outbound: OutboundPolicy): SiteConfig {
  const parsed = SiteConfig.safeParse(input);
  if (parsed.success) {
    const issues = outboundIssues(parsed.data, outbound);
    if (issues.length) throw new CodedError('invalid_request', 'Some settings are not valid; see the marked fields.', issues);
    return parsed.data;
  }
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new CodedError('invalid_request', 'Some settings are not valid; see the marked fields.', issues);
}

/** Every URL the server will call must pass the outbound guard now, not only when it is first called. */
function outboundIssues(config: SiteConfig, outbound: OutboundPolicy): Array<{ path: string; message: string }> {
  const urls: Array<[string, string | null]> = [
    ['webhook.url', config.webhook.url],
    ['bot.url', config.bot.kind === 'webhook' ? config.bot.url : null],
    ['bot.baseUrl', config.bot.kind === 'openai' ? config.bot.baseUrl : null],
    ['bot.toolsUrl', config.bot.kind === 'openai' ? config.bot.toolsUrl : null],
  ];
  return urls.flatMap(([path, url]) => {
    const verdict = url ? checkOutboundUrl(url, outbound) : { ok: true as const };
    if (verdict.ok) return [];
    const message = /^(is|must) /.test(verdict.reason)
      ? `This URL ${verdict.reason}.`
      : `The server will not call this URL: ${verdict.reason}.`;
    return [{ path, message }];
  });
}

const conflict = (issues?: Array<{ path: string; message: string }>) =>
  new CodedError(
    'version_conflict',
    'Someone else saved these settings after you opened them. Reload the latest settings, then make your change again.',
    issues,
  );

/** Takes effect at once, on every instance: per-instance caches of the site drop on the hub's config_changed. */
export async function saveSiteConfig(
  deps: FlowDeps,
  operator: Operator,
  siteId: string,
  input: unknown,
  expectedVersion: number,
): Promise<Site> {
  if (operator.role !== 'admin') throw new CodedError('forbidden', 'Only admins can change site settings.');
  const config = parseConfig(input, deps.outbound);
  const current = await loadSite(deps, siteId);
  // The version in the filter refuses a save over settings someone else saved after this admin loaded them.
  const saved = await deps.store.sites.updateConfig(siteId, config, expectedVersion, deps.clock.now());
  if (!saved) throw conflict();
  return afterSave(deps, operator, current, saved);
}

/** Attempts at a section save when other sections are saved at the same moment (each retry reloads). */
const PATCH_ATTEMPTS = 3;

/**
 * Saves one section of Settings: only `changes`' paths, over the latest stored config. A path someone
 * else changed since the admin loaded it is a conflict; their edits to other paths are kept.
 */
export async function patchSiteConfig(deps: FlowDeps, operator: Operator, siteId: string, changes: readonly ConfigChange[]): Promise<Site> {
  if (operator.role !== 'admin') throw new CodedError('forbidden', 'Only admins can change site settings.');
  for (let attempt = 0; attempt < PATCH_ATTEMPTS; attempt++) {
    const current = await loadSite(deps, siteId);
    const stale = changes.filter((c) => !sameValue(getAt(current.config, c.path), c.previous));
    if (stale.length > 0) {
      throw conflict(
        stale.map((c) => ({
          path: c.path.join('.'),
          message: 'Someone else saved a different value here after you opened these settings.',
        })),
      );
    }
    const merged = structuredClone(current.config) as unknown as Record<string, unknown>;
    for (const change of changes) setAt(merged, change.path, structuredClone(change.value));
    const config = parseConfig(merged, deps.outbound);
    // The version in the filter: a save of another section in between makes this one retry over it.
    const saved = await deps.store.sites.updateConfig(siteId, config, current.configVersion, deps.clock.now());
    if (saved) return afterSave(deps, operator, current, saved);
  }
  throw conflict();
}

async function afterSave(deps: FlowDeps, operator: Operator, current: Site, saved: Site): Promise<Site> {
  const { config } = saved;
  deps.hub.configChanged(saved._id, saved.configVersion);
  const changed = Object.keys(config).filter(
    (key) => JSON.stringify(config[key as keyof SiteConfig]) !== JSON.stringify(current.config[key as keyof SiteConfig]),
  );
  await recordAudit(deps, {
    siteId: saved._id,
    conversationId: null,
    action: 'config_changed',
    actor: operatorActor(operator),
    reasons: changed,
    note: `configVersion ${saved.configVersion}`,
  });
  // The site's own example sentences are embedded now, so the next message already reads them.
  deps.meanings.prepare(saved);
  return saved;
}
