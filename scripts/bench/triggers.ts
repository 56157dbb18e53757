// The trigger engine over generated conversations, against a bare lowercase+includes scan.
import { performance } from 'node:perf_hooks';
import { defaultSiteConfig } from '../../shared/site-config';
import { decideHandoff } from '../../server/domain/triggers';
import type { Row } from './stats';

export function triggersSection(rows: Row[]): void {
  const config = defaultSiteConfig();
  const texts = [
    'hi there',
    'where is my parcel',
    'I want a refund for order 48213',
    'agent please',
    'this is the third time!!!',
    'how much for 50 seats',
    'thanks, that worked',
  ];
  const conversations = Array.from({ length: 10_000 }, (_, i) => ({
    turns: Array.from({ length: 6 }, (_, t) =>
      t % 2 === 0
        ? { from: 'visitor' as const, text: texts[(i + t) % texts.length]! }
        : { from: 'bot' as const, text: 'Here is an answer.', confidence: 0.8, fallback: false, toolError: false },
    ),
    visitor: { verified: false, tags: [], attributes: {}, locale: 'en' },
  }));
  const t0 = performance.now();
  let escalated = 0;
  for (const c of conversations)
    for (let t = 1; t <= c.turns.length; t++) if (decideHandoff({ ...c, turns: c.turns.slice(0, t) }, config).escalate) escalated++;
  const engineMs = performance.now() - t0;
  const b0 = performance.now();
  let hits = 0;
  const words = ['refund', 'agent', 'human', 'person', 'seats'];
  for (const c of conversations)
    for (let t = 1; t <= c.turns.length; t++)
      for (const turn of c.turns.slice(0, t)) if (words.some((w) => turn.text.toLowerCase().includes(w))) hits++;
  const baselineMs = performance.now() - b0;
  rows.push({
    section: 'triggers',
    measured: `trigger engine, 60,000 decisions (${escalated} escalate)`,
    figure: `${engineMs.toFixed(0)} ms (${((60_000 / engineMs) * 1000).toFixed(0)}/s)`,
    baseline: `lowercase+includes scan ${baselineMs.toFixed(0)} ms (${hits} hits)`,
    ratio: engineMs / baselineMs,
  });
}
