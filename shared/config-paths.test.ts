import { describe, expect, it } from 'vitest';
import { getAt, sameValue, setAt } from './config-paths';

describe('config paths', () => {
  it('reads, sets and removes a nested value, making objects on the way', () => {
    const root: Record<string, unknown> = { a: { b: 1 } };
    expect(getAt(root, ['a', 'b'])).toBe(1);
    expect(getAt(root, ['a', 'x', 'y'])).toBeUndefined();
    setAt(root, ['c', 'd'], [1, 2]);
    expect(root).toEqual({ a: { b: 1 }, c: { d: [1, 2] } });
    setAt(root, ['a', 'b'], undefined);
    expect(root).toEqual({ a: {}, c: { d: [1, 2] } });
  });

  it('compares values whatever order their keys are in, and arrays in order', () => {
    expect(sameValue({ x: 1, y: { p: [1, { q: 2, r: 3 }] } }, { y: { p: [1, { r: 3, q: 2 }] }, x: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ x: 1 }, { x: 1, y: undefined })).toBe(true);
    expect(sameValue(undefined, null)).toBe(false);
  });
});
