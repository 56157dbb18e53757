import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiRoute, RouteResult } from '../../../shared/api/route';

type SchemaOf<R extends ApiRoute> = { params: R['params']; querystring: R['query']; body: R['body']; response: R['responses'] };

/** A request whose params, query and body are the parsed types of the route's shared schemas. */
export type RouteRequest<R extends ApiRoute> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  SchemaOf<R>,
  ZodTypeProvider
>;
/** Answers the route's 200 body, or the reply when it set another status itself. */
export type RouteHandler<R extends ApiRoute> = (request: RouteRequest<R>, reply: FastifyReply) => Promise<RouteResult<R> | FastifyReply>;

export type RouteServer = <R extends ApiRoute>(route: R, handler: RouteHandler<R>, options?: { config?: FastifyContextConfig }) => void;

/**
 * Registers handlers for routes of the shared table (shared/api/routes.ts): method, path and
 * schemas come from the table, so they cannot drift from the inbox's client or the OpenAPI
 * document; a route that is not public gets the session check.
 */
export function routeServer(
  app: FastifyInstance,
  guards: { authenticate?: (request: FastifyRequest, reply: FastifyReply) => Promise<void> } = {},
): RouteServer {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  return (route, handler, options = {}) => {
    const { authenticate } = guards;
    if (route.access !== 'public' && !authenticate)
      throw new Error(`${route.method} ${route.path} needs a session check to be registered.`);
    const schema: FastifySchema & { summary: string; tags: string[]; security?: Array<Record<string, string[]>> } = {
      summary: route.summary,
      tags: [route.tag],
      response: route.responses,
    };
    if (route.params) schema.params = route.params;
    if (route.query) schema.querystring = route.query;
    if (route.body) schema.body = route.body;
    if (route.access !== 'public') schema.security = [{ session: [] }];
    typed.route({
      method: route.method,
      url: route.path,
      schema,
      ...(options.config ? { config: options.config } : {}),
      ...(route.access === 'public' || !authenticate ? {} : { preHandler: authenticate }),
      // The one cast: Fastify cannot see that the schema above is the route's, so it cannot infer the handler's types from it.
      handler: handler as unknown as RouteHandlerMethod,
    });
  };
}
