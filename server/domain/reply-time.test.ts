import { describe, expect, it } from 'vitest';
import { typicalReplyMinutes } from './reply-time';

describe('typicalReplyMinutes', () => {
  it('says nothing below five samples', () => {
    expect(typicalReplyMinutes([30, 40, 50, 60])).toBeNull();
  });

  it('is the median rounded up to a minute, so one slow claim does not move it', () => {
    expect(typicalReplyMinutes([30, 45, 70, 100, 3600])).toBe(2);
    expect(typicalReplyMinutes([60, 120, 180, 240, 300, 360])).toBe(4);
  });

  it('never promises less than a minute and ignores impossible values', () => {
    expect(typicalReplyMinutes([1, 2, 3, 4, 5, -10, Number.NaN])).toBe(1);
  });
});
