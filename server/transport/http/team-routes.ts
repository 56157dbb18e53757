import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiRoutes } from '../../../shared/api/routes';
import type { FlowDeps } from '../../composition';
import { acceptInvite, describeInvite, inviteOperator } from '../../flows/admin/invites';
import { removeOperator } from '../../flows/admin/operator-removal';
import { changePassword } from '../../flows/operator/password';
import { authenticate, currentOperator } from '../authenticate';
import { routeServer } from './serve-route';

/** Invite links point at PUBLIC_URL, or without it at the address the admin's inbox was opened on. */
const baseUrlOf = (request: FastifyRequest, publicUrl: string | undefined) => publicUrl ?? `${request.protocol}://${request.host}`;

/** Joining and leaving a site's team, and an operator's own password. Site access and the admin role are checked by the flows. */
export async function teamRoutes(app: FastifyInstance, opts: { deps: FlowDeps; publicUrl?: string }): Promise<void> {
  const { deps } = opts;
  const serve = routeServer(app, { authenticate: authenticate(deps) });
  // Guessing a 256-bit token is hopeless; the limit keeps these pages from being a free scrypt oracle.
  const limited = { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } };

  serve(apiRoutes.inviteOperator, async (request, reply) => {
    const { email, role } = request.body;
    const sent = await inviteOperator(deps, currentOperator(request), request.params.siteId, {
      email,
      role,
      baseUrl: baseUrlOf(request, opts.publicUrl),
    });
    reply.header('cache-control', 'no-store');
    return { ...sent, expiresAt: sent.expiresAt.toISOString() };
  });

  serve(apiRoutes.removeOperator, async (request) => {
    await removeOperator(deps, currentOperator(request), request.params.siteId, { operatorId: request.params.operatorId });
    return { ok: true as const };
  });

  serve(
    apiRoutes.inviteDetails,
    async (request, reply) => {
      const details = await describeInvite(deps, request.params.token);
      reply.header('cache-control', 'no-store');
      return { ...details, expiresAt: details.expiresAt.toISOString() };
    },
    limited,
  );

  serve(
    apiRoutes.acceptInvite,
    async (request) => {
      const operator = await acceptInvite(deps, request.params.token, request.body);
      return { email: operator.email };
    },
    limited,
  );

  serve(
    apiRoutes.changePassword,
    async (request) => {
      await changePassword(deps, currentOperator(request), request.session!, request.body);
      return { ok: true as const };
    },
    limited,
  );
}
