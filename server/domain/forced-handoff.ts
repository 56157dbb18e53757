import type { TriggerId } from '../../shared/entities';
import type { HandoffDecision } from './handoff-decision';

/**
 * An explicit signal outside the transcript (the "Talk to a person" button, a
 * webhook bot's handoff flag) escalates at once, keeping whatever the engine
 * already found: its queue, topic and the facts still missing.
 */
export function forceHandoff(decision: HandoffDecision, trigger: TriggerId, evidence: string): HandoffDecision {
  const others = decision.triggers.filter((t) => t.trigger !== trigger);
  return {
    ...decision,
    escalate: true,
    triggers: [{ trigger, evidence }, ...others],
    primaryTrigger: trigger,
    askForFacts: [],
    offerHuman: false,
  };
}
