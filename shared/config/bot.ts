import * as z from 'zod/mini';
import { widgetLocales } from '../widget-locales';

const EntryId = z.string().check(z.regex(/^[a-z0-9_-]{1,64}$/));

const Locale = z.enum(widgetLocales);

/** An article in one language; articles that share an id are translations of one answer (and one intent). */
export const KnowledgeBaseEntry = z.object({
  id: EntryId,
  /** The language of the question and answer: visitors are answered from their language's articles first, then from English. */
  locale: z._default(Locale, 'en'),
  question: z.string().check(z.minLength(1), z.maxLength(500)),
  answer: z.string().check(z.minLength(1), z.maxLength(2000)),
  /** Reported to the trigger engine and the case package; the entry id when absent. */
  intent: z.optional(EntryId),
  /** Extra words and phrases visitors use for this question ("send back", "exchange"). */
  keywords: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(40))),
  /** A topic the bot must not answer: the answer says so, and the reply counts as a fallback. */
  outOfScope: z.optional(z.boolean()),
  /** 'site_hours': the answer is written from the site's configured hours, in the visitor's zone and language; `answer` is only shown in Settings. */
  answerFrom: z.optional(z.literal('site_hours')),
});
export type KnowledgeBaseEntry = z.infer<typeof KnowledgeBaseEntry>;
export type KnowledgeBaseEntryInput = z.input<typeof KnowledgeBaseEntry>;

// Site-independent answers only: a day-one bot must not invent facts about a shop it does not know.
export const defaultKnowledgeBaseEntries: KnowledgeBaseEntry[] = [
  {
    id: 'about_bot',
    locale: 'en',
    question: 'Are you a bot? What can you do?',
    answer: "I'm an automated assistant. I can answer common questions, and I can bring in a person from the team whenever you ask.",
    intent: 'about_bot',
    keywords: ['bot', 'robot', 'automated', 'assistant', 'ai', 'chatbot'],
  },
  {
    id: 'about_bot',
    locale: 'es',
    question: '¿Eres un bot? ¿Qué puedes hacer?',
    answer: 'Soy un asistente automático. Respondo preguntas frecuentes y puedo pasarte con una persona del equipo cuando quieras.',
    intent: 'about_bot',
    keywords: ['bot', 'robot', 'automático', 'asistente', 'ia', 'máquina'],
  },
  {
    id: 'about_bot',
    locale: 'fr',
    question: 'Êtes-vous un robot ? Que pouvez-vous faire ?',
    answer:
      "Je suis un assistant automatique. Je réponds aux questions courantes et je peux faire venir une personne de l'équipe quand vous le souhaitez.",
    intent: 'about_bot',
    keywords: ['bot', 'robot', 'automatique', 'assistant', 'ia', 'machine'],
  },
  {
    id: 'about_bot',
    locale: 'de',
    question: 'Bist du ein Bot? Was kannst du?',
    answer:
      'Ich bin ein automatischer Assistent. Ich beantworte häufige Fragen und hole jederzeit eine Person aus dem Team dazu, wenn Sie möchten.',
    intent: 'about_bot',
    keywords: ['bot', 'roboter', 'automatisch', 'assistent', 'ki', 'maschine'],
  },
  {
    id: 'about_bot',
    locale: 'pt',
    question: 'É um bot? O que consegue fazer?',
    answer: 'Sou um assistente automático. Respondo a perguntas frequentes e posso chamar uma pessoa da equipa sempre que quiser.',
    intent: 'about_bot',
    keywords: ['bot', 'robô', 'automático', 'assistente', 'ia', 'máquina'],
  },
];

const ReplyText = z.string().check(z.minLength(1), z.maxLength(500));
const PerLocaleReply = z
  .partialRecord(Locale, ReplyText)
  .check(z.refine((texts) => Object.keys(texts).length > 0, 'Give the reply in at least one language.'));
export type LocalizedReply = string | Partial<Record<(typeof widgetLocales)[number], string>>;

export const defaultFallbackReply: LocalizedReply = {
  en: "I'm not sure I have the right answer to that. Would you like to talk to a person from our team?",
  es: 'No estoy seguro de tener la respuesta correcta. ¿Quieres hablar con una persona de nuestro equipo?',
  fr: "Je ne suis pas sûr d'avoir la bonne réponse. Voulez-vous parler à une personne de notre équipe ?",
  de: 'Ich bin nicht sicher, ob ich darauf die richtige Antwort habe. Möchten Sie mit einer Person aus unserem Team sprechen?',
  pt: 'Não tenho a certeza de ter a resposta certa. Quer falar com uma pessoa da nossa equipa?',
};

