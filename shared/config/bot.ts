import * as z from 'zod/mini';

const EntryId = z.string().check(z.regex(/^[a-z0-9_-]{1,64}$/));

export const KnowledgeBaseEntry = z.object({
  id: EntryId,
  question: z.string().check(z.minLength(1), z.maxLength(500)),
  answer: z.string().check(z.minLength(1), z.maxLength(2000)),
  /** Reported to the trigger engine and the case package; the entry id when absent. */
  intent: z.optional(EntryId),
  /** Extra words and phrases visitors use for this question ("send back", "exchange"). */
  keywords: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(40))),
  /** A topic the bot must not answer: the answer says so, and the reply counts as a fallback. */
  outOfScope: z.optional(z.boolean()),
});
export type KnowledgeBaseEntry = z.infer<typeof KnowledgeBaseEntry>;

// Site-independent answers only: a day-one bot must not invent facts about a shop it does not know.
export const defaultKnowledgeBaseEntries: KnowledgeBaseEntry[] = [
  {
    id: 'about_bot',
    question: 'Are you a bot? What can you do?',
    answer:
      "I'm an automated assistant. I can answer common questions, and I can bring in a person from the team whenever you ask.",
    intent: 'about_bot',
    keywords: ['bot', 'robot', 'automated', 'assistant', 'ai', 'chatbot'],
  },
];

export const KnowledgeBaseBotConfig = z.object({
  kind: z.literal('knowledge_base'),
  entries: z._default(
    z.array(KnowledgeBaseEntry).check(
      z.maxLength(500),
      z.refine((entries) => new Set(entries.map((e) => e.id)).size === entries.length, 'Entry ids must be unique.'),
    ),
    defaultKnowledgeBaseEntries,
  ),
  fallbackReply: z._default(
    z.string().check(z.minLength(1), z.maxLength(500)),
    "I'm not sure I have the right answer to that. Would you like to talk to a person from our team?",
  ),
  /** Answers below this confidence are not sent; the fallback reply is, and the turn counts as a fallback. */
  confidenceThreshold: z._default(z.number().check(z.gte(0), z.lte(1)), 0.5),
});
export type KnowledgeBaseBotConfig = z.infer<typeof KnowledgeBaseBotConfig>;

export const WebhookBotConfig = z.object({
  kind: z.literal('webhook'),
  url: z.url({ protocol: /^https?$/ }),
  timeoutMs: z._default(z.number().check(z.int(), z.gte(100), z.lte(30_000)), 4000),
});
export type WebhookBotConfig = z.infer<typeof WebhookBotConfig>;

export const BotConfig = z.discriminatedUnion('kind', [KnowledgeBaseBotConfig, WebhookBotConfig]);
export type BotConfig = z.infer<typeof BotConfig>;
