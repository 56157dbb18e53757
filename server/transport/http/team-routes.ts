import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  AcceptInviteBody,
  AcceptInviteResponse,
  ChangePasswordBody,
  InviteDetailsResponse,
  InviteOperatorBody,
  InviteResponse,
  InviteTokenParams,
  OkResponse,
  OperatorIdParams,
  SiteIdParams,
} from '../../../shared/http';
import type { FlowDeps } from '../../composition';
import { acceptInvite, describeInvite, inviteOperator } from '../../flows/admin/invites';
import { removeOperator } from '../../flows/admin/operator-removal';
import { changePassword } from '../../flows/operator/password';
import { authenticate, currentOperator } from '../authenticate';

/** Invite links point at PUBLIC_URL, or without it at the address the admin's inbox was opened on. */
const baseUrlOf = (request: FastifyRequest, publicUrl: string | undefined) => publicUrl ?? `${request.protocol}://${request.host}`;

/** Joining and leaving a site's team, and an operator's own password. */
export async function teamRoutes(app: FastifyInstance, opts: { deps: FlowDeps; publicUrl?: string }): Promise<void> {
  const { deps } = opts;
  const signedIn = { preHandler: authenticate(deps) };
  // Guessing a 256-bit token is hopeless; the limit keeps the invite pages from being a free scrypt oracle.
  const inviteLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

  app.post(
    '/api/sites/:siteId/invites',
    { ...signedIn, schema: { params: SiteIdParams, body: InviteOperatorBody, response: { 200: InviteResponse } } },
    async (request, reply) => {
      const { siteId } = request.params as { siteId: string };
      const { email, role } = request.body as InviteOperatorBody;
      const sent = await inviteOperator(deps, currentOperator(request), siteId, { email, role, baseUrl: baseUrlOf(request, opts.publicUrl) });
      reply.header('cache-control', 'no-store');
      return { ...sent, expiresAt: sent.expiresAt.toISOString() };
    },
  );

  app.delete('/api/sites/:siteId/operators/:operatorId', { ...signedIn, schema: { params: OperatorIdParams, response: { 200: OkResponse } } }, async (request) => {
    const { siteId, operatorId } = request.params as { siteId: string; operatorId: string };
    await removeOperator(deps, currentOperator(request), siteId, { operatorId });
    return { ok: true as const };
  });

  app.get('/api/invites/:token', { config: inviteLimit, schema: { params: InviteTokenParams, response: { 200: InviteDetailsResponse } } }, async (request, reply) => {
    const details = await describeInvite(deps, (request.params as { token: string }).token);
    reply.header('cache-control', 'no-store');
    return { ...details, expiresAt: details.expiresAt.toISOString() };
  });

  app.post(
    '/api/invites/:token/accept',
    { config: inviteLimit, schema: { params: InviteTokenParams, body: AcceptInviteBody, response: { 200: AcceptInviteResponse } } },
    async (request) => {
      const operator = await acceptInvite(deps, (request.params as { token: string }).token, request.body as AcceptInviteBody);
      return { email: operator.email };
    },
  );

  app.put('/api/me/password', { ...signedIn, config: inviteLimit, schema: { body: ChangePasswordBody, response: { 200: OkResponse } } }, async (request) => {
    await changePassword(deps, currentOperator(request), request.session!, request.body as ChangePasswordBody);
    return { ok: true as const };
  });
}
