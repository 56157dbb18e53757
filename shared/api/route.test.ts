import { describe, expect, it } from 'vitest';
import { fillPath } from './route';
import { apiRoutes } from './routes';

describe('fillPath', () => {
  it('fills and encodes each :name segment', () => {
    expect(fillPath('/api/sites/:siteId/operators/:operatorId', { siteId: 'a b', operatorId: 'x/y' })).toBe(
      '/api/sites/a%20b/operators/x%2Fy',
    );
  });
  it('refuses a missing parameter rather than calling a wrong URL', () => {
    expect(() => fillPath('/api/conversations/:conversationId', {})).toThrow(/conversationId/);
  });
});

describe('apiRoutes', () => {
  it('has one route per method and path, each with a params schema exactly when the path has parameters', () => {
    const keys = Object.values(apiRoutes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of Object.values(apiRoutes)) expect('params' in route, route.path).toBe(route.path.includes(':'));
  });
});
