import type { OperatorProfile, UpdateOperatorBody } from '../../../shared/http';
import type { Operator } from '../../entities/operator';
import { CodedError } from '../../coded-error';
import { recordAudit } from '../handoff/audit';
import { offerAllQueues } from '../handoff/auto-assign';
import type { FlowDeps } from '../../composition';
import { operatorActor } from '../handoff/audit';
import { publishQueueViews } from '../handoff/queue-views';

// Site access (another site answers 404) is checked by the caller; these add the role rule.

function assertAdmin(operator: Operator, doing: string): void {
  if (operator.role !== 'admin') throw new CodedError('forbidden', `Only admins can ${doing} operators' capacity, languages and skills.`);
}

async function toProfile(deps: FlowDeps, op: Operator): Promise<OperatorProfile> {
  return {
    operatorId: op._id,
    name: op.name,
    role: op.role,
    presence: op.presence,
    capacity: op.capacity,
    active: await deps.store.conversations.activeOwnedBy(op._id),
    languages: op.languages,
    skills: op.skills,
  };
}

export async function listOperatorProfiles(deps: FlowDeps, admin: Operator, siteId: string): Promise<OperatorProfile[]> {
  assertAdmin(admin, 'see');
  const operators = await deps.store.operators.forSite(siteId);
  return Promise.all(operators.map((op) => toProfile(deps, op)));
}

/** Tags as the rest of the system compares them: canonical case, each once. */
function normalized(patch: UpdateOperatorBody): Partial<Pick<Operator, 'capacity' | 'languages' | 'skills'>> {
  return {
    ...(patch.capacity === undefined ? {} : { capacity: patch.capacity }),
    ...(patch.languages === undefined ? {} : { languages: [...new Set(patch.languages.flatMap((l) => Intl.getCanonicalLocales(l)))] }),
    ...(patch.skills === undefined ? {} : { skills: [...new Set(patch.skills)] }),
  };
}

const shown = (value: number | string[]) => (Array.isArray(value) ? value.join(', ') || 'none' : String(value));

type ProfileField = 'capacity' | 'languages' | 'skills';

/**
 * Takes effect at once: waiting visitors' estimates follow the new capacity, an automatic queue
 * offers its backlog to whoever now has room, and every inbox of the operator's sites is told.
 */
export async function updateOperatorProfile(
  deps: FlowDeps,
  admin: Operator,
  siteId: string,
  operatorId: string,
  patch: UpdateOperatorBody,
): Promise<OperatorProfile> {
  assertAdmin(admin, 'change');
  const before = await deps.store.operators.get(operatorId);
  // An operator of another site answers exactly like a missing one.
  if (!before?.siteIds.includes(siteId)) throw new CodedError('not_found', 'No operator with that id on this site.');
  const changes = normalized(patch);
  const changed = (Object.keys(changes) as ProfileField[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(changes[key]));
  // An empty body, or the values the operator already has: nothing to write, audit or announce.
  if (changed.length === 0) return toProfile(deps, before);
  const updated = await deps.store.operators.updateProfile(operatorId, siteId, changes);
  if (!updated) throw new CodedError('not_found', 'No operator with that id on this site.');
  await announce(deps, admin, before, updated, changed);
  return toProfile(deps, updated);
}

/**
 * The profile is the operator's on every site, so each site's audit records the change: site B's
 * admins learn that site A's admin changed the capacity their queues count on.
 */
async function announce(deps: FlowDeps, admin: Operator, before: Operator, updated: Operator, changed: ProfileField[]): Promise<void> {
  const note = `${updated.name} (${updated._id}): ${changed.map((k) => `${k} ${shown(before[k])} → ${shown(updated[k])}`).join('; ')}`;
  const { capacity, languages, skills } = updated;
  for (const id of updated.siteIds) {
    await recordAudit(deps, {
      siteId: id,
      conversationId: null,
      action: 'operator_changed',
      actor: operatorActor(admin),
      reasons: changed,
      note,
    });
    deps.hub.toSite(id, { type: 'operator_updated', operatorId: updated._id, capacity, languages, skills });
    const site = await deps.store.sites.get(id);
    if (!site) continue;
    for (const queue of site.config.queues) await publishQueueViews(deps, site, queue.id);
    await offerAllQueues(deps, id);
  }
}
