import { describe, expect, it } from 'vitest';
import { estimateWait, type WaitInput } from './wait-estimate';

/** Quick pickups (10-40 s) and ten-minute conversations, as a steady team sees them. */
const quickPickups = [12, 15, 18, 20, 22, 25, 30, 35, 40, 14];
const tenMinuteHandles = [480, 540, 600, 600, 660, 720, 600, 560, 640, 600];
const given = (patch: Partial<WaitInput>): WaitInput => ({
  position: 1,
  queueOpen: true,
  operators: [{ capacity: 3, active: 1 }],
  recentClaimWaitsSeconds: quickPickups,
  recentHandleTimesSeconds: tenMinuteHandles,
  ...patch,
});

describe('estimateWait', () => {
  it.each([
    { given: 'a closed queue', input: given({ queueOpen: false }), expected: { kind: 'unknown', reason: 'closed' } },
    { given: 'an open queue with nobody online', input: given({ operators: [] }), expected: { kind: 'unknown', reason: 'nobody_online' } },
    {
      given: 'operators online with no capacity',
      input: given({ operators: [{ capacity: 0, active: 0 }] }),
      expected: { kind: 'unknown', reason: 'nobody_online' },
    },
    {
      given: 'fewer than five recent claims',
      input: given({ recentClaimWaitsSeconds: [20, 30, 40, 50] }),
      expected: { kind: 'unknown', reason: 'too_little_data' },
    },
    {
      given: 'a visitor who must queue and fewer than five finished conversations',
      input: given({ position: 4, operators: [{ capacity: 2, active: 2 }], recentHandleTimesSeconds: [600, 600] }),
      expected: { kind: 'unknown', reason: 'too_little_data' },
    },
    {
      given: 'samples that are not waits at all',
      input: given({ recentClaimWaitsSeconds: [Number.NaN, -5, Number.POSITIVE_INFINITY, 20, 30, 40, 50] }),
      expected: { kind: 'unknown', reason: 'too_little_data' },
    },
    { given: 'position 1 with free capacity', input: given({}), expected: { kind: 'range', minMinutes: 0, maxMinutes: 1 } },
    {
      given: 'position 1 with free capacity but too few finished conversations (none needed)',
      input: given({ recentHandleTimesSeconds: [] }),
      expected: { kind: 'range', minMinutes: 0, maxMinutes: 1 },
    },
    {
      given: 'position 3, six busy slots, ten-minute conversations',
      input: given({
        position: 3,
        operators: [
          { capacity: 3, active: 3 },
          { capacity: 3, active: 3 },
        ],
      }),
      expected: { kind: 'range', minMinutes: 2, maxMinutes: 10 },
    },
    {
      given: 'position 1 behind an operator over capacity',
      input: given({ operators: [{ capacity: 2, active: 3 }] }),
      expected: { kind: 'range', minMinutes: 2, maxMinutes: 14 },
    },
    {
      given: 'one slow claim among quick ones (it queued; not a pickup delay)',
      input: given({ recentClaimWaitsSeconds: [...quickPickups, 900] }),
      expected: { kind: 'range', minMinutes: 0, maxMinutes: 1 },
    },
  ])('given $given: $expected', ({ input, expected }) => {
    expect(estimateWait(input)).toEqual(expected);
  });

  it('widens and moves later as the visitor is further back', () => {
    const busy = [{ capacity: 3, active: 3 }];
    const ranges = [1, 2, 4, 8, 16].map((position) => estimateWait(given({ position, operators: busy })));
    const mins = ranges.map((r) => (r.kind === 'range' ? r.minMinutes : Number.NaN));
    const maxes = ranges.map((r) => (r.kind === 'range' ? r.maxMinutes : Number.NaN));
    expect(mins).toEqual([...mins].sort((a, b) => a - b));
    expect(maxes).toEqual([...maxes].sort((a, b) => a - b));
    expect(maxes[4]! - mins[4]!).toBeGreaterThan(maxes[0]! - mins[0]!);
  });

  it('is shorter with more people at work', () => {
    const one = estimateWait(given({ position: 6, operators: [{ capacity: 3, active: 3 }] }));
    const three = estimateWait(given({ position: 6, operators: Array(3).fill({ capacity: 3, active: 3 }) }));
    expect(one.kind === 'range' && three.kind === 'range' && three.maxMinutes < one.maxMinutes).toBe(true);
  });

  it('gives a finite range for a very long queue', () => {
    const estimate = estimateWait(given({ position: 400, operators: [{ capacity: 1, active: 1 }] }));
    expect(estimate.kind).toBe('range');
    if (estimate.kind === 'range') {
      expect(estimate.minMinutes).toBeGreaterThan(3000);
      expect(estimate.maxMinutes).toBeLessThan(6000);
    }
  });

  it('always returns whole minutes with max above min', () => {
    const estimate = estimateWait(given({ position: 5, operators: [{ capacity: 2, active: 2 }] }));
    expect(estimate.kind === 'range' && Number.isInteger(estimate.minMinutes) && estimate.maxMinutes > estimate.minMinutes).toBe(true);
  });
});
