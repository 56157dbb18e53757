import { findInClauses, phraseSource, wordRegex } from './phrase-index';
import { splitClauses, wordsOf } from './text';

/**
 * The visitor taking back what they asked ("never mind, found it", "laat maar, we houden hem",
 * "esquece"): a case still waiting for its facts, or a request for a person, is dropped. Phrases
 * that withdraw wherever they stand, unless negated ("I haven't found it"); and short words that
 * withdraw only as a clause of their own ("egal." — not "egal was ich mache, es geht nicht").
 */
const PHRASES = [
  // en
  'never mind',
  'nevermind',
  'nvm',
  'forget it',
  'forget about it',
  'no need anymore',
  "don't need it anymore",
  "i'll keep it",
  "we'll keep it",
  "i'm keeping it",
  "we're keeping it",
  'i found it',
  'oh found it',
  'ah found it',
  'just found it',
  'figured it out',
  'sorted it',
  'all sorted',
  'it works now',
  "it's working now",
  'cancel that',
  // es
  'olvidalo',
  'olvidelo',
  'dejalo',
  'dejelo',
  'ya no hace falta',
  'no hace falta',
  'ya no lo necesito',
  'ya lo encontre',
  'ya funciona',
  'me lo quedo',
  'me la quedo',
  'nos lo quedamos',
  'ya lo solucione',
  'da igual',
  // fr
  'laisse tomber',
  'laissez tomber',
  'oubliez ca',
  'oublie ca',
  'pas besoin finalement',
  'plus besoin',
  'ca marche maintenant',
  'je le garde',
  'je la garde',
  'on le garde',
  'on la garde',
  "j'ai trouve",
  'tant pis',
  'finalement non',
  // de
  'vergiss es',
  'vergessen sie es',
  'schon gut',
  'hat sich erledigt',
  'funktioniert jetzt wieder',
  'geht jetzt wieder',
  'ich behalte',
  'wir behalten',
  'habs gefunden',
  'hab es gefunden',
  'passt schon',
  'nicht mehr notig',
  // pt
  'esquece',
  'esqueca',
  'deixa pra la',
  'deixa para la',
  'ja resolvi',
  'ja funcionou',
  'nao precisa mais',
  'vou ficar com',
  'ja achei',
  'ja encontrei',
  // it
  'lascia stare',
  'lascia perdere',
  'lasci perdere',
  'lasci stare',
  'non importa',
  'fa niente',
  'ho risolto',
  'tutto risolto',
  'ora funziona',
  "l'ho trovato",
  "l'ho trovata",
  'non serve piu',
  // nl
  'laat maar',
  'laat ook maar',
  'vergeet het',
  'hoeft niet meer',
  'is gelukt',
  'doet het weer',
  'werkt weer',
  'werkt nu weer',
  'we houden hem',
  'we houden het',
  'ik houd hem',
  'ik hou hem',
  'al gevonden',
  'heb het gevonden',
];
const ANYWHERE = wordRegex(PHRASES.map(phraseSource));
const ALONE = new Set(['egal', 'ist egal', 'auch egal', 'nada', 'niente', 'rien', 'nichts', 'niets', 'laisse', 'deixa', 'dejalo']);
const INTERJECTIONS = new Set([
  'ah',
  'oh',
  'ok',
  'okay',
  'oke',
  'ach',
  'na',
  'bon',
  'ben',
  'pues',
  'bueno',
  'ja',
  'nee',
  'no',
  'non',
  'nein',
  'schade',
  'uff',
  'pfff',
]);

/** A clause that is nothing but a withdrawing word, perhaps after "ah", "ok", "bon"… */
function isAloneWithdrawal(clause: string): boolean {
  const words = wordsOf(clause);
  let from = 0;
  while (from < words.length - 1 && INTERJECTIONS.has(words[from] ?? '')) from++;
  return ALONE.has(words.slice(from).join(' '));
}

/** The withdrawing words of a normalized message, or null when it withdraws nothing. */
export function findWithdrawal(normalized: string): string | null {
  const clauses = splitClauses(normalized);
  const hit = ANYWHERE ? findInClauses(ANYWHERE, clauses) : null;
  if (hit && !hit.isNegated) return hit.evidence;
  return clauses.find(isAloneWithdrawal)?.trim() ?? null;
}
