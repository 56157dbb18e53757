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
      '(?:aus|mit) der buchhaltung|(?:eurer|ihrer) buchhaltung|finanzabteilung|do financeiro|' +
      'amministrazione|ufficio (?:amministrativo|contabilita)|(?:jullie|afdeling) boekhouding|financiele (?:afdeling|administratie)|debiteurenadministratie',
  ),
  technical: words(
    'technical (?:support|team)|tech (?:support|team)|support engineer|developer|a technician|' +
      'soporte tecnico|servicio tecnico|equipo tecnico|un tecnico|una tecnica|' +
      'support technique|service technique|equipe technique|un technicien|' +
      'technische[nr]? support|technisches team|(?:einen|einem) techniker|' +
      'suporte tecnico|assistencia tecnica|equipa tecnica|' +
      'supporto tecnico|assistenza tecnica|team tecnico|' +
      'technische (?:dienst|ondersteuning)|een (?:monteur|technicus)',
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
