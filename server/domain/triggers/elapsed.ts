/**
 * Time lost or attempts counted, in the visitor's words: "for 4 days", "al twee weken", "tutta la
 * mattinata", "seit Freitag", "4th time", "3x", "tercera vez". On its own it is a fact ("I've had the
 * lamp for 3 years"); beside a turn whose meaning leans to frustration it is how people say they are
 * fed up without saying so. Reads normalized text (lowercase, no accents).
 */
const NUMBER = [
  '\\d{1,3}',
  'a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|several',
  'un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|diez|doce|quince|veinte|varios|varias',
  'deux|trois|quatre|cinq|sept|huit|dix|douze|quinze|vingt|plusieurs',
  'ein|eine|einen|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|zwolf|zwanzig|mehrere',
  'um|uma|dois|duas|quatro|sete|oito|nove|dez|doze|vinte',
  'due|tre|quattro|cinque|sei|sette|otto|dieci|dodici|quindici|venti|vari|varie',
  'een|twee|drie|vijf|zes|zeven|negen|tien|twaalf|vijftien|twintig|meerdere|verschillende',
].join('|');

const UNIT = [
  'hours?|days?|weeks?|months?',
  'horas?|dias?|semanas?|mes|meses',
  'heures?|jours?|semaines?|mois',
  'stunden?|tagen?|tage|tag|wochen?|monate?n?',
  'ore|ora|giorni|giorno|settimane?|mesi|mese',
  'uur|uren|dagen|dag|weken|week|maanden|maand',
].join('|');

/** A whole part of a day or week lost: "all morning", "toda la tarde", "den ganzen Tag", "a manhã inteira". */
const WHOLE_SPAN =
  '(?:(?:all|the whole|the entire|toda la|todo el|toute la|tout le|den ganzen|die ganze|den halben|tutta la|tutto il|de hele|heel de|de halve)\\s+' +
  '(?:morning|afternoon|day|evening|night|week|manana|tarde|dia|noche|semana|matinee|apres-midi|journee|soiree|nuit|semaine|' +
  'vormittag|nachmittag|tag|abend|woche|mattinata|pomeriggio|giornata|serata|settimana|ochtend|middag|avond)' +
  // Portuguese says it after the noun: "a manhã inteira", "o dia todo".
  '|(?:a|o)\\s+(?:manha|tarde|noite|semana|dia)\\s+(?:inteira|inteiro|toda|todo))';

const SINCE =
  '(?:since|desde|depuis|seit|sinds|da|dal|dalla)\\s+(?:' +
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|last week|' +
  'lunes|martes|miercoles|jueves|viernes|sabado|domingo|la semana pasada|' +
  'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|la semaine derniere|' +
  'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|letzter woche|' +
  'segunda|terca|quarta|quinta|sexta|' +
  'lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|' +
  'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|vorige week|' +
  '\\d{1,2}[./]\\d{1,2}|' +
  // a time of day: "sinds half 8", "depuis 8h", "seit 8 Uhr", "desde las 8", "since 8am"
  '(?:half|las|les|as|le)\\s+\\d{1,2}(?:[:h]\\d{2})?|\\d{1,2}(?::\\d{2}|h\\d{0,2}|\\s?(?:am|pm|uhr|uur)))';

const ORDINAL =
  '\\d{1,2}(?:st|nd|rd|th|e|a|o|º|ª)?|second|third|fourth|fifth|segunda|tercera|cuarta|quinta|deuxieme|troisieme|quatrieme|' +
  'zweiten?|dritten?|vierten?|terceira|seconda|terza|quarta|tweede|derde|vierde|vijfde';
// A count of attempts: an ordinal or a number above one ("una vez", "one at a time", "2 x LED" are no count).
const COUNT =
  '[2-9]|\\d{2}|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|several|dos|tres|cuatro|cinco|seis|diez|veinte|varias|' +
  'deux|trois|quatre|cinq|dix|vingt|plusieurs|zwei|drei|vier|funf|zehn|zwanzig|mehrere|dois|duas|quatro|dez|vinte|' +
  'due|tre|quattro|cinque|dieci|venti|tante|twee|drie|vier|vijf|tien|twintig|meerdere';
const TIMES = `(?:\\d{1,2}x|(?:${ORDINAL}|${COUNT})\\s+(?:times|veces|fois|mal|male|vezes|volte|keer|keren)|(?:${ORDINAL})\\s+(?:time|vez|volta))`;

const ELAPSED = new RegExp(`(?<![\\p{L}\\p{N}])(?:(?:${NUMBER})\\s+(?:${UNIT})|${WHOLE_SPAN}|${SINCE}|${TIMES})(?![\\p{L}\\p{N}])`, 'u');

/** The time or attempts the visitor says they have spent, as written; null when none. */
// "ik geef elke 3 dagen water", "every 2 weeks": how often, not time lost.
const EVERY = /(?:every|each|cada|chaque|tous les|toutes les|alle|jeden|jede|ogni|elke|iedere|a cada)\s+$/u;

export function findElapsed(normalized: string): string | null {
  const found = ELAPSED.exec(normalized);
  if (!found) return null;
  return EVERY.test(normalized.slice(0, found.index)) ? null : found[0];
}
