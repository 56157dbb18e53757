import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { TrustProxy } from '../security/trust-proxy';
import { type Harness, startHarness } from '../test-support/harness';

// The client address rate limits and lock-outs key on: only proxies named by TRUST_PROXY may say it.
// A client writes whatever it likes at the left of X-Forwarded-For; its real address is what the
// nearest trusted proxy appended.

let h: Harness | undefined;
afterAll(() => h?.close());

async function clientAddress(trustProxy: TrustProxy, remoteAddress: string, forwardedFor: string): Promise<string> {
  h ??= await startHarness();
  const app = await buildApp({
    deps: h.deps,
    logger: h.app.log,
    staticDir: 'dist/public',
    demoSiteKey: 'demo',
    sessionTtlMs: 1000,
    cookieSecure: false,
    trustProxy,
  });
  // Read back through a route of the test's own: the address Fastify settled on for this request.
  app.get('/test/ip', async (request) => ({ ip: request.ip }));
  const res = await app.inject({ method: 'GET', url: '/test/ip', remoteAddress, headers: { 'x-forwarded-for': forwardedFor } });
  await app.close();
  return (res.json() as { ip: string }).ip;
}

describe('TRUST_PROXY', () => {
  it('with one hop, takes the address the load balancer saw, not the one the client forged', async () => {
    expect(await clientAddress(1, '10.0.0.2', '6.6.6.6, 9.9.9.9')).toBe('9.9.9.9');
  });

  it('with proxy ranges, believes the header only from those proxies', async () => {
    expect(await clientAddress(['10.0.0.0/8'], '10.0.0.2', '6.6.6.6, 9.9.9.9')).toBe('9.9.9.9');
    expect(await clientAddress(['10.0.0.0/8'], '8.8.8.8', '6.6.6.6, 9.9.9.9')).toBe('8.8.8.8');
  });

  it('without it, ignores the header', async () => {
    expect(await clientAddress(false, '8.8.8.8', '6.6.6.6')).toBe('8.8.8.8');
  });
});
