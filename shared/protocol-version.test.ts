import { describe, expect, it } from 'vitest';
import { isSupportedProtocolVersion, OLDEST_SUPPORTED_PROTOCOL_VERSION, PROTOCOL_VERSION } from './protocol-version';

describe('protocol version range', () => {
  it('accepts every version from the oldest supported to the current, as numbers or query strings', () => {
    for (let v = OLDEST_SUPPORTED_PROTOCOL_VERSION; v <= PROTOCOL_VERSION; v++) {
      expect(isSupportedProtocolVersion(v)).toBe(true);
      expect(isSupportedProtocolVersion(String(v))).toBe(true);
    }
  });

  it('spans more than one version, so a widget cached before a deploy keeps working', () => {
    expect(OLDEST_SUPPORTED_PROTOCOL_VERSION).toBeLessThan(PROTOCOL_VERSION);
  });

  it('refuses versions outside the range and anything that is not a whole version', () => {
    for (const v of [OLDEST_SUPPORTED_PROTOCOL_VERSION - 1, PROTOCOL_VERSION + 1, 1.5, '', ' 1', '1e0', '0x1', undefined, null, 'abc']) {
      expect(isSupportedProtocolVersion(v)).toBe(false);
    }
  });
});
