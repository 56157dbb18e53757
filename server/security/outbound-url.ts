import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

// The address guard for every URL the server itself calls (outgoing webhooks, the bot webhook, later
// an LLM base URL): a site owner types the URL, so without it the server would POST to its own
// loopback, the cloud metadata service or the private network on their behalf (SSRF). Checked twice:
// when the URL is saved (a field error) and when it is called, after DNS resolution — the connection
// goes to the very address that was checked, so a name that re-resolves to 127.0.0.1 (DNS rebinding)
// is refused too. Only global unicast addresses pass, unless OUTBOUND_ALLOW names the range or host.

type Address = ipaddr.IPv4 | ipaddr.IPv6;

export interface OutboundPolicy {
  /** CIDR ranges a self-hosted receiver may live in (e.g. 10.0.0.0/8). */
  allowRanges: ReadonlyArray<[Address, number]>;
  /** Host names trusted whatever they resolve to (e.g. hooks.internal). Lower-case, no trailing dot. */
  allowHosts: ReadonlySet<string>;
}

export type OutboundVerdict = { ok: true } | { ok: false; reason: string };

export const OUTBOUND_ALLOW_VARIABLE = 'OUTBOUND_ALLOW';
const HINT = `(set ${OUTBOUND_ALLOW_VARIABLE} to allow a receiver on a private network)`;

export const STRICT_OUTBOUND_POLICY: OutboundPolicy = { allowRanges: [], allowHosts: new Set() };

// Names that reach the machine itself or a cloud's instance metadata whatever DNS says.
const BLOCKED_NAMES = new Set([
  'localhost',
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);
const BLOCKED_SUFFIXES = ['.localhost', '.metadata.google.internal'];
// Metadata services on addresses whose range alone would not say so.
const METADATA_ADDRESSES = new Set(['100.100.100.200', '192.0.0.192', 'fd00:ec2::254']);

/** Parses OUTBOUND_ALLOW: comma-separated CIDRs, single addresses and host names. Throws naming the bad entry. */
export function parseOutboundAllow(value: string | undefined): OutboundPolicy {
  const allowRanges: Array<[Address, number]> = [];
  const allowHosts = new Set<string>();
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry.includes('/')) {
      try {
        allowRanges.push(ipaddr.parseCIDR(entry));
      } catch {
        throw new Error(`${OUTBOUND_ALLOW_VARIABLE}: "${entry}" is not a CIDR range such as 10.0.0.0/8 or fd00::/8`);
      }
    } else if (ipaddr.isValid(entry)) {
      const address = ipaddr.parse(entry);
      allowRanges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/.test(entry)) {
      allowHosts.add(entry.replace(/\.$/, ''));
    } else {
      throw new Error(`${OUTBOUND_ALLOW_VARIABLE}: "${entry}" is neither a CIDR range, an IP address nor a host name`);
    }
  }
  return { allowRanges, allowHosts };
}

/** Whether the server may connect to this resolved address. */
export function checkOutboundAddress(address: string, policy: OutboundPolicy): OutboundVerdict {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return { ok: false, reason: `"${address}" is not an IP address` };
  let parsed: Address = ipaddr.parse(bare);
  // ::ffff:127.0.0.1 reaches 127.0.0.1: judge the IPv4 address inside.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (isAllowedAddress(parsed, policy)) return { ok: true };
  const normal = parsed.toString();
  if (METADATA_ADDRESSES.has(normal)) return { ok: false, reason: `${normal} is a cloud metadata address ${HINT}` };
  const range = parsed.range();
  if (range !== 'unicast') return { ok: false, reason: `${normal} is a ${describeRange(range)} address ${HINT}` };
  return { ok: true };
}

/** The check at save time and before each call: scheme, and the host as written (IP literal or name). */
export function checkOutboundUrl(url: string, policy: OutboundPolicy): OutboundVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'is not an absolute URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, reason: 'must start with https:// or http://' };
  if (parsed.username || parsed.password) return { ok: false, reason: 'must not carry a user name or password' };
  // The WHATWG parser has already turned 2130706433, 0x7f.1 and 0177.0.0.1 into 127.0.0.1.
  const host = parsed.hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  if (ipaddr.isValid(host)) return checkOutboundAddress(host, policy);
  return checkOutboundHostName(host, policy);
}

export function checkOutboundHostName(hostname: string, policy: OutboundPolicy): OutboundVerdict {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (policy.allowHosts.has(host)) return { ok: true };
  if (BLOCKED_NAMES.has(host) || BLOCKED_SUFFIXES.some((suffix) => host.endsWith(suffix))) {
    return { ok: false, reason: `${host} names this machine or a metadata service ${HINT}` };
  }
  return { ok: true };
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type Resolve = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A `lookup` for net/tls.connect (undici's `connect.lookup`): resolves, refuses when any answer is
 * not allowed, and hands the checked addresses to connect — so the socket opens to exactly those.
 */
export function guardedLookup(policy: OutboundPolicy, resolve: Resolve = dnsLookup as unknown as Resolve) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const byName = checkOutboundHostName(hostname, policy);
    if (!byName.ok) {
      callback(refusal(`${hostname} ${byName.reason}`), []);
      return;
    }
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      if (!policy.allowHosts.has(hostname.toLowerCase().replace(/\.$/, ''))) {
        for (const { address } of addresses) {
          const verdict = checkOutboundAddress(address, policy);
          if (!verdict.ok) return callback(refusal(`${hostname} resolves to ${verdict.reason}`), []);
        }
      }
      const first = addresses[0];
      if (!first) return callback(refusal(`${hostname} resolves to no address`), []);
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

export class OutboundRefused extends Error {
  readonly code = 'OUTBOUND_ADDRESS_REFUSED';
}

function refusal(reason: string): NodeJS.ErrnoException {
  return Object.assign(new OutboundRefused(`refused to connect: ${reason}`), { code: 'OUTBOUND_ADDRESS_REFUSED' });
}

function isAllowedAddress(address: Address, policy: OutboundPolicy): boolean {
  return policy.allowRanges.some(([base, bits]) => base.kind() === address.kind() && address.match(base, bits));
}

function describeRange(range: string): string {
  const names: Record<string, string> = {
    loopback: 'loopback',
    private: 'private-network',
    linkLocal: 'link-local (metadata)',
    uniqueLocal: 'unique-local',
    carrierGradeNat: 'carrier-grade NAT',
    multicast: 'multicast',
    unspecified: 'unspecified',
    broadcast: 'broadcast',
    reserved: 'reserved',
  };
  return names[range] ?? `non-public (${range})`;
}
