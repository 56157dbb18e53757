import { describe, expect, it } from 'vitest';
import { sumTallies, tallyVisitor } from './tally';

const mine = (seq: number, id: string) => ({ seq, clientMessageId: id, fromVisitor: true });
const bot = (seq: number) => ({ seq, clientMessageId: null, fromVisitor: false });

describe('the chaos tally', () => {
  it('a clean run counts nothing', () => {
    const t = tallyVisitor({ sent: ['a', 'b'], stored: [mine(1, 'a'), bot(2), mine(3, 'b'), bot(4)], received: [1, 2, 3, 4] });
    expect(t).toEqual({ sent: 2, lost: 0, duplicated: 0, outOfOrder: 0, gapped: 0, missedByVisitor: 0 });
  });

  it('counts each kind of damage', () => {
    const t = tallyVisitor({
      sent: ['a', 'b', 'c', 'd'],
      // d lost, a stored twice, c before b, seq 4 missing, the visitor never saw 6
      stored: [mine(1, 'a'), mine(2, 'c'), mine(3, 'b'), mine(5, 'a'), bot(6)],
      received: [1, 2, 3, 5],
    });
    expect(t).toEqual({ sent: 4, lost: 1, duplicated: 1, outOfOrder: 1, gapped: 1, missedByVisitor: 1 });
    expect(sumTallies([t, t]).lost).toBe(2);
  });
});
