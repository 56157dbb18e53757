import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response (helmet): the inbox and API may not be framed (clickjacking),
 * sniffed or read by other origins, and the inbox page runs under a CSP that allows only its own
 * scripts. The widget is the exception by design: widget.js, widget-panel.js and the availability
 * check set Cross-Origin-Resource-Policy: cross-origin themselves (static-routes, widget-routes), and
 * the /demo page sends its own CSP as a host page would.
 */
export async function securityHeaders(app: FastifyInstance, opts: { hsts: boolean }): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        // 'self' covers the same-host WebSocket in current browsers; the explicit ws(s) source covers the rest.
        connectSrc: ["'self'", (req) => `ws://${req.headers.host ?? 'localhost'}`, (req) => `wss://${req.headers.host ?? 'localhost'}`],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Only when the public URL is https: HSTS over plain http would lock a test or LAN setup out.
    hsts: opts.hsts ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
  });
}
