import { describe, expect, it } from 'vitest';
import { closeToEarlierTurn, RESTATEMENT_SIMILARITY } from './repeat-explanation';

const unit = (...xs: number[]) => {
  const n = Math.hypot(...xs);
  return Float32Array.from(xs.map((x) => x / n));
};

describe('closeToEarlierTurn', () => {
  it('is true when one earlier turn reaches the similarity, false when none does', () => {
    const turn = unit(1, 0.2, 0);
    expect(closeToEarlierTurn(turn, [unit(0, 1, 0), unit(1, 0.25, 0)])).toBe(true);
    expect(closeToEarlierTurn(turn, [unit(0, 1, 0), unit(0, 0, 1)])).toBe(false);
    expect(closeToEarlierTurn(turn, [])).toBe(false);
  });

  it("uses the threshold given (a site's own), the default otherwise", () => {
    const turn = unit(1, 0, 0);
    const near = unit(0.9, 0.436, 0); // cosine 0.9
    expect(closeToEarlierTurn(turn, [near])).toBe(0.9 >= RESTATEMENT_SIMILARITY);
    expect(closeToEarlierTurn(turn, [near], 0.94)).toBe(false);
    expect(closeToEarlierTurn(turn, [near], 0.85)).toBe(true);
  });
});
