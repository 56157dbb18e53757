// The semantic layer as the live server runs it: the example bank's index, built once in the
// background at start-up (turns are judged by the rules alone until it is ready), each site's own
// examples joined to it (rebuilt when they change), and turns given their meanings with the live
// deadline. Nothing here may hold up or fail a message: whatever cannot be had means "rules only".
import { createHash } from 'node:crypto';
import type { Turn } from '../domain/handoff-decision';
import type { Example } from '../domain/triggers/meaning';
import type { Site } from '../entities/site';
import type { EmbedderStatus, Embeddings, EmbeddingsLog } from '../services/embeddings';
import { siteExamples } from './example-bank';
import { type LoadedHeads, loadHeads } from './head-file';
import { createLiveEmbed } from './live-embed';
import { buildMeaningIndex, type EmbedTexts, joinIndexes, type MeaningIndex, textsToEmbed, withMeanings } from './turn-meanings';

export interface MeaningsStatus extends EmbedderStatus {
  /** The example bank's index: loading until its vectors are had (from the cache or the service). */
  exampleBank: 'loading' | 'ready' | 'off';
}

export interface Meanings {
  /** Starts building the bank's index in the background; returns at once. */
  start(): void;
  /** The turns with their meanings, or unchanged (rules only) when the layer is off, not ready or the service does not answer in time. */
  attach(site: Site, turns: readonly Turn[]): Promise<Turn[]>;
  /** Unit vectors of live texts (a conversation's words: kept in memory only), or null when the layer is off or the service does not answer in time. */
  vectors(site: Site, texts: readonly string[]): Promise<Float32Array[] | null>;
  /** Builds the site's own examples' index ahead of the next message (after a settings save). */
  prepare(site: Site): void;
  status(): MeaningsStatus;
  close(): void;
}

export interface MeaningsOptions {
  embeddings: Embeddings;
  log: EmbeddingsLog;
  loadBank: () => Example[];
  /** The bank's trained heads for the service's model (data/handoff-heads); null: nearness decides alone. */
  loadHeads?: (bank: readonly Example[]) => LoadedHeads | null;
  /** Deadline of a live turn's call (EMBEDDINGS_TIMEOUT_MS). */
  liveDeadlineMs: number;
  /** First wait before the bank is tried again when the service did not answer; doubles up to 60 s. */
  bankRetryMs?: number;
}

const MAX_SITE_INDEXES = 200;

/** Same sentences, same index: the key is the examples' content, so a save that leaves them alone rebuilds nothing. */
const siteKey = (site: Site): string =>
  `${site._id}:${createHash('sha256').update(JSON.stringify(site.config.triggers.semantic.examples)).digest('hex')}`;

