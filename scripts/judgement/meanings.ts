// Gives recorded conversations their meanings for a replay: embeds every text once (through the
// file cache, so a second replay of the same file asks the service nothing), then compares each
// turn with the example bank and the site's own examples, exactly as the server does.
import type { SiteConfig } from '../../shared/site-config';
import type { HandoffInput } from '../../server/domain/handoff-decision';
import { loadExampleBank, siteExamples } from '../../server/meaning/example-bank';
import { loadHeads } from '../../server/meaning/head-file';
import {
  buildMeaningIndex,
  type EmbedTexts,
  joinIndexes,
  type MeaningIndex,
  textsToEmbed,
  withMeanings,
} from '../../server/meaning/turn-meanings';
import { createEmbeddings, loadEmbeddingsConfig } from '../../server/services/embeddings';

export interface MeaningSource {
  /** One line for standard error: whether the semantic layer takes part, and why not. */
  note: string;
  /** The example index the turns are compared with; null when the layer is off. */
  index?: MeaningIndex;
  /** The conversations with their turns' meanings (unchanged when the layer is off). */
  attach(conversations: readonly HandoffInput[]): Promise<HandoffInput[]>;
}

const quietLog = {
  info: () => {},
  warn: (details: object, message: string) => process.stderr.write(`${message} ${JSON.stringify(details)}\n`),
};

/**
 * `heads`: 'file' reads the bank's trained heads for the model (data/handoff-heads), as the server
 * does; 'train' trains them afresh on the bank (npm run calibrate, which then writes the file).
 */
export async function meaningSource(
  site: SiteConfig,
  env: NodeJS.ProcessEnv = process.env,
  heads: 'file' | 'train' = 'file',
): Promise<MeaningSource> {
  const off = (note: string): MeaningSource => ({ note, attach: async (c) => [...c] });
  if (!site.triggers.semantic.enabled) return off('semantic layer: off in the site configuration; rules only');
  const config = loadEmbeddingsConfig(env);
  if (config.baseUrl === null)
    return off('semantic layer: off (EMBEDDINGS_URL is not set; `npm run triggers` starts the local service); rules only');
  const embeddings = createEmbeddings(config, { log: quietLog });
  const embed: EmbedTexts = (texts) => embeddings.embedMany(texts);
  const bank = loadExampleBank();
  const loaded = heads === 'file' ? loadHeads(config.model, bank) : null;
  if (loaded?.isStale)
    process.stderr.write('semantic layer: the example bank changed since its head was trained (npm run calibrate trains it again)\n');
  // The heads learn the bank only; a site's own sentences are searched by nearness.
  const bankIndex = await buildMeaningIndex(bank, embed, { heads: loaded?.heads ?? {}, trainHeads: heads === 'train' });
  const siteIndex = await buildMeaningIndex(siteExamples(site.triggers.semantic.examples), embed);
  const index = bankIndex && siteIndex ? joinIndexes(bankIndex, siteIndex) : null;
  if (index === null)
    throw new Error(`the embeddings service at ${config.baseUrl} did not answer: ${embeddings.status().reason ?? 'unknown'}`);
  return {
    index,
    note: `semantic layer: ${config.model} at ${config.baseUrl}, ${index.visitor.examples.length + index.bot.examples.length} examples, ${
      index.visitor.head ? 'trained head' : 'no trained head (npm run calibrate trains one)'
    }`,
    async attach(conversations) {
      // Every text and sentence first, in big batches through the cache; then each conversation finds
      // its vectors there (asked one conversation at a time, a loaded service times out and turns
      // would silently be judged by the rules alone).
      if ((await embed([...new Set(conversations.flatMap((c) => textsToEmbed(c.turns)))])) === null) {
        throw new Error(`the embeddings service at ${config.baseUrl} stopped answering: ${embeddings.status().reason ?? 'unknown'}`);
      }
      const attached = await Promise.all(conversations.map(async (c) => ({ ...c, turns: await withMeanings(c.turns, index, embed) })));
      const unread = attached.reduce((n, c) => n + c.turns.filter((t) => t.meaning === undefined).length, 0);
      // Figures from a half-degraded run would be neither the rules' nor the semantic layer's.
      if (unread > 0) throw new Error(`${unread} turns could not be embedded (${embeddings.status().reason ?? 'unknown'}); run again`);
      return attached;
    },
  };
}
