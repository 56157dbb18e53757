// The judgement's cost per visitor turn: the rules alone against the rules with the semantic layer
// (embedding the new turn through the real embeddings service, nearest examples, decision), and a
// replay of many conversations. Needs EMBEDDINGS_URL (npm run bench starts the local service).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { SiteConfig } from '../../shared/site-config';
import type { HandoffInput, Turn } from '../../server/domain/handoff-decision';
import { decideHandoff, replayConversation } from '../../server/domain/triggers';
import { loadExampleBank } from '../../server/meaning/example-bank';
import { loadHeads } from '../../server/meaning/head-file';
import { createLiveEmbed } from '../../server/meaning/live-embed';
import { buildMeaningIndex, textsToEmbed, withMeanings } from '../../server/meaning/turn-meanings';
import { createEmbeddings, loadEmbeddingsConfig } from '../../server/services/embeddings';
import { parseConversationLine } from '../triggers-replay/conversation-line';
import { ms, pct, type Row } from './stats';

const TURNS = Number(process.env.BENCH_JUDGEMENT_TURNS ?? 300);
const REPLAYS = Number(process.env.BENCH_JUDGEMENT_REPLAYS ?? 10_000);

function conversations(): HandoffInput[] {
  const file = new URL('../../test-data/judgement/calibration.jsonl', import.meta.url).pathname;
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const parsed = line.trim() === '' ? null : parseConversationLine(line);
      return parsed?.ok ? [parsed.conversation.input] : [];
    });
}

export async function judgementSection(rows: Row[]): Promise<void> {
  const config = SiteConfig.parse({});
  const embeddingsConfig = loadEmbeddingsConfig(process.env);
  if (embeddingsConfig.baseUrl === null) throw new Error('judgement bench: EMBEDDINGS_URL is not set');
  const embeddings = createEmbeddings(embeddingsConfig, { log: { info: () => {}, warn: () => {} } });
  const bank = loadExampleBank();
  const heads = loadHeads(embeddingsConfig.model, bank)?.heads ?? {};
  const index = await buildMeaningIndex(bank, (t) => embeddings.embedMany(t), { heads });
  if (index === null) throw new Error('judgement bench: the embeddings service did not answer');
  const all = conversations();
  // Each decision as the server makes it: the conversation so far, whose earlier turns the live
  // embedder (an in-memory LRU, as in the server) already holds from their own decisions, and its new
  // visitor turn embedded now through the real service, nearest examples, head, decision.
  const live = createLiveEmbed(embeddings, { deadlineMs: 5_000 });
  const semantic: number[] = [];
  const rulesOnly: number[] = [];
  const embedding: number[] = [];
  const ours: number[] = [];
  let n = 0;
  for (const c of all) {
    const sent: Turn[] = [];
    for (const turn of c.turns) {
      if (n >= TURNS) break;
      // A suffix makes every visitor text new to the service, as a visitor's message is.
      sent.push(turn.from === 'visitor' ? { ...turn, text: `${turn.text} ${n + 1}` } : turn);
      if (turn.from !== 'visitor') {
        await withMeanings(sent, index, live); // the bot reply's own decision, not timed
        continue;
      }
      n++;
      const r0 = performance.now();
      decideHandoff({ ...c, turns: sent }, config);
      rulesOnly.push(performance.now() - r0);
      // Timed in two parts: the service embedding the new texts, then everything of ours (nearest
      // examples, head, decision) with every vector at hand.
      const s0 = performance.now();
      await live(textsToEmbed(sent));
      const s1 = performance.now();
      const withMeaning = await withMeanings(sent, index, live);
      decideHandoff({ ...c, turns: withMeaning }, config);
      const s2 = performance.now();
      semantic.push(s2 - s0);
      embedding.push(s1 - s0);
      ours.push(s2 - s1);
    }
  }
  rows.push({
    section: 'judgement',
    measured: `decision per visitor turn with the semantic layer (live embedding, ${n} turns) p50 / p99`,
    figure: `${ms(pct(semantic, 50))} / ${ms(pct(semantic, 99))}`,
    baseline: `rules only ${ms(pct(rulesOnly, 50))} / ${ms(pct(rulesOnly, 99))}`,
    ratio: pct(semantic, 99) / pct(rulesOnly, 99),
  });
  rows.push({
    section: 'judgement',
    measured: 'of which the embeddings service (new texts of the turn) p50 / p99; the rest (nearest examples, head, decision) p50 / p99',
    figure: `${ms(pct(embedding, 50))} / ${ms(pct(embedding, 99))}; ${ms(pct(ours, 50))} / ${ms(pct(ours, 99))}`,
    baseline: `rules only ${ms(pct(rulesOnly, 50))} / ${ms(pct(rulesOnly, 99))}`,
    ratio: pct(ours, 99) / pct(rulesOnly, 99),
  });

  // Replay: REPLAYS conversations drawn from the calibration split, texts already embedded once
  // (the replay command's file cache), against the same replay by the rules alone.
  const cached = (texts: readonly string[]) => embeddings.embedMany(texts);
  await cached(all.flatMap((c) => c.turns.map((t) => t.text)));
  const picked = Array.from({ length: REPLAYS }, (_, i) => all[i % all.length]!);
  const p0 = performance.now();
  for (const c of picked) replayConversation({ ...c, turns: await withMeanings(c.turns, index, cached) }, config);
  const replayMs = performance.now() - p0;
  const b0 = performance.now();
  for (const c of picked) replayConversation(c, config);
  const rulesMs = performance.now() - b0;
  rows.push({
    section: 'judgement',
    measured: `replay of ${REPLAYS.toLocaleString('en')} conversations with meanings (texts in the embeddings cache)`,
    figure: `${(replayMs / 1000).toFixed(1)} s`,
    baseline: `rules only ${(rulesMs / 1000).toFixed(1)} s`,
    ratio: replayMs / rulesMs,
  });
}
