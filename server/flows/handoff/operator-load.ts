import type { Presence } from '../../../shared/operator-protocol';
import type { FlowDeps } from '../../composition';

export interface OperatorLoad {
  operatorId: string;
  name: string;
  presence: Presence;
  capacity: number;
  languages: string[];
  /** Conversations the operator owns now. */
  active: number;
}

/** The site's operators (optionally only a queue's members) with how many conversations each holds. */
export async function loadOperatorLoads(deps: FlowDeps, siteId: string, members: readonly string[] = []): Promise<OperatorLoad[]> {
  const operators = (await deps.store.operators.forSite(siteId)).filter((op) => members.length === 0 || members.includes(op._id));
  return Promise.all(
    operators.map(async (op) => ({
      operatorId: op._id,
      name: op.name,
      presence: op.presence,
      capacity: op.capacity,
      languages: op.languages,
      active: await deps.store.conversations.activeOwnedBy(op._id),
    })),
  );
}
