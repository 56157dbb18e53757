import type { FiredTrigger } from '../../shared/case-package';
import type { TriggerId, Urgency } from '../../shared/entities';
import type { TurnMeaning } from './triggers/meaning';

/** One turn as the engine sees it; bot turns carry what the bot reported. */
export interface Turn {
  from: 'visitor' | 'bot';
  text: string;
  confidence?: number;
  fallback?: boolean;
  /** The bot held back an answer it was unsure of (sending its fallback instead): a low-confidence answer. */
  unsure?: boolean;
  toolError?: boolean;
  /** What failed, with toolError ("order lookup timed out after 5 s"): the operator sees why. */
  error?: string;
  /** The bot's own reading of the visitor's need, when it has one. */
  intent?: string;
  /** How close the turn is by meaning to the example utterances; absent when the embedding service is not answering. */
  meaning?: TurnMeaning;
}

export interface VisitorSignals {
  /** Identity checked by HMAC; tags and attributes count only when true. */
  verified: boolean;
  tags: string[];
  attributes: Record<string, string | number | boolean>;
  locale: string;
  page?: string;
}

export interface HandoffInput {
  turns: Turn[];
  visitor: VisitorSignals;
  /** Facts known before these turns (e.g. a verified identity's email); the turns add to them. */
  facts?: Record<string, string>;
}

/** What the trigger engine decides after a turn. */
export interface HandoffDecision {
  escalate: boolean;
  /** Every trigger that fired, strongest first, with the words or signal that matched. */
  triggers: FiredTrigger[];
  primaryTrigger: TriggerId | null;
  queue: string;
  /** Id of the handover rule that chose the queue, or 'default'. */
  routingRule: string;
  urgency: Urgency;
  /** Facts a site rule requires that the conversation does not have yet. */
  missingFacts: string[];
  /** Non-empty when a rule needs facts before escalating: the bot should ask for these. */
  askForFacts: string[];
  /** Low confidence in 'offer' mode, and the bot's reply did not offer one already: offer a person rather than hand off. */
  offerHuman: boolean;
  /** For the visitor: "your refund"; null when there is no clear topic. */
  topic: string | null;
  /** Detected issue type, e.g. 'refund', 'billing_dispute', 'general_question'. */
  intent: string;
  /** Facts extracted from the visitor's turns so far (orderNumber, email, phone, amount...). */
  facts: Record<string, string>;
}
