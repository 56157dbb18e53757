// Builders shared by the trigger engine's tests; not used at run time.
import { SiteConfig, type SiteConfigInput } from '../../../shared/site-config';
import type { HandoffInput, Turn, VisitorSignals } from '../handoff-decision';

export const defaults = SiteConfig.parse({});

export const siteWith = (input: SiteConfigInput): SiteConfig => SiteConfig.parse(input);

export const anonymous: VisitorSignals = { verified: false, tags: [], attributes: {}, locale: 'en' };

export const visitor = (text: string): Turn => ({ from: 'visitor', text });

export const bot = (text: string, reported: Partial<Omit<Turn, 'from' | 'text'>> = {}): Turn => ({
  from: 'bot',
  text,
  confidence: 0.9,
  fallback: false,
  toolError: false,
  ...reported,
});

export const fallback = (text = "Sorry, I don't know that one."): Turn => bot(text, { confidence: 0.1, fallback: true });

export const conversation = (turns: Turn[], who: Partial<VisitorSignals> = {}): HandoffInput => ({
  turns,
  visitor: { ...anonymous, ...who },
});

/** A visitor saying one thing, anonymously. */
export const saying = (text: string): HandoffInput => conversation([visitor(text)]);
