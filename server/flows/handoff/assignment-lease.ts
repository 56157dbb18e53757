import type { FlowDeps } from '../../composition';

/** A lease is held for a count and one transition: a few round trips. Wait this long for another instance's. */
const WAIT_MS = 500;
const RETRY_MS = 10;

/**
 * Runs `assign` holding the operator's assignment lease, after re-counting what the operator owns:
 * across instances the capacity check and the assignment that fills it cannot interleave.
 * 'busy': another instance kept the lease past WAIT_MS; 'full': the fresh count leaves no room
 * (`candidate.active` is updated to it either way, so the caller's next choice is informed).
 */
export async function withAssignmentLease<T>(
  deps: FlowDeps,
  candidate: { operatorId: string; capacity: number; active: number },
  assign: () => Promise<T>,
): Promise<T | 'busy' | 'full'> {
  const holder = deps.newId();
  const leases = deps.store.assignmentLeases;
  // Real time, not deps.clock: the lease guards against concurrent processes, whatever a test's clock says.
  const deadline = Date.now() + WAIT_MS;
  while (!(await leases.acquire(candidate.operatorId, holder, new Date()))) {
    if (Date.now() > deadline) return 'busy';
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  try {
    candidate.active = await deps.store.conversations.activeOwnedBy(candidate.operatorId);
    if (candidate.active >= candidate.capacity) return 'full';
    return await assign();
  } finally {
    await leases
      .release(candidate.operatorId, holder)
      .catch((err) => deps.log.error({ err, operatorId: candidate.operatorId }, 'lease release failed'));
  }
}
