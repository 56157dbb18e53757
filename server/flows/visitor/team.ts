import type { VisitorTeam } from '../../../shared/visitor-protocol';
import { typicalReplyMinutes } from '../../domain/reply-time';
import type { Site } from '../../entities/site';
import type { FlowDeps } from '../../composition';
import { operatorBadge } from '../handoff/wire';

/** How far back claims still describe the team's pace, and how many of the newest are enough. */
const PACE_WINDOW_MS = 14 * 24 * 3600_000;
const PACE_SAMPLES = 50;
/** The header shows a few faces, not the whole roster. */
const SHOWN_MEMBERS = 3;

/** Reads in flight, per app (its deps) and site: a hello arriving meanwhile shares one. */
const inFlight = new WeakMap<FlowDeps, Map<string, Promise<VisitorTeam>>>();

/**
 * Who answers on this site (first names and initials only; those online first) and how fast they
 * usually do. Hellos arriving together (a page with heavy traffic, reconnects after a restart) share
 * one read instead of two reads each.
 */
export function visitorTeam(deps: FlowDeps, site: Site): Promise<VisitorTeam> {
  const reads = inFlight.get(deps) ?? new Map<string, Promise<VisitorTeam>>();
  inFlight.set(deps, reads);
  const running = reads.get(site._id);
  if (running) return running;
  const read = readVisitorTeam(deps, site).finally(() => reads.delete(site._id));
  reads.set(site._id, read);
  return read;
}

async function readVisitorTeam(deps: FlowDeps, site: Site): Promise<VisitorTeam> {
  const now = deps.clock.now().getTime();
  const [operators, claims] = await Promise.all([
    deps.store.operators.forSite(site._id),
    deps.store.conversations.recentClaims(site._id, new Date(now - PACE_WINDOW_MS), PACE_SAMPLES),
  ]);
  const rank = (presence: string) => (presence === 'online' ? 0 : presence === 'away' ? 1 : 2);
  const members = [...operators]
    .sort((a, b) => rank(a.presence) - rank(b.presence) || a.name.localeCompare(b.name))
    .slice(0, SHOWN_MEMBERS)
    .map((o) => operatorBadge(o.name));
  const waits = claims.map((c) => (c.claimedAt.getTime() - c.escalatedAt.getTime()) / 1000);
  return { members, replyMinutes: typicalReplyMinutes(waits) };
}
