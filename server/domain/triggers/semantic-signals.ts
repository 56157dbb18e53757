import type { SemanticConfig } from '../../../shared/config/semantic';
import type { CompiledTriggers } from './compile';
import { clearLabels, clearlyNot, rivalsWith, SMALL_TALK, type SemanticHit, type SemanticThreshold, type TurnMeaning } from './meaning';

/** Example labels that are reasons of their own rather than topics or routing hints. */
export const REASON_LABELS = ['human_request', 'buying_intent', 'frustration'] as const;
/** Bot-side label: the bot saying it cannot do or see what the visitor needs. */
export const BOT_CANNOT = 'bot_cannot';
/**
 * Routing hints that are no site intent: they only name the issue type. Routing labels need no
 * margin over the non-escalating examples: a product question is not a case, but still has a queue.
 */
const EXTRA_ROUTING_LABELS = ['delivery'];

/** Small talk is its own label of the bank's non-escalating examples; it wins when it is the turn's best label. */
function isSmallTalk(meaning: TurnMeaning): boolean {
  const scores = Object.entries(meaning.labels).sort(([, a], [, b]) => b.score - a.score);
  return scores[0]?.[0] === SMALL_TALK;
}

export interface VisitorReading {
  humanRequest: SemanticHit | null;
  buying: SemanticHit | null;
  frustration: SemanticHit | null;
  /** Topic ids of the site's policy topics the turn clearly raises, best first. */
  topics: SemanticHit[];
  /** The issue type for routing (an intent id, or a hint such as 'delivery'); null when unclear. */
  category: string | null;
  /** Small talk or thanks: an unsure reply to it is not a low-confidence answer. */
  isSmallTalk: boolean;
  /**
   * The reason is clear with its examples well ahead of the rivals (margins raised to `INSISTS_MARGIN`):
   * clear enough to outweigh thanks or a "never mind" in the same message ("Gracias por la guía, es la
   * misma que te pegué yo", "da igual, me rindo, cada vez me contestáis lo mismo").
   */
  insists(label: (typeof REASON_LABELS)[number]): SemanticHit | null;
  /** The reason leans this way without being clear (settings' `lean`); only counts with context beside it. */
  leans(label: (typeof REASON_LABELS)[number]): SemanticHit | null;
  /** Whether a keyword hit for this label should be dropped: the turn reads as a mention, negation or question. */
  contradicts(label: string): boolean;
}

/** How far ahead of the rivals a reason must read to outweigh thanks or a withdrawal in the same message. */
const INSISTS_MARGIN = 0.01;

/** Routing hints have their own floor (`routing`): naming a queue needs less certainty than handing off. */
const routingThresholdOf = (settings: SemanticConfig, label: string): SemanticThreshold => {
  const { min = 1, head } = settings.thresholds[label] ?? settings.thresholds.routing ?? settings.thresholds.default ?? {};
  return head === undefined ? { min, margin: -1 } : { min, margin: -1, head };
};

const thresholdsOf =
  (settings: SemanticConfig) =>
  (label: string): SemanticThreshold =>
    settings.thresholds[label] ?? settings.thresholds.default ?? { min: 1, margin: 1 };

export function readVisitorTurn(meaning: TurnMeaning, compiled: CompiledTriggers): VisitorReading {
  const settings = compiled.config.semantic;
  const thresholdOf = thresholdsOf(settings);
  const topicIds = compiled.topics.map((t) => t.topic.id);
  const routing = [...compiled.intents.map((i) => i.intent.id), ...EXTRA_ROUTING_LABELS];
  const rivals = rivalsWith(routing);
  const find = (label: string): SemanticHit | null => clearLabels(meaning, [label], thresholdOf, rivals)[0] ?? null;
  return {
    humanRequest: find('human_request'),
    buying: find('buying_intent'),
    frustration: find('frustration'),
    topics: clearLabels(meaning, topicIds, thresholdOf, rivals),
    category: clearLabels(meaning, routing, (label) => routingThresholdOf(settings, label))[0]?.label ?? null,
    isSmallTalk: isSmallTalk(meaning),
    insists: (label) => {
      const raised = (t: SemanticThreshold): SemanticThreshold => ({
        ...t,
        margin: Math.max(t.margin, INSISTS_MARGIN),
        headMargin: Math.max(t.headMargin ?? INSISTS_MARGIN, INSISTS_MARGIN),
      });
      return clearLabels(meaning, [label], (l) => raised(thresholdOf(l)), rivals)[0] ?? null;
    },
    leans: (label) => {
      const lean = settings.lean;
      if (lean === null) return null;
      // min 1: nearness alone never leans; the head weighs the whole bank, the margin keeps it honest.
      return clearLabels(meaning, [label], () => ({ min: 1, margin: 1, head: lean.head, headMargin: lean.margin }), rivals)[0] ?? null;
    },
    contradicts: (label) => settings.veto !== null && clearlyNot(meaning, label, settings.veto),
  };
}

/** The bot saying it cannot do what was asked, by meaning; null when not clear. */
export function readBotTurn(meaning: TurnMeaning, compiled: CompiledTriggers): SemanticHit | null {
  return clearLabels(meaning, [BOT_CANNOT], thresholdsOf(compiled.config.semantic))[0] ?? null;
}
