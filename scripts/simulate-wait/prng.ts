/** A seeded source of uniform numbers in [0, 1), so every run of the simulation gives the same figures. */
export type Random = () => number;

/** mulberry32: tiny, fast and good enough for a simulation (not for secrets). */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function exponential(random: Random, mean: number): number {
  return -Math.log(1 - random()) * mean;
}

/** Log-normal with the given median; sigma is the spread of its logarithm. */
export function logNormal(random: Random, median: number, sigma: number): number {
  const u = 1 - random();
  const v = random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(sigma * normal);
}

export function pick<T>(random: Random, weighted: readonly (readonly [T, number])[]): T {
  let r = random() * weighted.reduce((total, [, w]) => total + w, 0);
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}
