import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, seedSite, startHarness } from '../test-support/harness';

// Security headers on the inbox and API, without taking the widget's cross-origin embedding away.

let h: Harness;
afterEach(() => h.close());

describe('security headers', () => {
  it('forbid framing, sniffing and cross-origin reads of the API, under a CSP, and no HSTS over http', async () => {
    h = await startHarness();
    const res = await fetch(`${h.baseUrl}/api/auth/session`);
    expect(res.status).toBe(401);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('send HSTS when the public URL is https', async () => {
    h = await startHarness({ hsts: true });
    const res = await fetch(`${h.baseUrl}/healthz`);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('leave the widget readable from any origin: the availability check and the demo host page', async () => {
    h = await startHarness();
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { allowedOrigins: ['https://shop.example'] } });
    const availability = await fetch(`${h.baseUrl}/api/widget/availability?site=key-a`, { headers: { origin: 'https://shop.example' } });
    expect(availability.status).toBe(200);
    expect(availability.headers.get('access-control-allow-origin')).toBe('*');
    expect(availability.headers.get('cross-origin-resource-policy')).toBe('cross-origin');

    const demo = await fetch(`${h.baseUrl}/demo`);
    // The demo keeps its own host-page CSP, which lets it open the socket to this server.
    expect(demo.headers.get('content-security-policy')).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
  });
});
