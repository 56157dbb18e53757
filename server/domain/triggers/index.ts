import type { SiteConfig } from '../../../shared/site-config';
import type { HandoffDecision, HandoffInput } from '../handoff-decision';
import { compileTriggers } from './compile';
import { applyTurn, type ConversationState, startConversation } from './conversation-state';
import { decisionFrom, isEscalating } from './decide';
import { foldTurns } from './fold-cache';

export { triggerStrength } from './decide';

function start(input: HandoffInput, config: SiteConfig): ConversationState {
  return startConversation(input.visitor, input.facts ?? {}, compileTriggers(config.triggers));
}

/** The decision after the last turn, over the whole conversation so far. */
export function decideHandoff(input: HandoffInput, config: SiteConfig): HandoffDecision {
  const state = foldTurns(compileTriggers(config.triggers), input.visitor, input.facts ?? {}, input.turns);
  return decisionFrom(state, config);
}

export interface ReplayResult {
  /** The decision at the turn it escalated, or after the last turn when it never did. */
  decision: HandoffDecision;
  /** Index of the turn after which it first escalated; null when it never did (or there are no turns). */
  atTurn: number | null;
}

/** Walks the turns as they happened and stops at the first escalation. */
export function replayConversation(input: HandoffInput, config: SiteConfig): ReplayResult {
  const state = start(input, config);
  for (const [index, turn] of input.turns.entries()) {
    applyTurn(state, turn);
    if (isEscalating(state, config)) return { decision: decisionFrom(state, config), atTurn: index };
  }
  return { decision: decisionFrom(state, config), atTurn: null };
}
