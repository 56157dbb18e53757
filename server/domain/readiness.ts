// Whether this instance should receive traffic (/readyz), from facts the shell gathered.
// Liveness (/livez) is only "the process answers": a slow database must not get it restarted.

/** starting: until indexes are ensured and the server listens; draining: after SIGTERM/SIGINT. */
export type Phase = 'starting' | 'serving' | 'draining';

/** What the database ping came to: answered, failed, or no answer before the probe's deadline. */
export type DatabaseProbe = 'up' | 'down' | 'no_answer';

export type NotReadyReason = 'starting' | 'draining' | 'database_down' | 'database_no_answer';

export type Readiness = { ready: true } | { ready: false; reason: NotReadyReason };

/** Draining wins over everything (the load balancer must stop sending), then starting, then the database. */
export function judgeReadiness(phase: Phase, database: DatabaseProbe | null): Readiness {
  if (phase === 'draining') return { ready: false, reason: 'draining' };
  if (phase === 'starting') return { ready: false, reason: 'starting' };
  if (database === 'up') return { ready: true };
  return { ready: false, reason: database === 'down' ? 'database_down' : 'database_no_answer' };
}

/** The database is only asked while serving: starting and draining answer without it. */
export function needsDatabaseProbe(phase: Phase): boolean {
  return phase === 'serving';
}
