/**
 * The visitor saying they already did what the bot suggests, or sent it themselves: "Already on 4.2.1,
 * I've also reinstalled", "ya lo he reiniciado", "c'est celui que je vous ai envoyé dans mon premier
 * message", "den Artikel hatte ich dir selbst verlinkt", "já fiz isso". A sign that the bot is going
 * in circles; alone it is a fact ("already found it, thanks"). Reads normalized text.
 */
// "al" (Dutch) is also the Spanish and Italian article, "ja" (Portuguese já) German and Dutch "yes": both
// only right before their verb ("al gedaan", "já fiz").
const ALREADY = "(?:(?:already|ya|deja|schon|bereits|gia)\\s+(?:[\\p{L}']+\\s+){0,3}|(?:al|ja)\\s+)";
const DONE =
  '(?:done|did|tried|read|sent|checked|restarted|reinstalled|updated|cleared|hecho|probado|intentado|leido|enviado|mandado|reiniciado|reinstalado|' +
  'fait|essaye|lu|envoye|redemarre|reinstalle|gemacht|probiert|versucht|gelesen|geschickt|verlinkt|neu gestartet|neu installiert|' +
  'fiz|feito|tentei|testei|li|mandei|enviei|reiniciei|reinstalei|fatto|provato|letto|mandato|inviato|riavviato|reinstallato|' +
  'gedaan|geprobeerd|gelezen|gestuurd|herstart|opnieuw geinstalleerd)';
const ALREADY_DONE = `(?<![\\p{L}])${ALREADY}${DONE}(?![\\p{L}])`;
// "Already on 4.2.1": the version the bot asks for.
const ALREADY_ON_VERSION = '(?<![\\p{L}])(?:already|ya|deja|schon|bereits|gia|al|ja)\\s+(?:on|en|sur|auf|em|su|op)\\s+v?\\d';
const MY_FIRST_MESSAGE =
  '(?<![\\p{L}])(?:(?:my|mon|mi|meiner|meinem|mijn)\\s+(?:first|premier|primer|ersten|eerste)|minha\\s+primeira|(?:mio|il mio)\\s+primo)\\s+' +
  '(?:message|mensaje|nachricht|mensagem|messaggio|bericht)(?![\\p{L}])';
const TRIED = new RegExp(`${ALREADY_DONE}|${ALREADY_ON_VERSION}|${MY_FIRST_MESSAGE}`, 'u');

export function findAlreadyTried(normalized: string): string | null {
  return TRIED.exec(normalized)?.[0] ?? null;
}
