import type { FastifyInstance } from 'fastify';
import { normalizeEmail } from '../../../shared/email';
import { LoginBody, SessionResponse } from '../../../shared/http';
import type { FlowDeps } from '../../composition';
import { logIn, logOut, toOperatorIdentity } from '../../flows/operator/session';
import { authenticate, SESSION_COOKIE } from '../authenticate';
import { CodedError } from '../../coded-error';

export async function authRoutes(
  app: FastifyInstance,
  opts: { deps: FlowDeps; sessionTtlMs: number; cookieSecure: boolean },
): Promise<void> {
  const { deps } = opts;
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: opts.cookieSecure,
    path: '/',
  };

  app.post(
    '/api/auth/login',
    {
      schema: { body: LoginBody, response: { 200: SessionResponse } },
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
    async (request, reply) => {
      const { email, password } = request.body as LoginBody;
      const result = await logIn(deps, email, password, opts.sessionTtlMs);
      if (!result) throw new CodedError('invalid_credentials');
      reply.setCookie(SESSION_COOKIE, result.cookieValue, { ...cookieOptions, maxAge: opts.sessionTtlMs / 1000 });
      return { operator: toOperatorIdentity(result.operator), csrfToken: result.session.csrfToken };
    },
  );

  app.get('/api/auth/session', { schema: { response: { 200: SessionResponse } }, preHandler: authenticate(deps) }, async (request) => {
    return { operator: toOperatorIdentity(request.operator!), csrfToken: request.session!.csrfToken };
  });

  app.post('/api/auth/logout', { preHandler: authenticate(deps) }, async (request, reply) => {
    await logOut(deps, request.session!);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
}

