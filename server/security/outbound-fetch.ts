import { Agent, fetch as undiciFetch } from 'undici';
import { checkOutboundUrl, guardedLookup, type OutboundPolicy, OutboundRefused, type Resolve } from './outbound-url';

// undici (Node's own fetch engine, as a package) because its Agent lets us supply the `lookup` the
// socket connects with: the address checked is the address dialled. Node's global fetch hides it.

export interface OutboundFetchOptions {
  /** The resolver behind the guard; the system resolver unless a test names its own. */
  resolve?: Resolve;
}

/** A fetch that refuses URLs and resolved addresses the policy does not allow. Same contract as fetch. */
export function createOutboundFetch(policy: OutboundPolicy, options: OutboundFetchOptions = {}): typeof fetch {
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(policy, options.resolve) } });
  const guarded = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const verdict = checkOutboundUrl(url, policy);
    // The same shape as a network failure from fetch, so callers report it as an unreachable URL.
    if (!verdict.ok) throw new TypeError('fetch failed', { cause: new OutboundRefused(`refused to connect: ${verdict.reason}`) });
    // undici's Request/Response types are structurally the DOM ones; the casts only bridge the two declarations.
    return (await undiciFetch(url, { ...(init as object), dispatcher } as Parameters<typeof undiciFetch>[1])) as unknown as Response;
  };
  return guarded as typeof fetch;
}
