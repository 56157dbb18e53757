import { extractFacts } from './facts';
import { dot } from './triggers/meaning';

// Repeat explanation, the failure a handoff exists to avoid: after a person took over, the visitor
// says again what the case already held, or the person asks for it. Pure; the shell calls these on
// each message written after the escalation.

const digits = (s: string) => s.replace(/\D/g, '');
const same = (key: string, a: string, b: string) =>
  key === 'phone' ? digits(a) === digits(b) : a.trim().toLowerCase() === b.trim().toLowerCase();

/** The held facts a visitor's message states again (same value as the case already had). */
export function restatedFacts(text: string, held: Readonly<Record<string, string>>): string[] {
  const found = extractFacts(text, { expecting: Object.keys(held) });
  return Object.entries(found)
    .filter(([key, value]) => held[key] !== undefined && same(key, value, held[key] ?? ''))
    .map(([key]) => key);
}

/** How an operator names each fact when asking for it (the languages the fact extractor reads). */
const FACT_WORDS: Record<string, RegExp> = {
  email: /\b(e-?mail|email address|correo|courriel|adresse e-?mail)\b/iu,
  phone: /\b(phone|telephone|mobile|cell|number to call|tel[ée]fono|t[ée]l[ée]phone|telefon)\b/iu,
  orderNumber: /\b(order|pedido|commande|bestellung|bestellnummer|encomenda)\s*(number|no\.?|nr\.?|#|id|reference|ref|num[ée]ro|n[°º])?/iu,
  amount: /\b(amount|how much|total|montant|importe|betrag)\b/iu,
};
const ASKING =
  /\?|\b(could|can|would|will) you\b|\bplease (share|send|give|provide|confirm|tell)\b|\bwhat(?:'s| is) (your|the)\b|\b(need|send me|tell me)\b/iu;

/** The held facts an operator's message asks for: the case had them, so the visitor is made to repeat. */
export function askedHeldFacts(text: string, held: Readonly<Record<string, string>>): string[] {
  if (!ASKING.test(text)) return [];
  return Object.keys(held).filter((key) => FACT_WORDS[key]?.test(text) === true);
}

/** Cosine similarity of unit vectors at or above which a visitor's later turn says the same as an earlier one. */
export const RESTATEMENT_SIMILARITY = 0.86;

/** Whether a turn (as a unit vector) means what one of the turns written to the bot meant. */
export function closeToEarlierTurn(turn: Float32Array, earlier: readonly Float32Array[], threshold = RESTATEMENT_SIMILARITY): boolean {
  return earlier.some((e) => dot(turn, e) >= threshold);
}
