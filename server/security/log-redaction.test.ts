import { describe, expect, it } from 'vitest';
import { safeUrl } from './log-redaction';

describe('safeUrl', () => {
  it('keeps the path and harmless query values, replacing every other value', () => {
    expect(safeUrl('/ws/visitor?site=demo&v=1&token=abc.def')).toBe('/ws/visitor?site=demo&v=1&token=[redacted]');
    expect(safeUrl('/api/x?csrf=1&session=2&view=mine')).toBe('/api/x?csrf=[redacted]&session=[redacted]&view=mine');
    expect(safeUrl('/healthz')).toBe('/healthz');
  });
});
