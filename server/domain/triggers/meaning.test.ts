import { describe, expect, it } from 'vitest';
import { trainLinearHead } from './linear-head';
import { clearLabels, clearlyNot, type ExampleIndex, meaningOf, NEIGHBOURS, sentencesOf, type TurnMeaning } from './meaning';

const unit = (...v: number[]): Float32Array => {
  const n = Math.hypot(...v);
  return Float32Array.from(v.map((x) => x / n));
};
const index: ExampleIndex = {
  examples: [
    { label: 'refund', text: 'I want my money back', from: 'visitor' },
    { label: 'refund', text: 'give me a refund', from: 'visitor' },
    { label: 'none', text: 'what is your refund policy?', from: 'visitor' },
  ],
  vectors: [unit(1, 0, 0), unit(0.9, 0.1, 0), unit(0, 1, 0)],
};
const fixed = (label: string, score: number, none: number): TurnMeaning => ({
  labels: { [label]: { score, example: `a ${label} example`, similarity: score }, none: { score: none, example: 'n', similarity: none } },
  restates: null,
});

describe('meaningOf', () => {
  it('scores each label by its closest examples and names the closest one', () => {
    const meaning = meaningOf(unit(1, 0.05, 0), index);
    expect(meaning.labels.refund?.example).toBe('I want my money back');
    expect(meaning.labels.refund?.score).toBeGreaterThan(meaning.labels.none?.score ?? 1);
    expect(meaning.restates).toBeNull();
  });

  it('averages at most NEIGHBOURS examples, so one lucky neighbour does not decide', () => {
    expect(NEIGHBOURS).toBeGreaterThan(1);
    const many: ExampleIndex = {
      examples: Array.from({ length: NEIGHBOURS + 2 }, (_, i) => ({ label: 'x', text: `x${i}`, from: 'visitor' as const })),
      vectors: Array.from({ length: NEIGHBOURS + 2 }, (_, i) => unit(1, i, 0)),
    };
    const meaning = meaningOf(unit(1, 0, 0), many);
    expect(meaning.labels.x?.similarity).toBeCloseTo(1);
    expect(meaning.labels.x?.score).toBeLessThan(1);
  });

  it('measures how close the turn is to what the visitor wrote before', () => {
    expect(meaningOf(unit(1, 0, 0), index, [unit(0, 1, 0), unit(1, 0, 0)]).restates).toBeCloseTo(1);
  });
});

describe('clearLabels', () => {
  const threshold = () => ({ min: 0.85, margin: 0.02 });

  it('fires a label above its minimum and clear of the non-escalating examples, naming the evidence', () => {
    const [hit] = clearLabels(fixed('refund', 0.91, 0.86), ['refund'], threshold);
    expect(hit).toMatchObject({ label: 'refund', evidence: 'close to "a refund example" (0.91)' });
  });

  it('does not fire below the minimum or too close to a non-escalating example', () => {
    expect(clearLabels(fixed('refund', 0.84, 0.5), ['refund'], threshold)).toEqual([]);
    expect(clearLabels(fixed('refund', 0.91, 0.9), ['refund'], threshold)).toEqual([]);
  });

  it('finds a need stated in one sentence of a longer message', () => {
    const meaning: TurnMeaning = { ...fixed('refund', 0.8, 0.85), sentences: [fixed('refund', 0.93, 0.84)] };
    expect(clearLabels(meaning, ['refund'], threshold).map((h) => h.label)).toEqual(['refund']);
  });
});

describe('clearlyNot', () => {
  it('says a turn is a mention when the non-escalating examples are clearly closer', () => {
    expect(clearlyNot(fixed('human_request', 0.86, 0.9), 'human_request', 0.02)).toBe(true);
    expect(clearlyNot(fixed('human_request', 0.89, 0.9), 'human_request', 0.02)).toBe(false);
  });
});

describe('sentencesOf', () => {
  it('splits a message of several sentences and drops the very short ones', () => {
    expect(sentencesOf('done that twice. pls put me through to one of your engineers')).toEqual([
      'done that twice.',
      'pls put me through to one of your engineers',
    ]);
    expect(sentencesOf('ok. pls put me through to one of your engineers')).toEqual([]);
    expect(sentencesOf('I tried that already twice today. pls put me through to one of your engineers!')).toEqual([
      'I tried that already twice today.',
      'pls put me through to one of your engineers!',
    ]);
    expect(sentencesOf('where is my order?')).toEqual([]);
  });
});

describe('meaning with a trained head', () => {
  const headIndex: ExampleIndex = {
    ...index,
    head: trainLinearHead(
      index.vectors,
      index.examples.map((e) => e.label),
    ),
  };

  it('adds the head’s probabilities to what a vector means, and remembers the reading but not what came before', () => {
    const vector = unit(0.95, 0.2, 0);
    const first = meaningOf(vector, headIndex);
    expect(first.probabilities?.refund).toBeGreaterThan(0.5);
    const again = meaningOf(vector, headIndex, [unit(1, 0, 0)]);
    expect(again.labels).toBe(first.labels);
    expect(again.restates).toBeGreaterThan(0.9);
    expect(first.restates).toBeNull();
    expect(meaningOf(vector, index).probabilities).toBeUndefined();
  });

  it('fires a label the head is sure of though its nearest examples are not close enough', () => {
    const meaning: TurnMeaning = { ...fixed('refund', 0.5, 0.6), probabilities: { refund: 0.9, none: 0.1 } };
    const strict = { min: 0.95, margin: 0.05 };
    expect(clearLabels(meaning, ['refund'], () => strict)).toEqual([]);
    const [hit] = clearLabels(meaning, ['refund'], () => ({ ...strict, head: 0.8 }));
    expect(hit).toMatchObject({ label: 'refund', score: 0.9, evidence: 'close to "a refund example" (0.50)' });
    expect(clearLabels(meaning, ['refund'], () => ({ ...strict, head: 0.95 }))).toEqual([]);
  });
});
