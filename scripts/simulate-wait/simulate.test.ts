import { describe, expect, it } from 'vitest';
import { mulberry32 } from './prng';
import { simulate } from './simulate';

describe('simulate-wait', () => {
  it('gives the same figures for the same seed', () => {
    expect(simulate(42)).toEqual(simulate(42));
  });

  it('gives different days for different seeds', () => {
    expect(simulate(1).estimate.count).not.toBe(simulate(2).estimate.count);
  });

  it('replays a full day with every visitor served and most shown a number', () => {
    const report = simulate(42);
    expect(report.unserved).toBe(0);
    expect(report.estimate.count).toBeGreaterThan(200);
    expect(report.estimate.numericShare).toBeGreaterThan(0.9);
  });

  it('keeps the real estimate closer and better calibrated than the naive one', () => {
    const { estimate, baseline } = simulate(42);
    expect(estimate.medianErrorMinutes).toBeLessThan(baseline.medianErrorMinutes);
    expect(estimate.p90ErrorMinutes).toBeLessThan(baseline.p90ErrorMinutes);
    expect(estimate.coverage).toBeGreaterThan(0.75);
    expect(estimate.coverage).toBeGreaterThan(baseline.coverage);
  });

  it('draws the same sequence from the same seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const draws = Array.from({ length: 5 }, () => [a(), b()]);
    expect(draws.every(([x, y]) => x === y && x! >= 0 && x! < 1)).toBe(true);
  });
});
