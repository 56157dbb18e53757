import ipaddr from 'ipaddr.js';

/** What Fastify's trustProxy takes: nothing trusted, a number of hops, or the proxies' addresses/CIDRs. */
export type TrustProxy = false | number | string[];

/**
 * Parses TRUST_PROXY. `true` is refused: it trusts every X-Forwarded-For entry, so any client can
 * name its own address and walk past the per-address rate limits.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const raw = (value ?? 'false').trim();
  if (raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true') {
    throw new Error(
      'TRUST_PROXY=true would trust any X-Forwarded-For a client sends; give the number of proxies in front of Baton (e.g. 1) or their addresses (e.g. 10.0.0.0/8,fd00::/8)',
    );
  }
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const valid = entry.includes('/') ? isCidr(entry) : ipaddr.isValid(entry);
    if (!valid) throw new Error(`TRUST_PROXY: "${entry}" is neither a number of hops, an IP address nor a CIDR range`);
  }
  return entries;
}

function isCidr(entry: string): boolean {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}
