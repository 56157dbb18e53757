import type { WidgetLocale } from '../../../shared/widget-locales';

/** The words of the generated opening-hours answer, one set per widget language. */
export interface HoursPhrases {
  aroundTheClock: string;
  noHours: string;
  /** {schedule}: "Monday–Friday 09:00–17:30; Saturday 10:00–14:00". {zone}: an IANA zone. */
  weekly: string;
  yourZone: string;
  siteZone: string;
  openUntil: string;
  openNow: string;
  closedUntil: string;
  closedNoReopening: string;
  closedOn: string;
  dayRange: string;
}

// {x} placeholders; each sentence stands alone so the parts join with a space.
export const hoursPhrases: Record<WidgetLocale, HoursPhrases> = {
  en: {
    aroundTheClock: 'We are open around the clock: our team is here every day, 24 hours a day.',
    noHours: 'Our team has no opening hours set at the moment; leave a message and we will get back to you.',
    weekly: 'Our team is here {schedule} ({zone}).',
    yourZone: 'your time, {tz}',
    siteZone: 'time in {tz}',
    openUntil: 'We are open now, until {time}.',
    openNow: 'We are open now.',
    closedUntil: 'We are closed right now and back {when}.',
    closedNoReopening: 'We are closed right now.',
    closedOn: 'Closed on {dates}.',
    dayRange: '{from}–{to}',
  },
  es: {
    aroundTheClock: 'Abrimos las 24 horas: nuestro equipo está disponible todos los días.',
    noHours: 'Ahora mismo nuestro equipo no tiene horario de atención; deja un mensaje y te responderemos.',
    weekly: 'Nuestro equipo atiende {schedule} ({zone}).',
    yourZone: 'tu hora, {tz}',
    siteZone: 'hora de {tz}',
    openUntil: 'Ahora estamos abiertos, hasta las {time}.',
    openNow: 'Ahora estamos abiertos.',
    closedUntil: 'Ahora estamos cerrados; volvemos el {when}.',
    closedNoReopening: 'Ahora estamos cerrados.',
    closedOn: 'Cerrado el {dates}.',
    dayRange: '{from} a {to}',
  },
  fr: {
    aroundTheClock: 'Nous sommes ouverts 24 h/24 : notre équipe est là tous les jours.',
    noHours: "Notre équipe n'a pas d'horaires d'ouverture pour le moment ; laissez un message et nous vous répondrons.",
    weekly: 'Notre équipe est là {schedule} ({zone}).',
    yourZone: 'votre heure, {tz}',
    siteZone: 'heure de {tz}',
    openUntil: "Nous sommes ouverts en ce moment, jusqu'à {time}.",
    openNow: 'Nous sommes ouverts en ce moment.',
    closedUntil: 'Nous sommes fermés en ce moment et de retour {when}.',
    closedNoReopening: 'Nous sommes fermés en ce moment.',
    closedOn: 'Fermé le {dates}.',
    dayRange: 'du {from} au {to}',
  },
  de: {
    aroundTheClock: 'Wir sind rund um die Uhr geöffnet: unser Team ist jeden Tag für Sie da.',
    noHours: 'Unser Team hat derzeit keine Öffnungszeiten; hinterlassen Sie eine Nachricht, wir melden uns.',
    weekly: 'Unser Team ist für Sie da: {schedule} ({zone}).',
    yourZone: 'Ihre Zeit, {tz}',
    siteZone: 'Zeit in {tz}',
    openUntil: 'Wir sind jetzt geöffnet, bis {time}.',
    openNow: 'Wir sind jetzt geöffnet.',
    closedUntil: 'Wir sind gerade geschlossen und wieder da: {when}.',
    closedNoReopening: 'Wir sind gerade geschlossen.',
    closedOn: 'Geschlossen am {dates}.',
    dayRange: '{from} bis {to}',
  },
  pt: {
    aroundTheClock: 'Estamos abertos 24 horas por dia: a nossa equipa está disponível todos os dias.',
    noHours: 'De momento a nossa equipa não tem horário definido; deixe uma mensagem e responderemos.',
    weekly: 'A nossa equipa está disponível {schedule} ({zone}).',
    yourZone: 'a sua hora, {tz}',
    siteZone: 'hora de {tz}',
    openUntil: 'Estamos abertos agora, até às {time}.',
    openNow: 'Estamos abertos agora.',
    closedUntil: 'Estamos fechados neste momento e voltamos {when}.',
    closedNoReopening: 'Estamos fechados neste momento.',
    closedOn: 'Fechado a {dates}.',
    dayRange: '{from} a {to}',
  },
};

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
