/**
 * What a turn means, read from its embedding: how close it is to the labelled example utterances
 * of each reason (and to the examples that must not escalate), and how close it is to what the
 * visitor already wrote. Pure vector arithmetic on unit vectors: the embeddings themselves come
 * from the flow, which asks the embedding service.
 */

import { type LinearHead, probabilitiesOf } from './linear-head';

/** Labels of the example bank: reasons, policy topic ids, routing hints, and `none` for hard negatives. */
import type { ExampleLabel } from './example-label';

export type { ExampleLabel };
export const NONE: ExampleLabel = 'none';
/** Non-escalating examples that are small talk, thanks or joy. */
export const SMALL_TALK: ExampleLabel = 'smalltalk';
const NOT_ESCALATING = [NONE, SMALL_TALK];

/** The best score among `rivals` (the non-escalating examples by default), whatever their kind. */
const rivalScore = (meaning: TurnMeaning, rivals: readonly ExampleLabel[] = NOT_ESCALATING): number | undefined => {
  const scores = rivals.flatMap((l) => (meaning.labels[l] ? [meaning.labels[l].score] : []));
  return scores.length === 0 ? undefined : Math.max(...scores);
};

/** What an escalating label must beat: the non-escalating examples and plain issue types (a problem report is no case). */
export const rivalsWith = (plain: readonly ExampleLabel[]): ExampleLabel[] => [...NOT_ESCALATING, ...plain];

export interface Example {
  label: ExampleLabel;
  text: string;
  from: 'visitor' | 'bot';
}

/** The examples of one side (visitor or bot) with their unit vectors, ready for nearest-neighbour search. */
export interface ExampleIndex {
  examples: readonly Example[];
  vectors: readonly Float32Array[];
  /** The bank's trained head, when one was trained: probabilities of the labels it knows. */
  head?: LinearHead;
}

export interface LabelScore {
  /** Mean cosine similarity of the closest few examples of the label. */
  score: number;
  /** The closest example of the label and its own similarity, shown to the operator as evidence. */
  example: string;
  similarity: number;
}

export interface TurnMeaning {
  labels: Readonly<Record<ExampleLabel, LabelScore>>;
  /** Highest similarity to an earlier visitor turn of the conversation; null for the first or a bot turn. */
  restates: number | null;
  /**
   * The meanings of the turn's sentences when it has several: a need stated in one sentence of a
   * long message ("done that twice. pls put me through to an engineer") is diluted in the whole.
   */
  sentences?: readonly TurnMeaning[];
  /** The trained head's probability of each label it knows; absent without a head. */
  probabilities?: Readonly<Record<ExampleLabel, number>>;
}

const SENTENCE_END = /(?<=[.!?¡¿…;\n])\s+|\n+/u;
const MIN_SENTENCE_WORDS = 3;

/** The sentences of a message worth reading on their own; none when it is a single sentence. */
export function sentencesOf(text: string): string[] {
  const parts = text
    .split(SENTENCE_END)
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/u).length >= MIN_SENTENCE_WORDS);
  return parts.length >= 2 ? parts : [];
}

/** How many of a label's closest examples are averaged: one lucky neighbour is not enough. */
export const NEIGHBOURS = 8;

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

/** The index as one contiguous matrix and label numbers: a turn is compared with thousands of examples. */
interface PackedIndex {
  /**
   * What each vector already read means here (without `restates`, which depends on the turns before):
   * a conversation's earlier turns come back with every message, as the same vectors.
   */
  memo: WeakMap<Float32Array, TurnMeaning>;
  dim: number;
  matrix: Float32Array;
  labelOf: Uint16Array;
  labels: ExampleLabel[];
}

const packed = new WeakMap<ExampleIndex, PackedIndex>();

function pack(index: ExampleIndex): PackedIndex {
  const cached = packed.get(index);
  if (cached) return cached;
  const dim = index.vectors[0]?.length ?? 0;
  const matrix = new Float32Array(dim * index.examples.length);
  const labels: ExampleLabel[] = [];
  const labelOf = new Uint16Array(index.examples.length);
  for (const [i, example] of index.examples.entries()) {
    const vector = index.vectors[i];
    if (vector && vector.length === dim) matrix.set(vector, i * dim);
    let label = labels.indexOf(example.label);
    if (label < 0) label = labels.push(example.label) - 1;
    labelOf[i] = label;
  }
  const made = { memo: new WeakMap(), dim, matrix, labelOf, labels };
  packed.set(index, made);
  return made;
}

interface Best {
  top: number[];
  example: string;
  similarity: number;
}

function keepTop(top: number[], value: number): void {
  if (top.length < NEIGHBOURS) {
    top.push(value);
    top.sort((x, y) => y - x);
  } else if (value > (top[NEIGHBOURS - 1] ?? -1)) {
    top[NEIGHBOURS - 1] = value;
    top.sort((x, y) => y - x);
  }
}

