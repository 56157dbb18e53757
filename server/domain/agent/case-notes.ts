import type { WidgetLocale } from '../../../shared/widget-locales';
import type { Turn } from '../handoff-decision';
import type { PromptMessage } from './prompt';

/** What the model writes for the colleague taking over: two summary lines, and a first reply to the visitor. */
export interface CaseNotes {
  summary: [string, string];
  suggestedReply: string;
}

export interface CaseNotesInput {
  turns: Turn[];
  locale: WidgetLocale;
  tone: 'friendly' | 'formal';
  /** Why the conversation was handed over (the triggers' evidence), so the notes say it. */
  reasons: string[];
}

const languageNames: Record<WidgetLocale, string> = { en: 'English', es: 'Spanish', fr: 'French', de: 'German', pt: 'Portuguese' };

export function buildCaseNotesPrompt(input: CaseNotesInput): PromptMessage[] {
  const transcript = input.turns
    .filter((t) => t.text.trim() !== '')
    .map((t) => `${t.from === 'visitor' ? 'Visitor' : 'Bot'}: ${t.text}`)
    .join('\n');
  return [
    {
      role: 'system',
      content: [
        'You prepare a handover for a support colleague who takes over this chat. Answer with JSON only:',
        '{"summary": ["<line 1: who wants what, with order numbers and facts>", "<line 2: what was tried and why a person is needed>"], "reply": "<the first message the colleague could send>"}',
        '- The summary is in English, for the colleague; each line at most 160 characters.',
        `- The reply is in ${languageNames[input.locale]}, the visitor's language, in a ${input.tone} tone, at most two sentences, and promises nothing the transcript does not support.`,
        `- Handed over because: ${input.reasons.join('; ') || 'the visitor asked for a person'}.`,
      ].join('\n'),
    },
    { role: 'user', content: transcript || '(no messages)' },
  ];
}

/** The model's JSON, checked; null for anything else, so the templates stay in place. */
export function parseCaseNotes(text: string): CaseNotes | null {
  const json = text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1);
  try {
    const value = JSON.parse(json) as { summary?: unknown; reply?: unknown };
    const lines = Array.isArray(value.summary) ? value.summary.filter((l): l is string => typeof l === 'string' && l.trim() !== '') : [];
    if (lines.length < 2 || typeof value.reply !== 'string' || value.reply.trim() === '') return null;
    const clip = (s: string, n: number) => s.trim().slice(0, n);
    return { summary: [clip(lines[0]!, 300), clip(lines[1]!, 300)], suggestedReply: clip(value.reply, 1000) };
  } catch {
    return null;
  }
}
