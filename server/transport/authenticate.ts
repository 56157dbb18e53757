import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FlowDeps } from '../composition';
import { sessionFromCookie } from '../flows/operator/session';
import type { Operator, OperatorSession } from '../entities/operator';
import { CodedError } from '../coded-error';

export const SESSION_COOKIE = 'baton_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    operator?: Operator;
    session?: OperatorSession;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * preHandler for operator routes: a valid session cookie, and on state-changing
 * requests the session's CSRF token in a header (SameSite=Strict is the first
 * line; the token covers browsers and proxies that ignore it).
 */
export function authenticate(deps: FlowDeps) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const found = await sessionFromCookie(deps, request.cookies[SESSION_COOKIE]);
    if (!found) throw new CodedError('unauthenticated');
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== found.session.csrfToken) {
      throw new CodedError('csrf_failed');
    }
    request.operator = found.operator;
    request.session = found.session;
  };
}

export function currentOperator(request: FastifyRequest): Operator {
  if (!request.operator) throw new CodedError('unauthenticated');
  return request.operator;
}

/** Another site's resource answers exactly like a missing one, so ids cannot be probed. */
export function assertSiteAccess(operator: Operator, siteId: string | undefined): void {
  if (!siteId || !operator.siteIds.includes(siteId)) throw new CodedError('not_found');
}
