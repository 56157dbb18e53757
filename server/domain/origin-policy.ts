/**
 * Whether a browser page may use a site's widget. Browsers always send `Origin` on a WebSocket
 * upgrade and a cross-origin fetch, and a page cannot change it; a request without one comes from
 * a program, which could write any Origin it liked, so the check is about other web pages, not about
 * programs (those still need a visitor token to read anything).
 */
export function isOriginAllowed(origin: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (origin === undefined) return true;
  return allowedOrigins.includes(origin);
}
