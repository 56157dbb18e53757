/** Facts the engine can pull out of a visitor's words; keys are shared with the case package. */
export type FactName = 'email' | 'phone' | 'orderNumber' | 'amount';

export interface ExtractOptions {
  /**
   * Facts the bot has just asked for. A bare reference ("it's 48213") only counts as an
   * order number when the visitor is answering that question; elsewhere it is just a number.
   */
  expecting?: readonly string[];
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
// A booking reference is a travel shop's order number.
const ORDER_WORD =
  '(?:order|pedido|commande|bestellung|bestellnummer|encomenda|auftrag|bestelling|bestelnummer|ordernummer|ordine|' +
  'booking|reservation|reserva|buchung|buchungsnummer|boeking|boekingsnummer|reservering|prenotazione)';
const ORDER_FILLER = String.raw`(?:\s*(?:number|num|no\.?|nr\.?|n[°º]|id|is|was|ref|reference|numero|número|#|:|=|de|d'|du))*`;
const ORDER_AFTER_WORD = new RegExp(`(?<![\\p{L}])${ORDER_WORD}${ORDER_FILLER}\\s*#?\\s*([\\p{L}\\p{N}][\\p{L}\\p{N}-]{2,31})`, 'giu');
const ORDER_HASH = /(?<![\p{L}\p{N}])#\s?([\p{L}\p{N}-]*\d[\p{L}\p{N}-]*)/gu;
const ORDER_CODE = /(?<![\p{L}\p{N}-])([A-Z]{2,5}-\d{3,}(?:-[A-Z0-9]+)*)(?![\p{L}\p{N}])/gu;
const DATE_LIKE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;
const BARE_REFERENCE = /(?<![\p{L}\p{N}@.-])#?([A-Z0-9]*\d{3,}[A-Z0-9-]*)(?![\p{L}\p{N}@])/giu;
const PHONE = /(?<![\p{L}\p{N}+])(\+?\d[\d\s().-]{5,20}\d)(?![\p{L}\p{N}])/gu;
const PHONE_CONTEXT = /\b(?:phone|tel|telephone|mobile|cell|call me|whatsapp|teléfono|telefono|téléphone|telefon|handy|número|numero)\b/iu;
const AMOUNT = new RegExp(
  String.raw`(?:([$€£])\s?(\d{1,3}(?:[.,\s]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?))` +
    String.raw`|(?:(\d{1,3}(?:[.,\s]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s?(€|\$|£|eur|euros?|usd|dollars?|gbp|pounds?)(?![\p{L}]))`,
  'iu',
);
const CURRENCY: Record<string, string> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  gbp: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
};

const hasDigit = (s: string): boolean => /\d/.test(s);
const digitsOf = (s: string): string => s.replace(/\D/g, '');

function findOrderNumber(text: string, isExpected: boolean): string | undefined {
  for (const pattern of [ORDER_AFTER_WORD, ORDER_HASH, ORDER_CODE]) {
    for (const m of text.matchAll(pattern)) {
      const value = m[1];
      if (value && hasDigit(value)) return value.replace(/-+$/, '').toUpperCase();
    }
  }
  if (!isExpected) return undefined;
  for (const m of text.matchAll(BARE_REFERENCE)) {
    const value = m[1];
    if (value && !DATE_LIKE.test(value)) return value.toUpperCase();
  }
  return undefined;
}

function findAmount(text: string): string | undefined {
  const m = AMOUNT.exec(text);
  if (!m) return undefined;
  const symbol = (m[1] ?? m[4] ?? '').toLowerCase();
  const figure = (m[2] ?? m[3] ?? '').replace(/\s/g, '');
  return `${figure} ${CURRENCY[symbol] ?? symbol.toUpperCase()}`;
}

function findPhone(text: string, taken: readonly string[]): string | undefined {
  const hasContext = PHONE_CONTEXT.test(text);
  for (const m of text.matchAll(PHONE)) {
    const raw = m[1] ?? '';
    const digits = digitsOf(raw);
    if (digits.length < 7 || digits.length > 15 || DATE_LIKE.test(raw.trim())) continue;
    if (taken.some((t) => digitsOf(t) === digits)) continue;
    const looksDialled = raw.startsWith('+') || /[\s().-]/.test(raw) || digits.length >= 10;
    if (looksDialled || hasContext) return (raw.startsWith('+') ? '+' : '') + digits;
  }
  return undefined;
}

/** Pulls email, phone, order number and amount from one message; absent facts are left out. */
export function extractFacts(text: string, options: ExtractOptions = {}): Record<string, string> {
  const facts: Record<string, string> = {};
  // Every fact but the email needs a digit; most messages have none, so skip the scans.
  if (!/\d/.test(text) && !text.includes('@')) return facts;
  const email = text.includes('@') ? EMAIL.exec(text)?.[0] : undefined;
  if (email) facts.email = email.toLowerCase();
  const rest = email ? text.replace(email, ' ') : text;
  const amount = findAmount(rest);
  if (amount) facts.amount = amount;
  const withoutAmount = amount ? rest.replace(AMOUNT, ' ') : rest;
  const isOrderExpected = options.expecting?.includes('orderNumber') ?? false;
  const order = findOrderNumber(withoutAmount, isOrderExpected && !PHONE_CONTEXT.test(withoutAmount));
  if (order) facts.orderNumber = order;
  const phone = findPhone(withoutAmount, order ? [order] : []);
  if (phone) facts.phone = phone;
  return facts;
}

/** Later facts win: a visitor who corrects an email or order number means the new one. */
export function mergeFacts(known: Readonly<Record<string, string>>, found: Readonly<Record<string, string>>): Record<string, string> {
  return { ...known, ...found };
}
