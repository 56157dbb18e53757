// Gives turns their meaning: embeds the texts (through the embeddings service) and compares them
// with the example index. Everything here may find the service unavailable; turns then keep no
// meaning and the rules decide alone.
import type { Turn } from '../domain/handoff-decision';
import { trainLinearHead } from '../domain/triggers/linear-head';
import type { BankHeads } from './head-file';
import { type Example, type ExampleIndex, meaningOf, sentencesOf, type TurnMeaning } from '../domain/triggers/meaning';

export interface MeaningIndex {
  visitor: ExampleIndex;
  bot: ExampleIndex;
}

/** Texts to vectors, or null when the service cannot answer now. */
export type EmbedTexts = (texts: readonly string[]) => Promise<Float32Array[] | null>;

/**
 * The examples' index. The bank's index carries its trained heads: given (read from
 * data/handoff-heads) or, with `trainHeads` (npm run calibrate), trained here on the vectors —
 * tens of seconds of arithmetic. A head of other dimensions than the vectors is left out.
 */
export async function buildMeaningIndex(
  examples: readonly Example[],
  embed: EmbedTexts,
  options: { heads?: BankHeads; trainHeads?: boolean } = {},
): Promise<MeaningIndex | null> {
  const vectors = await embed(examples.map((e) => e.text));
  if (vectors === null) return null;
  const side = (from: Example['from']): ExampleIndex => {
    const picked = examples.flatMap((e, i) => (e.from === from && vectors[i] ? [{ e, v: vectors[i] }] : []));
    const found: ExampleIndex = { examples: picked.map((p) => p.e), vectors: picked.map((p) => p.v) };
    const canTrain = options.trainHeads === true && new Set(found.examples.map((e) => e.label)).size >= 2;
    const head = canTrain
      ? trainLinearHead(
          found.vectors,
          found.examples.map((e) => e.label),
        )
      : options.heads?.[from];
    return head && head.dim === found.vectors[0]?.length ? { ...found, head } : found;
  };
  return { visitor: side('visitor'), bot: side('bot') };
}

/** Two indexes searched as one: the bank, built once, and a site's own examples. */
export function joinIndexes(a: MeaningIndex, b: MeaningIndex): MeaningIndex {
  // The head stays the bank's: a site's sentences are searched by nearness only.
  const join = (x: ExampleIndex, y: ExampleIndex): ExampleIndex => ({
    examples: [...x.examples, ...y.examples],
    vectors: [...x.vectors, ...y.vectors],
    ...(x.head ? { head: x.head } : {}),
  });
  return { visitor: join(a.visitor, b.visitor), bot: join(a.bot, b.bot) };
}

/** Every text withMeanings embeds for these turns: each turn whole, and each of its sentences. */
export const textsToEmbed = (turns: readonly Turn[]): string[] => [...new Set(turns.flatMap((t) => [t.text, ...sentencesOf(t.text)]))];

/**
 * The turns with their meaning, each visitor turn also compared with the visitor's earlier turns
 * (restating the same need). Turns are returned unchanged when the texts cannot be embedded.
 */
export async function withMeanings(turns: readonly Turn[], index: MeaningIndex, embed: EmbedTexts): Promise<Turn[]> {
  const texts = textsToEmbed(turns);
  const vectors = texts.length === 0 ? [] : await embed(texts);
  if (vectors === null) return [...turns];
  const vectorOf = new Map(texts.map((t, i) => [t, vectors[i]] as const));
  const earlier: Float32Array[] = [];
  return turns.map((turn) => {
    const vector = vectorOf.get(turn.text);
    if (!vector) return turn;
    const side = turn.from === 'bot' ? index.bot : index.visitor;
    const sentences = sentencesOf(turn.text).flatMap((s) => {
      const v = vectorOf.get(s);
      return v ? [meaningOf(v, side)] : [];
    });
    const whole = meaningOf(vector, side, turn.from === 'visitor' ? earlier : []);
    if (turn.from === 'visitor') earlier.push(vector);
    const meaning: TurnMeaning = sentences.length > 0 ? { ...whole, sentences } : whole;
    return { ...turn, meaning };
  });
}
