import { afterEach, describe, expect, it } from 'vitest';
import type { ApiRoute } from '../../shared/api/route';
import { apiRoutes } from '../../shared/api/routes';
import { type Harness, startHarness } from '../test-support/harness';

// The HTTP contract is written once, in shared/api/routes.ts: the server serves exactly its
// routes, and the OpenAPI document at /api/docs is generated from it.

let h: Harness;
afterEach(() => h.close());

/** "METHOD /path" of every route the running server has, from Fastify's own route tree. */
function servedRoutes(h: Harness): Set<string> {
  const served = new Set<string>();
  const stack: string[] = [];
  // Lines look like "│   └── /:siteId/x (POST)": the depth is the indent, a child continues its parent's path.
  for (const line of h.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const at = line.indexOf('── ');
    if (at < 0) continue;
    const depth = (at - 1) / 4;
    const match = /^(\S+)(?: \(([^)]+)\))?/.exec(line.slice(at + 3));
    if (!match?.[1]) continue;
    stack.length = depth;
    stack.push(match[1]);
    for (const method of (match[2] ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean)) {
      if (method !== 'HEAD') served.add(`${method} ${stack.join('')}`);
    }
  }
  return served;
}

const isApi = (route: string) => /^\w+ \/(api\/|healthz|livez|readyz)/.test(route);

describe('the shared route table', () => {
  it('is exactly what the server serves under /api and the probes', async () => {
    h = await startHarness();
    const table = new Set(Object.values(apiRoutes).map((r) => `${r.method} ${r.path}`));
    const served = [...servedRoutes(h)].filter(isApi).filter((r) => r !== 'GET /api/docs');
    expect(served.length).toBeGreaterThan(20);
    expect(
      served.filter((r) => !table.has(r)),
      'served but missing from shared/api/routes.ts',
    ).toEqual([]);
    expect(
      [...table].filter((r) => !served.includes(r)),
      'in the table but not served',
    ).toEqual([]);
  });

  it('is published as an OpenAPI document with every route, its parameters, body and session security', async () => {
    h = await startHarness();
    const res = await fetch(`${h.baseUrl}/api/docs`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            summary: string;
            parameters?: { name: string; in: string }[];
            requestBody?: unknown;
            security?: unknown[];
            responses: Record<string, unknown>;
          }
        >
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of Object.values(apiRoutes) as ApiRoute[]) {
      const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
      const operation = doc.paths[openApiPath]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation?.summary).toBe(route.summary);
      expect(Object.keys(operation?.responses ?? {})).toContain('200');
      expect(Boolean(operation?.security), `${route.path} security`).toBe(route.access !== 'public');
      if (route.body) expect(operation?.requestBody, `${route.path} body`).toBeDefined();
    }
    const transfer = doc.paths['/api/conversations/{conversationId}/transfer']?.post;
    expect(transfer?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'conversationId', in: 'path' })]));
    // Statics, the demo and the sockets are not part of the documented API.
    expect(Object.keys(doc.paths).filter((p) => !/^\/(api\/|healthz|livez|readyz)/.test(p))).toEqual([]);
  });

  it("validates a request against the table's schema with a message naming the field", async () => {
    h = await startHarness();
    const res = await fetch(`${h.baseUrl}/api/widget/availability?site=`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('invalid_request');
    expect(body.message).toContain('site');
  });
});