/** The default when the site hands nothing to people: no offer of a person that cannot be kept. */
export const defaultFallbackReplyWithoutPeople: LocalizedReply = {
  en: "I'm not sure I have the right answer to that. Could you put it another way?",
  es: 'No estoy seguro de tener la respuesta correcta. ¿Podrías decirlo de otra manera?',
  fr: "Je ne suis pas sûr d'avoir la bonne réponse. Pourriez-vous le formuler autrement ?",
  de: 'Ich bin nicht sicher, ob ich darauf die richtige Antwort habe. Können Sie es anders formulieren?',
  pt: 'Não tenho a certeza de ter a resposta certa. Pode dizê-lo de outra forma?',
};

export const KnowledgeBaseBotConfig = z.object({
  kind: z.literal('knowledge_base'),
  entries: z._default(
    z.array(KnowledgeBaseEntry).check(
      z.maxLength(500),
      z.refine(
        (entries) => new Set(entries.map((e) => `${e.locale}:${e.id}`)).size === entries.length,
        'Entry ids must be unique within a language.',
      ),
    ),
    defaultKnowledgeBaseEntries,
  ),
  /** One text for every language, or one per language (English, then the first given, when the visitor's is missing). */
  fallbackReply: z._default(z.union([ReplyText, PerLocaleReply]), defaultFallbackReply),
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

const ToolName = z.string().check(
  z.regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/),
  z.refine((n) => n !== 'hand_off', 'hand_off is built in'),
);

/** A function the site lets the model call; the site's tools webhook answers it (signed like the bot webhook). */
export const AgentTool = z.object({
  name: ToolName,
  description: z.string().check(z.minLength(1), z.maxLength(1000)),
  /** JSON Schema of the arguments (an object schema). */
  parameters: z._default(z.record(z.string(), z.unknown()), { type: 'object', properties: {} }),
});
export type AgentTool = z.infer<typeof AgentTool>;

/**
 * An AI agent on any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, Ollama,
 * vLLM, LM Studio…), grounded in the site's knowledge base, hours and queues. The API key is not
 * part of this document: it is written on its own, stored encrypted and never read back.
 */
export const OpenAiBotConfig = z.object({
  kind: z.literal('openai'),
  /** Up to the version segment: https://api.openai.com/v1, http://127.0.0.1:11434/v1, https://NAME.openai.azure.com/openai/v1. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  model: z.string().check(z.minLength(1), z.maxLength(200)),
  /** How the key is sent: 'bearer' (Authorization header) or 'api-key' (Azure OpenAI). */
  auth: z._default(z.enum(['bearer', 'api-key']), 'bearer'),
  /** The site's own instructions: tone, what to say and not say. */
  instructions: z._default(z.string().check(z.maxLength(4000)), ''),
  temperature: z._default(z.number().check(z.gte(0), z.lte(2)), 0.3),
  maxTokens: z._default(z.number().check(z.int(), z.gte(16), z.lte(4000)), 500),
  /** How many best-matching knowledge-base articles go into each prompt. */
  articles: z._default(z.number().check(z.int(), z.gte(0), z.lte(10)), 4),
  /** The knowledge base the agent is grounded in (the same articles the built-in bot answers from). */
  entries: z._default(z.array(KnowledgeBaseEntry).check(z.maxLength(500)), defaultKnowledgeBaseEntries),
  tools: z._default(z.array(AgentTool).check(z.maxLength(20)), []),
  /** Where site tools are answered: POST { tool, arguments, conversationId } -> { result } or { error }. */
  toolsUrl: z._default(z.nullable(z.url({ protocol: /^https?$/ })), null),
  firstTokenTimeoutMs: z._default(z.number().check(z.int(), z.gte(500), z.lte(60_000)), 10_000),
  idleTimeoutMs: z._default(z.number().check(z.int(), z.gte(500), z.lte(60_000)), 8_000),
  totalTimeoutMs: z._default(z.number().check(z.int(), z.gte(1000), z.lte(120_000)), 45_000),
  toolTimeoutMs: z._default(z.number().check(z.int(), z.gte(100), z.lte(30_000)), 5_000),
  /** Per site and UTC day; past either the bot hands off with a clear reason. */
  budget: z._default(
    z.object({
      requestsPerDay: z._default(z.number().check(z.int(), z.gte(1)), 2_000),
      tokensPerDay: z._default(z.number().check(z.int(), z.gte(1000)), 2_000_000),
    }),
    { requestsPerDay: 2_000, tokensPerDay: 2_000_000 },
  ),
  /** The case package's summary and suggested first reply written by the model (the templates stay the fallback). */
  writeCaseNotes: z._default(z.boolean(), true),
});
export type OpenAiBotConfig = z.infer<typeof OpenAiBotConfig>;

export const BotConfig = z.discriminatedUnion('kind', [KnowledgeBaseBotConfig, WebhookBotConfig, OpenAiBotConfig]);
export type BotConfig = z.infer<typeof BotConfig>;
