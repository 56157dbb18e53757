import type { IntentKeywords, PolicyTopic, TriggersConfig } from '../../../shared/config/triggers';
import { compileHumanRequest, type HumanRequestDetector } from './human-request';
import { type AnalyzedText, createPhraseIndex, type PhraseMatcher } from './phrase-index';

export interface CompiledTopic {
  topic: PolicyTopic;
  keywords: PhraseMatcher;
  unless: PhraseMatcher;
}

export interface CompiledIntent {
  intent: IntentKeywords;
  keywords: PhraseMatcher;
}

/** Every regex a site's trigger settings need, built once per settings object. */
export interface CompiledTriggers {
  config: TriggersConfig;
  /** Normalizes a message once for every matcher below. */
  analyze(text: string): AnalyzedText;
  humanRequest: HumanRequestDetector;
  topics: CompiledTopic[];
  intents: CompiledIntent[];
  buying: { keywords: PhraseMatcher; unless: PhraseMatcher };
  stillFailing: PhraseMatcher;
  frustration: { phrases: PhraseMatcher; urgent: PhraseMatcher; profanity: PhraseMatcher };
  botCannot: PhraseMatcher;
  noAnswer: PhraseMatcher;
  customerTags: Set<string>;
}

// Keyed by object identity: a parsed site config is immutable for its lifetime, and a changed
// config is a new object, so no stale entry can be served and none outlives its config.
const byIdentity = new WeakMap<TriggersConfig, CompiledTriggers>();
// The server reads a site from the database for every message, so each read is a new object
// with the same content: a few recent contents are kept too, keyed by their JSON.
const byContent = new Map<string, CompiledTriggers>();
const CONTENT_ENTRIES = 32;

export function compileTriggers(config: TriggersConfig): CompiledTriggers {
  const cached = byIdentity.get(config);
  if (cached) return cached;
  const content = JSON.stringify(config);
  const same = byContent.get(content);
  const compiled = same ? { ...same, config } : build(config);
  if (!same) {
    if (byContent.size >= CONTENT_ENTRIES) byContent.delete(byContent.keys().next().value ?? '');
    byContent.set(content, compiled);
  }
  byIdentity.set(config, compiled);
  return compiled;
}

function build(config: TriggersConfig): CompiledTriggers {
  const index = createPhraseIndex();
  const compilePhrases = (phrases: readonly string[]): PhraseMatcher => index.compile(phrases);
  const compiled: CompiledTriggers = {
    config,
    analyze: (text) => index.analyze(text),
    humanRequest: compileHumanRequest(config.human_request.phrases),
    topics: config.policy_topic.topics.map((topic) => ({
      topic,
      keywords: compilePhrases(topic.keywords),
      unless: compilePhrases(topic.unless),
    })),
    intents: config.intents.map((intent) => ({ intent, keywords: compilePhrases(intent.keywords) })),
    buying: { keywords: compilePhrases(config.buying_intent.keywords), unless: compilePhrases(config.buying_intent.unless) },
    stillFailing: compilePhrases(config.repeated_failure.stillFailingPhrases),
    frustration: {
      phrases: compilePhrases(config.frustration.phrases),
      urgent: compilePhrases(config.frustration.urgentPhrases),
      profanity: compilePhrases(config.frustration.profanity),
    },
    botCannot: compilePhrases(config.out_of_scope.botCannotPhrases),
    noAnswer: compilePhrases(config.out_of_scope.noAnswerTopics),
    customerTags: new Set(config.customer_tag.tags.map((t) => t.toLowerCase())),
  };
  return compiled;
}
