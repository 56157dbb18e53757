import { departmentAskedFor } from './department';
import { findMalfunction } from './malfunction';
import type { PolicyTopic } from '../../../shared/config/triggers';
import type { CompiledTriggers } from './compile';
import type { AnalyzedText } from './phrase-index';
import { splitClauses } from './text';

export interface TopicMatch {
  topic: PolicyTopic;
  evidence: string;
}

// A quoted name: "vendete il romanzo 'L'avvocato di strada'?", "eine Kategorie 'Beschwerde' anlegen?"
const QUOTED = /"[^"]{1,200}"|«[^»]{1,200}»|(?<![\p{L}\p{N}])'(?:[^']|'(?=\p{L})){1,200}'(?![\p{L}\p{N}])/gu;

/** The text with quoted spans blanked out: in a question, a topic word in quotes names something, it is no case. */
export function withoutQuotes(text: AnalyzedText): AnalyzedText {
  if (!/["'«]/.test(text.normalized)) return text;
  const blanked = text.normalized.replace(QUOTED, (q) => ' '.repeat(q.length));
  return blanked === text.normalized ? text : { ...text, normalized: blanked, clauses: splitClauses(blanked) };
}

/** Policy topics raised in these clauses; "unless" words in the same clause make it a policy question. */
export function findPolicyTopics(text: AnalyzedText, compiled: CompiledTriggers): TopicMatch[] {
  const found: TopicMatch[] = [];
  for (const { topic, keywords, unless } of compiled.topics) {
    if (!keywords.find(text)) continue;
    for (const clause of text.clauses) {
      const hit = keywords.find(text, { clauses: [clause] });
      if (!hit || hit.isNegated || unless.find(text, { clauses: [clause], isNegationAware: false })) continue;
      found.push({ topic, evidence: hit.evidence });
      break;
    }
  }
  return found;
}

/** The first issue type (in config order) the clauses mention, for routing; null when none. */
/** The default configuration's issue types for things that do not work and for money (shared/config/triggers.ts). */
const TECHNICAL = 'technical';
const BILLING = 'billing';

const ACCOUNT = 'account';
const OUTAGE = /(?:down|outage|storing|storung|timeouts?|time out|50[234]|bad gateway|service unavailable|gateway timeout)$/u;

// Words of the technical team that also fall on invoices ("an error on my invoice" is billing's).
const GENERIC_TECHNICAL = /^(?:error\w*|erro|erros|errore|errori|erreur\w*|fehler|fout\w*|fail\w*|stuck)$/u;

export function findIntentCategory(text: AnalyzedText, compiled: CompiledTriggers): string | null {
  const found = compiled.intents.flatMap(({ intent, keywords }) => {
    const hit = keywords.find(text);
    return hit && !hit.isNegated ? [{ id: intent.id, evidence: hit.evidence }] : [];
  });
  const hits = found.map((h) => h.id);
  const team = departmentAskedFor(text.normalized);
  if (team !== null && compiled.intents.some((i) => i.intent.id === team)) return team;
  const onlyMoneyAndTechnical = hits.includes(BILLING) && hits.every((h) => h === BILLING || h === TECHNICAL);
  // "zahlung funktioniert nicht", "le paiement ne marche toujours pas": a payment that does not work is the
  // technical team's; so is a sync or a connector of invoices ("la integración sincroniza las facturas?",
  // "webhook do payment event não dispara"). "An error on my invoice" stays billing.
  const doesNotWork = findMalfunction(text.normalized) !== null;
  const technical = found.find((h) => h.id === TECHNICAL);
  const isSpecific = technical !== undefined && !GENERIC_TECHNICAL.test(technical.evidence);
  if (onlyMoneyAndTechnical && (doesNotWork || isSpecific)) return TECHNICAL;
  // "ist eure Plattform gerade down? bekomme 502 beim Login": an outage, not the visitor's account.
  if (technical && OUTAGE.test(technical.evidence) && hits.every((h) => h === ACCOUNT || h === TECHNICAL)) return TECHNICAL;
  return hits[0] ?? null;
}

/**
 * Something that stopped working in words no keyword lists ("sigue sin funcionar", "geht IMMER NOCH
 * nicht"): a hint of the issue type, like one found by meaning — a topic the meaning found (a
 * site's "warranty" taught by example) still names the matter before it.
 */
export function malfunctionCategory(text: AnalyzedText, compiled: CompiledTriggers): string | null {
  const hasTechnical = compiled.intents.some((i) => i.intent.id === TECHNICAL);
  return hasTechnical && findMalfunction(text.normalized) !== null ? TECHNICAL : null;
}