export function meaningOf(vector: Float32Array, index: ExampleIndex, earlier: readonly Float32Array[] = []): TurnMeaning {
  const packedIndex = pack(index);
  let read = packedIndex.memo.get(vector);
  if (!read) {
    read = readVector(vector, index, packedIndex);
    packedIndex.memo.set(vector, read);
  }
  const restates = earlier.length === 0 ? null : Math.max(...earlier.map((e) => dot(vector, e)));
  return { ...read, restates };
}

function readVector(vector: Float32Array, index: ExampleIndex, { dim, matrix, labelOf, labels: names }: PackedIndex): TurnMeaning {
  const best: (Best | undefined)[] = [];
  for (let i = 0; i < labelOf.length; i++) {
    let similarity = 0;
    const base = i * dim;
    for (let j = 0; j < dim; j++) similarity += (vector[j] as number) * (matrix[base + j] as number);
    const label = labelOf[i] as number;
    const found = best[label];
    const text = index.examples[i]?.text ?? '';
    if (!found) best[label] = { top: [similarity], example: text, similarity };
    else {
      keepTop(found.top, similarity);
      if (similarity > found.similarity) Object.assign(found, { example: text, similarity });
    }
  }
  const labels: Record<ExampleLabel, LabelScore> = {};
  for (const [label, found] of best.entries()) {
    if (!found) continue;
    labels[names[label] as string] = {
      score: found.top.reduce((s, v) => s + v, 0) / found.top.length,
      example: found.example,
      similarity: found.similarity,
    };
  }
  return index.head ? { labels, restates: null, probabilities: probabilitiesOf(index.head, vector) } : { labels, restates: null };
}

export interface SemanticThreshold {
  /** The label's score must reach this… */
  min: number;
  /** …and beat the closest non-escalating examples by this much. */
  margin: number;
  /** Or the trained head gives the label at least this probability (labels the head knows)… */
  head?: number;
  /** …while the label's examples beat the rivals by this much (no condition when absent). */
  headMargin?: number;
}

export interface SemanticHit {
  label: ExampleLabel;
  score: number;
  /** For the operator: "close to 'I want my money back' (0.91)". */
  evidence: string;
}

const round = (n: number): string => n.toFixed(2);
const BY_MEANING = /^(?:bot: )?close to "/;

/** Whether a firing's evidence came from the meaning alone: a nearest example is weaker evidence than a keyword. */
export const isByMeaning = (evidence: string): boolean => BY_MEANING.test(evidence);

/** Labels of `candidates` the turn, or one of its sentences, clearly means; best first, each label once. */
export function clearLabels(
  meaning: TurnMeaning,
  candidates: readonly ExampleLabel[],
  thresholdOf: (label: ExampleLabel) => SemanticThreshold,
  rivals: readonly ExampleLabel[] = NOT_ESCALATING,
): SemanticHit[] {
  const hits = [meaning, ...(meaning.sentences ?? [])].flatMap((part) => clearLabelsOfPart(part, candidates, thresholdOf, rivals));
  const best = new Map<ExampleLabel, SemanticHit>();
  for (const hit of hits) if ((best.get(hit.label)?.score ?? -1) < hit.score) best.set(hit.label, hit);
  return [...best.values()].sort((a, b) => b.score - a.score);
}

function clearLabelsOfPart(
  meaning: TurnMeaning,
  candidates: readonly ExampleLabel[],
  thresholdOf: (label: ExampleLabel) => SemanticThreshold,
  rivals: readonly ExampleLabel[],
): SemanticHit[] {
  const hits: SemanticHit[] = [];
  for (const label of candidates) {
    const scored = meaning.labels[label];
    if (!scored) continue;
    const { min, margin, head, headMargin } = thresholdOf(label);
    const lead =
      scored.score -
      (rivalScore(
        meaning,
        rivals.filter((r) => r !== label),
      ) ?? 0);
    const probability = meaning.probabilities?.[label];
    const byHead =
      probability !== undefined && head !== undefined && probability >= head && (headMargin === undefined || lead >= headMargin);
    if (byHead || (scored.score >= min && lead >= margin)) {
      hits.push({ label, score: probability ?? scored.score, evidence: `close to "${scored.example}" (${round(scored.similarity)})` });
    }
  }
  return hits.sort((a, b) => b.score - a.score);
}

/** Whether the turn is clearly closer to what must not escalate than to `label`: a mention, a negation, a question. */
export function clearlyNot(meaning: TurnMeaning, label: ExampleLabel, veto: number): boolean {
  const none = rivalScore(meaning);
  const scored = meaning.labels[label]?.score;
  return none !== undefined && scored !== undefined && none - scored >= veto;
}
