import { describe, expect, it } from 'vitest';
import { dot } from '../../domain/triggers/meaning';
import { normalize } from './similarity';

const v = (...xs: number[]) => Float32Array.from(xs);

describe('normalize', () => {
  it('scales to unit length and leaves a zero vector zero', () => {
    const n = normalize(v(3, 4));
    expect(n[0]).toBeCloseTo(0.6);
    expect(n[1]).toBeCloseTo(0.8);
    expect(Array.from(normalize(v(0, 0)))).toEqual([0, 0]);
  });

  it('makes the dot product of two vectors their cosine', () => {
    expect(dot(normalize(v(1, 1)), normalize(v(1, 0)))).toBeCloseTo(Math.SQRT1_2);
    expect(dot(normalize(v(1, 1)), normalize(v(-2, -2)))).toBeCloseTo(-1);
  });
});
