import type { HandoffDecision } from './handoff-decision';

/** A human-request escalation to General, for tests to vary one field at a time. */
export const aDecision = (over: Partial<HandoffDecision> = {}): HandoffDecision => ({
  escalate: true,
  triggers: [{ trigger: 'human_request', evidence: 'talk to a person' }],
  primaryTrigger: 'human_request',
  queue: 'general',
  routingRule: 'default',
  urgency: 'normal',
  missingFacts: [],
  askForFacts: [],
  offerHuman: false,
  topic: null,
  intent: 'general_question',
  facts: {},
  ...over,
});
