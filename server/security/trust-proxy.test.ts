import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('takes nothing, a number of hops, or proxy addresses and ranges', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1,fd00::/8')).toEqual(['10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
  });

  it('refuses true, which would trust any forwarded address, saying what to give instead', () => {
    expect(() => parseTrustProxy('true')).toThrow(/number of proxies in front of Baton \(e\.g\. 1\) or their addresses/);
  });

  it('refuses an entry that is not an address or a range, naming it', () => {
    expect(() => parseTrustProxy('10.0.0.0/8,proxy.local')).toThrow(/"proxy\.local"/);
    expect(() => parseTrustProxy('10.0.0.0/40')).toThrow(/"10\.0\.0\.0\/40"/);
  });
});
