// Gives recorded conversations their meanings for a replay: embeds every text once (through the
// file cache, so a second replay of the same file asks the service nothing), then compares each
// turn with the example bank and the site's own examples, exactly as the server does.
import type { SiteConfig } from '../../shared/site-config';
import type { HandoffInput } from '../../server/domain/handoff-decision';
import { loadExampleBank, siteExamples } from '../../server/meaning/example-bank';
import { buildMeaningIndex, type EmbedTexts, withMeanings } from '../../server/meaning/turn-meanings';
import { createEmbeddings, loadEmbeddingsConfig } from '../../server/services/embeddings';

export interface MeaningSource {
  /** One line for standard error: whether the semantic layer takes part, and why not. */
  note: string;
  /** The conversations with their turns' meanings (unchanged when the layer is off). */
  attach(conversations: readonly HandoffInput[]): Promise<HandoffInput[]>;
}

const quietLog = { info: () => {}, warn: (details: object, message: string) => process.stderr.write(`${message} ${JSON.stringify(details)}\n`) };

export async function meaningSource(site: SiteConfig, env: NodeJS.ProcessEnv = process.env): Promise<MeaningSource> {
  const off = (note: string): MeaningSource => ({ note, attach: async (c) => [...c] });
  if (!site.triggers.semantic.enabled) return off('semantic layer: off in the site configuration; rules only');
  const config = loadEmbeddingsConfig(env);
  if (config.baseUrl === null) return off('semantic layer: off (EMBEDDINGS_URL is not set; `npm run triggers` starts the local service); rules only');
  const embeddings = createEmbeddings(config, { log: quietLog });
  const embed: EmbedTexts = (texts) => embeddings.embedMany(texts);
  const index = await buildMeaningIndex([...loadExampleBank(), ...siteExamples(site.triggers.semantic.examples)], embed);
  if (index === null) throw new Error(`the embeddings service at ${config.baseUrl} did not answer: ${embeddings.status().reason ?? 'unknown'}`);
  return {
    note: `semantic layer: ${config.model} at ${config.baseUrl}, ${index.visitor.examples.length + index.bot.examples.length} examples`,
    async attach(conversations) {
      // Every text first, in big batches through the cache; then each conversation finds its vectors there.
      if ((await embed(conversations.flatMap((c) => c.turns.map((t) => t.text)))) === null) {
        throw new Error(`the embeddings service at ${config.baseUrl} stopped answering: ${embeddings.status().reason ?? 'unknown'}`);
      }
      return Promise.all(conversations.map(async (c) => ({ ...c, turns: await withMeanings(c.turns, index, embed) })));
    },
  };
}
