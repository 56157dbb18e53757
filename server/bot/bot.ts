import type { BotWebhookVisitor } from '../../shared/bot-webhook';
import type { Schedule } from '../../shared/config/hours';
import type { WidgetLocale } from '../../shared/widget-locales';
import type { CaseNotes, CaseNotesInput } from '../domain/agent/case-notes';
import type { Turn } from '../domain/handoff-decision';

export type BotVisitor = BotWebhookVisitor;

export interface BotInput {
  siteId: string;
  conversationId: string;
  turns: Turn[];
  visitor: BotVisitor;
  /** The conversation's language (what the widget shows); from visitor.locale when absent. */
  locale?: WidgetLocale;
  /** The site's people's hours now, for answers about them; the visitor's zone when known. */
  hours?: { schedule: Schedule; now: Date; visitorTimeZone: string | null };
  /** Whether the site hands conversations to people at all (a bot must not offer one otherwise). */
  handoffEnabled?: boolean;
}

export interface BotReply {
  /** null when the bot has nothing to say: a tool failure, or a webhook asking for a person. */
  reply: string | null;
  confidence: number | null;
  intent: string | null;
  facts: Record<string, string>;
  /** The bot itself asks for a person. */
  handoff: boolean;
  /** The reply is the bot's "I don't know" (or "I can't help with that"), not an answer. */
  fallback: boolean;
  /** The fallback stands in for an answer the bot held back as too unsure (the knowledge base's near miss). */
  unsure?: boolean;
  /** The bot's tool failed; the trigger engine hands off rather than inventing an answer. */
  toolError: boolean;
  /** What went wrong, for the case package and the logs; only with toolError. */
  error?: string;
  /** An AI agent's own two-line summary when it hands off (the case package shows it). */
  summary?: string;
  /** Why the bot asked for a person, in its words; only with handoff. */
  handoffReason?: string;
}

/** Rejects only when the caller's signal aborts (barge-in, shutdown); every other failure is a toolError reply. */
export interface Bot {
  /** `onText` receives an answer's pieces as they are generated (bots that stream); the reply holds the whole text. */
  reply(input: BotInput, signal?: AbortSignal, onText?: (delta: string) => void): Promise<BotReply>;
  /** Bots that can: the case package's summary and first reply, written by the model; null keeps the templates. */
  caseNotes?(input: CaseNotesInput & { siteId: string }): Promise<CaseNotes | null>;
}

/** A site's daily AI agent allowance, counted in the database. */
export interface AgentBudget {
  /** Null while within budget, else the reason (shown to the operator). */
  exceeded(siteId: string, limits: { requestsPerDay: number; tokensPerDay: number }): Promise<string | null>;
  record(siteId: string, requests: number, tokens: number): Promise<void>;
}

export interface BotDeps {
  siteSecret: string;
  /** The guarded outbound fetch (security/outbound-fetch.ts): a bot URL may not reach private addresses. */
  fetch: typeof fetch;
  /** Milliseconds since the epoch; the webhook signature's timestamp. */
  now?: () => number;
  /** The AI agent's API key, decrypted; null when none is set. */
  apiKey?: string | null;
  budget?: AgentBudget;
}