export function createMeanings(options: MeaningsOptions): Meanings {
  const { embeddings, log } = options;
  const liveEmbed: EmbedTexts = createLiveEmbed(embeddings, { deadlineMs: options.liveDeadlineMs });
  // Example sentences are the site's and the project's, not visitors': their vectors may be kept on disk.
  const bulkEmbed: EmbedTexts = (texts) => embeddings.embedMany(texts);
  const isOff = embeddings.status().state === 'off';
  let bank: MeaningIndex | null = null;
  let bankStarted = false;
  let closed = false;
  let retryTimer: NodeJS.Timeout | null = null;
  const siteIndexes = new Map<string, Promise<MeaningIndex | null>>();

  function readHeads(examples: readonly Example[]): LoadedHeads | null {
    try {
      return (options.loadHeads ?? ((bank) => loadHeads(embeddings.model, bank)))(examples);
    } catch (error) {
      log.warn({ embeddings: { reason: (error as Error).message } }, 'trained head unreadable: nearest examples decide alone');
      return null;
    }
  }

  async function buildBank(waitMs: number): Promise<void> {
    if (closed) return;
    const startedAt = Date.now();
    const examples = options.loadBank();
    const heads = readHeads(examples);
    const index = await buildMeaningIndex(examples, bulkEmbed, { heads: heads?.heads ?? {} });
    if (closed) return;
    if (index) {
      bank = index;
      const withHead = index.visitor.head !== undefined;
      log.info(
        {
          embeddings: {
            examples: index.visitor.examples.length + index.bot.examples.length,
            trainedHead: withHead,
            tookMs: Date.now() - startedAt,
          },
        },
        'example bank ready: turns are judged by meaning too',
      );
      if (!withHead)
        log.warn(
          { embeddings: { model: embeddings.model } },
          'no trained head for this embeddings model (npm run calibrate trains one): nearest examples decide alone',
        );
      else if (heads?.isStale)
        log.warn({ embeddings: { model: embeddings.model } }, 'the example bank changed since its head was trained: run npm run calibrate');
      return;
    }
    log.warn(
      { embeddings: { retryInMs: waitMs } },
      'example bank not built yet (embeddings service unavailable): turns are judged by the rules alone',
    );
    retryTimer = setTimeout(() => void buildBank(Math.min(waitMs * 2, 60_000)), waitMs);
    retryTimer.unref();
  }

  function siteIndex(site: Site): Promise<MeaningIndex | null> {
    const key = siteKey(site);
    let built = siteIndexes.get(key);
    if (!built) {
      if (siteIndexes.size >= MAX_SITE_INDEXES) siteIndexes.delete(siteIndexes.keys().next().value!);
      const examples = siteExamples(site.config.triggers.semantic.examples);
      built =
        examples.length === 0
          ? Promise.resolve({ visitor: { examples: [], vectors: [] }, bot: { examples: [], vectors: [] } })
          : buildMeaningIndex(examples, bulkEmbed);
      // A failed build is forgotten, so the next message tries again.
      void built.then((index) => {
        if (index === null && siteIndexes.get(key) === built) siteIndexes.delete(key);
      });
      siteIndexes.set(key, built);
    }
    return built;
  }

  /** The site's index if it is there within the live deadline; the build goes on for the next message. */
  async function siteIndexInTime(site: Site): Promise<MeaningIndex | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((done) => {
      timer = setTimeout(() => done(null), options.liveDeadlineMs);
    });
    try {
      return await Promise.race([siteIndex(site), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    start() {
      if (isOff || bankStarted) return;
      bankStarted = true;
      void buildBank(options.bankRetryMs ?? 5_000).catch((error: unknown) =>
        log.warn(
          { embeddings: { error: (error as Error).message } },
          'example bank could not be loaded: turns are judged by the rules alone',
        ),
      );
    },
    async attach(site, turns) {
      if (bank === null || !site.config.triggers.semantic.enabled || turns.length === 0) return [...turns];
      // One deadline for both: the site's own index (usually built already) and the turns' vectors,
      // which land in the live cache, so withMeanings below sends nothing more.
      const [own, vectors] = await Promise.all([siteIndexInTime(site), liveEmbed(textsToEmbed(turns))]);
      if (vectors === null) return [...turns];
      try {
        return await withMeanings(turns, own ? joinIndexes(bank, own) : bank, liveEmbed);
      } catch (error) {
        log.warn({ embeddings: { error: (error as Error).message } }, 'meanings not attached: rules only for this turn');
        return [...turns];
      }
    },
    async vectors(site, texts) {
      if (isOff || !site.config.triggers.semantic.enabled || texts.length === 0) return null;
      try {
        return await liveEmbed([...texts]);
      } catch (error) {
        log.warn({ embeddings: { error: (error as Error).message } }, 'vectors not had: facts-only repeat explanation for this turn');
        return null;
      }
    },
    prepare(site) {
      if (!isOff && site.config.triggers.semantic.enabled) void siteIndex(site);
    },
    status() {
      return { ...embeddings.status(), exampleBank: isOff ? 'off' : bank ? 'ready' : 'loading' };
    },
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}
