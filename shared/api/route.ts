import type { $ZodType, output } from 'zod/v4/core';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone, a signed-in operator, or an admin of the site in the path. */
export type RouteAccess = 'public' | 'operator' | 'admin';

/**
 * One HTTP endpoint of the contract: the server registers its handler from this, the inbox calls
 * it through a client built from it, and the OpenAPI document is generated from it. `responses`
 * holds every status the route answers with a body of its own (errors share `ErrorBody`).
 */
export interface ApiRoute {
  method: HttpMethod;
  /** Fastify-style path: `:name` segments are filled from `params`. */
  path: string;
  summary: string;
  tag: 'auth' | 'conversations' | 'sites' | 'callbacks' | 'widget' | 'operations' | 'insights';
  access: RouteAccess;
  params?: $ZodType;
  query?: $ZodType;
  body?: $ZodType;
  responses: { 200: $ZodType } & Partial<Record<201 | 202 | 503, $ZodType>>;
}

/** Keeps each route's literal types (the schemas) while checking it is a route. */
export const defineRoute = <const R extends ApiRoute>(route: R): R => route;

/** What a schema slot of a route carries once parsed; `undefined` when the route has none. */
export type Parsed<S> = S extends $ZodType ? output<S> : undefined;
export type RouteParams<R extends ApiRoute> = Parsed<R['params']>;
export type RouteQuery<R extends ApiRoute> = Parsed<R['query']>;
export type RouteBody<R extends ApiRoute> = Parsed<R['body']>;
export type RouteResult<R extends ApiRoute> = output<R['responses'][200]>;

/** The path with its `:name` segments filled and URL-encoded; a missing value is a programming error. */
export function fillPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_segment, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Path ${path} needs the parameter ${name}.`);
    return encodeURIComponent(value);
  });
}
