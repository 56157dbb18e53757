import type { FlowDeps } from '../composition';
import { requeueLapsedOffers } from '../flows/handoff/auto-assign';
import { createHoursWatch } from './hours-watch';
import { resolveInactiveConversations } from './inactivity';
import { createJobLease, type JobLease } from './job-lease';
import { applyRetention } from './retention';

/** Retention works in days: once an hour is often enough. */
const RETENTION_EVERY_MS = 60 * 60_000;

export interface LeasedJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/** The one lease all sweeps run under: they are light, and one holder keeps a sweep from racing another. */
export const SWEEPS_LEASE = 'sweeps';

/**
 * Runs each job every `everyMs`, on this instance only while it holds `lease`: of several instances
 * on one database one sweeps, and when it dies another takes the lease over and goes on.
 * A round that is still running when the next is due is not started twice.
 */
export function runLeasedJobs(deps: Pick<FlowDeps, 'log'>, lease: JobLease, jobs: LeasedJob[]): () => Promise<void> {
  const running = new Map<string, Promise<void>>();
  const timers = jobs.map((job) => {
    const timer = setInterval(() => {
      if (!lease.held() || running.has(job.name)) return;
      const round = job
        .run()
        .then(
          () => {},
          (err) => deps.log.error({ err, job: job.name }, 'background job failed'),
        )
        .finally(() => running.delete(job.name));
      running.set(job.name, round);
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return async () => {
    for (const timer of timers) clearInterval(timer);
    // Finished before the lease goes: the next holder must not start a round beside this one's.
    await Promise.all(running.values());
    await lease.stop({ release: true });
  };
}

/**
 * Background sweeps: idle conversations, opening/closing hours, expired operator sessions and old
 * webhook deliveries every minute, lapsed automatic offers every few seconds, expired personal data
 * (retention.ts) every hour, on the one instance
 * holding the sweeps lease; the webhook worker on every instance (it claims each delivery row itself).
 */
export async function startSweepers(deps: FlowDeps, options: { instanceId: string; leaseMs?: number }): Promise<() => Promise<void>> {
  const hoursChanged = createHoursWatch(deps);
  const lease = createJobLease(deps.store.jobLeases, {
    job: SWEEPS_LEASE,
    holder: options.instanceId,
    ttlMs: options.leaseMs,
    now: () => deps.clock.now(),
    onError: (err) => deps.log.error({ err }, 'sweeps lease: renewal failed'),
    onChange: (held) =>
      deps.log.info(
        { instanceId: options.instanceId },
        held ? 'this instance now runs the sweeps' : 'this instance no longer runs the sweeps',
      ),
  });
  await lease.start();
  const stopJobs = runLeasedJobs(deps, lease, [
    { name: 'inactivity', everyMs: 60_000, run: () => resolveInactiveConversations(deps) },
    { name: 'hours', everyMs: 60_000, run: hoursChanged },
    { name: 'expired-sessions', everyMs: 60_000, run: () => deps.store.sessions.deleteExpired(deps.clock.now()) },
    { name: 'settled-webhook-deliveries', everyMs: 60_000, run: () => deps.store.webhookDeliveries.deleteSettled(deps.clock.now()) },
    { name: 'lapsed-offers', everyMs: 3_000, run: () => requeueLapsedOffers(deps) },
    { name: 'retention', everyMs: RETENTION_EVERY_MS, run: () => applyRetention(deps) },
  ]);
  const stopWebhooks = deps.webhooks.start();
  return async () => {
    stopWebhooks();
    await stopJobs();
  };
}
