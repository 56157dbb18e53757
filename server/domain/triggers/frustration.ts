import type { CompiledTriggers } from './compile';
import type { AnalyzedText } from './phrase-index';

export interface FrustrationHit {
  evidence: string;
  isUrgent: boolean;
}

const REPEATED_PUNCTUATION = /[!?]{3,}|!{2,}|\?!|!\?/u;
const GRATITUDE =
  /(?<![\p{L}])(?:thanks|thank you|thx|great|awesome|perfect|love|amazing|gracias|merci|danke|obrigad[oa]|genial|super)(?![\p{L}])/u;

function isShouting(original: string): boolean {
  if (!/\p{Lu}{3}/u.test(original)) return false;
  const letters = original.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 10) return false;
  const upper = original.match(/\p{Lu}/gu)?.length ?? 0;
  const loudWords = original.match(/(?<![\p{L}])\p{Lu}{3,}(?![\p{L}])/gu)?.length ?? 0;
  return upper / letters >= 0.7 && loudWords >= 2;
}

/**
 * Strong signals (a frustration phrase, "urgent", profanity) fire alone. Shouting and "!!!" are
 * weak: one alone is emphasis, both together are frustration, and neither counts next to thanks
 * ("THANK YOU SO MUCH!!!").
 */
export function detectFrustration(original: string, text: AnalyzedText, compiled: CompiledTriggers): FrustrationHit | null {
  const settings = compiled.config.frustration;
  const urgent = compiled.frustration.urgent.find(text);
  if (urgent && !urgent.isNegated) return { evidence: urgent.evidence, isUrgent: true };
  for (const matcher of [compiled.frustration.phrases, compiled.frustration.profanity]) {
    const hit = matcher.find(text);
    if (hit && !hit.isNegated) return { evidence: hit.evidence, isUrgent: false };
  }
  if (GRATITUDE.test(text.normalized)) return null;
  const weak: string[] = [];
  if (settings.shouting && isShouting(original)) weak.push('shouting');
  const punctuation = settings.repeatedPunctuation ? REPEATED_PUNCTUATION.exec(original) : null;
  if (punctuation) weak.push(punctuation[0]);
  return weak.length >= 2 ? { evidence: weak.join(' + '), isUrgent: false } : null;
}
