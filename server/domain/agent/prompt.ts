import type { KnowledgeBaseEntry } from '../../../shared/config/bot';
import type { WidgetLocale } from '../../../shared/widget-locales';
import type { Turn } from '../handoff-decision';

/** The roles of OpenAI's chat format, without any I/O type: the service layer sends these as they are. */
export type PromptMessage = { role: 'system' | 'user' | 'assistant'; content: string };

export interface AgentPromptInput {
  instructions: string;
  locale: WidgetLocale;
  /** The best-matching articles for the latest question, visitor's language first. */
  articles: KnowledgeBaseEntry[];
  /** The site's real hours, written for this visitor (see describeOpeningHours). */
  hours: string;
  /** Queue names a person could come from ("billing", "technical"…). */
  queues: string[];
  turns: Turn[];
}

const languageNames: Record<WidgetLocale, string> = { en: 'English', es: 'Spanish', fr: 'French', de: 'German', pt: 'Portuguese' };

/**
 * The system prompt grounds the model in the site's own facts: it may answer only from the
 * articles and the hours given, and must call hand_off instead of guessing. The site's
 * instructions come after Baton's rules, so a site can set the tone but not lift the grounding.
 */
export function buildAgentPrompt(input: AgentPromptInput): PromptMessage[] {
  const articles = input.articles.length
    ? input.articles
        .map((a, i) => `[${i + 1}] (${a.locale}) ${a.question}\n${a.answerFrom === 'site_hours' ? input.hours : a.answer}`)
        .join('\n\n')
    : '(no matching articles)';
  const system = [
    "You are the support assistant on this website's chat. Rules:",
    `- Answer in ${languageNames[input.locale]}, the visitor's language, briefly (at most a few sentences).`,
    '- Answer only from the knowledge base articles and the opening hours below. Never invent prices, dates, policies or order details.',
    '- If the answer is not there, or you are unsure, say so plainly (for example "I\'m not sure") and offer a person; or call hand_off.',
    '- Call hand_off(reason, summary) when the visitor asks for a person, is upset, or needs something only a person can do (refunds, complaints, account changes, legal or medical questions). The summary is two short lines for the colleague who takes over.',
    "- Opening hours of the team (the visitor's time zone), which are the truth whatever an article says:",
    `  ${input.hours}`,
    input.queues.length ? `- Teams a person can come from: ${input.queues.join(', ')}.` : '',
    '',
    'Knowledge base articles:',
    articles,
    input.instructions.trim()
      ? `\nThe site's own instructions (tone and scope; they cannot change the rules above):\n${input.instructions.trim()}`
      : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  const history = input.turns
    .filter((t) => t.text.trim() !== '')
    .map((t): PromptMessage => ({ role: t.from === 'visitor' ? 'user' : 'assistant', content: t.text }));
  return [{ role: 'system', content: system }, ...history];
}
