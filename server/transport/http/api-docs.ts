import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
import { API_DOCS_PATH } from '../../../shared/api/routes';
import { SESSION_COOKIE } from '../authenticate';

/**
 * The OpenAPI document of the shared route table, for site owners' integrations. Must be
 * registered before the routes: @fastify/swagger collects them as they are added. Served only as
 * JSON (no UI bundle to serve and allow in the CSP; any OpenAPI viewer reads it).
 */
export async function apiDocs(app: FastifyInstance, opts: { version: string }): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Baton HTTP API',
        version: opts.version,
        description:
          'Operator and site-administration API of Baton. Errors answer { code, message, issues? } with the HTTP status of the code. ' +
          'State-changing requests need the x-csrf-token header answered by /api/auth/login and /api/auth/session.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    // Statics, the demo and the sockets are not part of the HTTP API.
    hiddenTag: 'internal',
    hideUntagged: true,
    // Schemas that JSON Schema cannot express exactly (refinements, coercions) are documented loosely rather than failing the document.
    transform: createJsonSchemaTransform({ zodToJsonConfig: { unrepresentable: 'any' } }),
  });
  app.get(API_DOCS_PATH, { schema: { hide: true } as object }, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').send(app.swagger()),
  );
}
