import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../../shared/api/routes';
import { normalizeEmail } from '../../../shared/email';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import { logIn, logOut, toOperatorIdentity } from '../../flows/operator/session';
import { authenticate, currentOperator, SESSION_COOKIE } from '../authenticate';
import { routeServer } from './serve-route';

export async function authRoutes(
  app: FastifyInstance,
  opts: { deps: FlowDeps; sessionTtlMs: number; cookieSecure: boolean },
): Promise<void> {
  const { deps } = opts;
  const serve = routeServer(app, { authenticate: authenticate(deps) });
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: opts.cookieSecure,
    path: '/',
  };

  serve(
    apiRoutes.login,
    async (request, reply) => {
      const { email, password } = request.body;
      const result = await logIn(deps, email, password, opts.sessionTtlMs);
      if (!result) throw new CodedError('invalid_credentials');
      reply.setCookie(SESSION_COOKIE, result.cookieValue, { ...cookieOptions, maxAge: opts.sessionTtlMs / 1000 });
      return { operator: toOperatorIdentity(result.operator), csrfToken: result.session.csrfToken };
    },
    {
      // Per address and email, after the body is parsed: a brute force on one account stops,
      // a team behind one NAT can still sign in.
      config: {
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (req) => `${req.ip}:${normalizeEmail(String((req.body as { email?: unknown } | undefined)?.email ?? ''))}`,
        },
      },
    },
  );

  serve(apiRoutes.session, async (request) => ({
    operator: toOperatorIdentity(currentOperator(request)),
    csrfToken: sessionOf(request).csrfToken,
  }));

  serve(apiRoutes.logout, async (request, reply) => {
    await logOut(deps, sessionOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });
}

function sessionOf(request: { session?: import('../../entities/operator').OperatorSession }) {
  if (!request.session) throw new CodedError('unauthenticated');
  return request.session;
}
