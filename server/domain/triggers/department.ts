/**
 * The team the visitor asks for by name: "jemand aus der Buchhaltung", "votre équipe technique peut
 * regarder mon compte ?", "is er een developer die kan meekijken?". It names the issue type before
 * any other word of the message ("…look at my account" is still the technical team's). Keys are the
 * default configuration's issue types; a site without them ignores the match. Reads normalized text.
 */
const TEAMS: Record<string, RegExp> = {
  billing: words(
    'accounts department|accounting department|finance (?:team|department)|billing (?:team|department)|' +
      'departamento (?:de contabilidad|financiero|de facturacion)|service (?:comptable|comptabilite|facturation)|' +
      '(?:aus|mit) der (?:buchhaltung|abrechnung)|(?:eurer|ihrer) (?:buchhaltung|abrechnung)|abrechnungsabteilung|finanzabteilung|do financeiro|' +
      "(?:dell'|all'|con l'|l')amministrazione|ufficio (?:amministrazione|amministrativo|contabilita)|" +
      '(?:jullie|afdeling) boekhouding|financiele (?:afdeling|administratie)|debiteurenadministratie',
  ),
  technical: words(
    'technical (?:support|team)|tech (?:support|team)|support engineer|(?:a|one of your|your) (?:\\p{L}+ )?developers?|a technician|' +
      'soporte tecnico|servicio tecnico|equipo tecnico|(?:con|a) un tecnico|un desarrollador|' +
      'support technique|service technique|equipe technique|un technicien|un developpeur|' +
      'technische[nr]? support|technisches team|(?:einen|einem) (?:techniker|entwickler)|' +
      'suporte tecnico|assistencia tecnica|equipa tecnica|com um tecnico|um desenvolvedor|' +
      'supporto tecnico|assistenza tecnica|team tecnico|da un tecnico|uno sviluppatore|' +
      'technische (?:dienst|ondersteuning)|een (?:\\p{L}+ )?(?:monteur|technicus|developer)',
  ),
};

function words(alternatives: string): RegExp {
  return new RegExp(`(?<![\\p{L}])(?:${alternatives})(?![\\p{L}])`, 'u');
}

/** The issue type of the team asked for; null when no team is named. */
export function departmentAskedFor(normalized: string): string | null {
  for (const [issueType, team] of Object.entries(TEAMS)) if (team.test(normalized)) return issueType;
  return null;
}
