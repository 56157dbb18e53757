import { randomBytes } from 'node:crypto';
import type { OperatorIdentity } from '../../../shared/operator-protocol';
import { normalizeEmail } from '../../../shared/email';
import { CodedError } from '../../coded-error';
import { lockoutMs } from '../../domain/login-lockout';
import { verifyCredentials } from '../../security/sign-in';
import { hashSessionId } from '../../security/token-hash';
import type { Operator, OperatorSession } from '../../entities/operator';
import type { FlowDeps } from '../../composition';

export function toOperatorIdentity(op: Operator): OperatorIdentity {
  return {
    operatorId: op._id,
    name: op.name,
    email: op.email,
    role: op.role,
    siteIds: op.siteIds,
    capacity: op.capacity,
    presence: op.presence,
  };
}

/** Null for a wrong email or password alike: the caller must not tell them apart. */
export async function logIn(
  deps: FlowDeps,
  email: string,
  password: string,
  ttlMs: number,
): Promise<{ operator: Operator; session: OperatorSession; cookieValue: string } | null> {
  const account = normalizeEmail(email);
  const now = deps.clock.now();
  const lock = (await deps.store.loginFailures.get(account))?.lockedUntil;
  if (lock && lock.getTime() > now.getTime()) {
    const seconds = Math.ceil((lock.getTime() - now.getTime()) / 1000);
    throw new CodedError('account_locked', `Too many failed sign-ins for this email; try again in ${seconds} s.`);
  }
  const found = await verifyCredentials(deps.store.operators, account, password);
  // Removed from every site: the account stays (a new invite brings it back), but it opens nothing.
  const operator = found && found.siteIds.length > 0 ? found : null;
  if (!operator) {
    const failures = await deps.store.loginFailures.recordFailure(account, now);
    const lockFor = lockoutMs(failures);
    if (lockFor > 0) await deps.store.loginFailures.lock(account, new Date(now.getTime() + lockFor));
    return null;
  }
  await deps.store.loginFailures.clear(account);
  const cookieValue = randomBytes(32).toString('base64url');
  const session: OperatorSession = {
    _id: hashSessionId(cookieValue),
    operatorId: operator._id,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now,
    expiresAt: new Date(now.getTime() + ttlMs),
    revokedAt: null,
  };
  await deps.store.sessions.insert(session);
  return { operator, session, cookieValue };
}

/** Revoked for every instance, and this instance's sockets of the session stop hearing events at once, not at their next check. */
export async function logOut(deps: FlowDeps, session: OperatorSession): Promise<void> {
  await deps.store.sessions.revoke(session._id, deps.clock.now());
  deps.hub.endSession(session._id);
}

export async function sessionFromCookie(
  deps: FlowDeps,
  cookieValue: string | undefined,
): Promise<{ operator: Operator; session: OperatorSession } | null> {
  if (!cookieValue) return null;
  const session = await deps.store.sessions.findValid(hashSessionId(cookieValue), deps.clock.now());
  if (!session) return null;
  const operator = await deps.store.operators.get(session.operatorId);
  return operator && operator.siteIds.length > 0 ? { operator, session } : null;
}

const isExpired = (session: OperatorSession, now: Date) => session.expiresAt.getTime() <= now.getTime();

/** One query: false once the session is revoked (logout, another instance) or expired. */
async function isSessionLive(deps: FlowDeps, session: OperatorSession): Promise<boolean> {
  const now = deps.clock.now();
  if (isExpired(session, now)) return false;
  return (await deps.store.sessions.findValid(session._id, now)) !== null;
}

/**
 * The operator's fresh document while the session is live, else null. Two queries, sent together:
 * the session check costs no extra round trip beside the operator read the caller needs anyway.
 */
export async function operatorIfSessionLive(deps: FlowDeps, session: OperatorSession): Promise<Operator | null> {
  const [live, operator] = await Promise.all([isSessionLive(deps, session), deps.store.operators.get(session.operatorId)]);
  return live ? operator : null;
}
