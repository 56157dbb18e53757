import { describe, expect, it } from 'vitest';
import { probabilitiesOf, trainLinearHead } from './linear-head';

const unit = (...v: number[]): Float32Array => {
  const n = Math.hypot(...v);
  return Float32Array.from(v.map((x) => x / n));
};
// Three clusters in a narrow cone, as sentence embeddings are: every vector is close to (1, 0, 0, 0).
const around = (axis: number, jitter: number): Float32Array => {
  const v = [1, 0.02 * jitter, -0.015 * jitter, 0.01 * jitter];
  v[axis] = (v[axis] as number) + 0.2;
  return unit(...v);
};
const vectors = [1, 2, 3].flatMap((axis) => [-2, -1, 0, 1, 2].map((j) => around(axis, j)));
const labels = [1, 2, 3].flatMap((axis) => Array(5).fill(['refund', 'none', 'human_request'][axis - 1]));

describe('linear head', () => {
  it('learns which label a vector belongs to, even when all vectors crowd in one direction', () => {
    const head = trainLinearHead(vectors, labels);
    const p = probabilitiesOf(head, around(1, 0.5));
    expect(Object.keys(p).sort()).toEqual(['human_request', 'none', 'refund']);
    expect(p.refund).toBeGreaterThan(0.8);
    expect(probabilitiesOf(head, around(3, -0.5)).human_request).toBeGreaterThan(0.8);
    expect(Object.values(p).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 6);
  });

  it('is reproducible: the same examples give the same weights', () => {
    const a = trainLinearHead(vectors, labels, { steps: 30 });
    const b = trainLinearHead(vectors, labels, { steps: 30 });
    expect([...a.weights]).toEqual([...b.weights]);
  });

  it('is less sure with a stronger penalty on its weights', () => {
    const loose = probabilitiesOf(trainLinearHead(vectors, labels, { l2: 1e-4 }), around(2, 0)).none ?? 0;
    const tight = probabilitiesOf(trainLinearHead(vectors, labels, { l2: 1 }), around(2, 0)).none ?? 0;
    expect(tight).toBeLessThan(loose);
    expect(tight).toBeGreaterThan(1 / 3);
  });
});
