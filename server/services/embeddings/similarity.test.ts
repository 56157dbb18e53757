import { describe, expect, it } from 'vitest';
import { cosine, dot, normalize, topK } from './similarity';

const v = (...xs: number[]) => Float32Array.from(xs);

describe('vector similarity', () => {
  it('normalises to unit length and leaves a zero vector zero', () => {
    const n = normalize(v(3, 4));
    expect(n[0]).toBeCloseTo(0.6);
    expect(n[1]).toBeCloseTo(0.8);
    expect(Array.from(normalize(v(0, 0)))).toEqual([0, 0]);
  });

  it('cosine ignores length; dot of unit vectors is their cosine', () => {
    expect(cosine(v(1, 0), v(5, 0))).toBeCloseTo(1);
    expect(cosine(v(1, 0), v(0, 2))).toBeCloseTo(0);
    expect(cosine(v(1, 1), v(-1, -1))).toBeCloseTo(-1);
    expect(dot(normalize(v(1, 1)), normalize(v(1, 0)))).toBeCloseTo(Math.SQRT1_2);
  });

  it('refuses vectors of different lengths', () => {
    expect(() => dot(v(1, 2), v(1, 2, 3))).toThrow(/lengths differ/);
  });

  it('ranks the k nearest, best first, ties in candidate order', () => {
    const query = normalize(v(1, 0));
    const candidates = [v(0, 1), normalize(v(1, 1)), v(1, 0), normalize(v(1, 1)), v(-1, 0)];
    expect(topK(query, candidates, 3).map((n) => n.index)).toEqual([2, 1, 3]);
    expect(topK(query, candidates, 10)).toHaveLength(5);
    expect(topK(query, candidates, 0)).toEqual([]);
  });
});
