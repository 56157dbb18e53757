import type { KnowledgeBaseBotConfig } from '../../shared/config/bot';
import { pickWidgetLocale } from '../../shared/widget-locales';
import { extractFacts } from '../domain/facts';
import { answerFromKnowledgeBase } from '../domain/knowledge-base-bot';
import type { Bot, BotInput } from './bot';

export function createKnowledgeBaseBot(config: KnowledgeBaseBotConfig): Bot {
  return {
    async reply(input, signal) {
      signal?.throwIfAborted();
      const visitorTurns = input.turns.filter((t) => t.from === 'visitor');
      const question = visitorTurns.at(-1)?.text ?? '';
      const locale = input.locale ?? pickWidgetLocale(input.visitor.locale);
      const answer = answerFromKnowledgeBase(question, config, {
        locale,
        ...(input.hours ? { hours: input.hours } : {}),
        ...(input.handoffEnabled !== undefined ? { handoffEnabled: input.handoffEnabled } : {}),
      });
      return {
        reply: answer.reply,
        confidence: answer.confidence,
        intent: answer.intent,
        facts: factsFrom(visitorTurns),
        handoff: false,
        // An out-of-scope article is an answer saying what the bot cannot do (the engine reads it as
        // out of scope), not a fallback to be replaced by "I'm not sure I have the right answer".
        fallback: answer.fallback && !answer.outOfScope,
        ...(answer.heldBack ? { unsure: true } : {}),
        toolError: false,
      };
    },
  };
}

// Each reply reads the whole window again, so a turn's facts are kept rather than extracted anew
// (bounded: the oldest texts go first; a miss only costs the extraction).
const FACTS_KEPT = 5000;
const factsByText = new Map<string, Readonly<Record<string, string>>>();

function factsOf(text: string): Readonly<Record<string, string>> {
  const kept = factsByText.get(text);
  if (kept) return kept;
  const facts = Object.freeze(extractFacts(text));
  if (factsByText.size >= FACTS_KEPT) factsByText.delete(factsByText.keys().next().value as string);
  factsByText.set(text, facts);
  return facts;
}

// Later turns win: a visitor correcting their order number should replace the earlier one.
function factsFrom(visitorTurns: BotInput['turns']): Record<string, string> {
  return Object.assign({}, ...visitorTurns.map((t) => factsOf(t.text)));
}
