import type { ErrorCode } from '../shared/errors';
import type { WidgetLocale } from '../shared/visitor-messages';

// Words only the widget itself needs (statuses of its own outbox and connection), so they are not
// among the site-overridable VisitorMessageKeys the server sends in `welcome.ui.strings`.
export interface WidgetPhrases {
  sending: string;
  notSent: string;
  retry: string;
  unavailable: string;
  outdated: string;
  tooFast: string;
  slotTaken: string;
  failed: string;
}

const phrases: Record<WidgetLocale, WidgetPhrases> = {
  en: {
    sending: 'Sending…',
    notSent: 'Not sent.',
    retry: 'Retry',
    unavailable: 'The chat is not available right now.',
    outdated: 'The chat was updated. Please reload the page.',
    tooFast: 'That was a lot at once. Please wait a moment and try again.',
    slotTaken: 'That time was just taken. Please pick another one.',
    failed: 'Something went wrong. Please try again.',
  },
  es: {
    sending: 'Enviando…',
    notSent: 'No enviado.',
    retry: 'Reintentar',
    unavailable: 'El chat no está disponible en este momento.',
    outdated: 'El chat se ha actualizado. Vuelve a cargar la página.',
    tooFast: 'Demasiados mensajes a la vez. Espera un momento y vuelve a intentarlo.',
    slotTaken: 'Esa hora acaba de ocuparse. Elige otra.',
    failed: 'Algo ha fallado. Inténtalo de nuevo.',
  },
  fr: {
    sending: 'Envoi…',
    notSent: 'Non envoyé.',
    retry: 'Réessayer',
    unavailable: 'Le chat n’est pas disponible pour le moment.',
    outdated: 'Le chat a été mis à jour. Veuillez recharger la page.',
    tooFast: 'Trop de messages d’un coup. Patientez un instant puis réessayez.',
    slotTaken: 'Ce créneau vient d’être pris. Choisissez-en un autre.',
    failed: 'Une erreur est survenue. Veuillez réessayer.',
  },
  de: {
    sending: 'Wird gesendet…',
    notSent: 'Nicht gesendet.',
    retry: 'Erneut senden',
    unavailable: 'Der Chat ist gerade nicht verfügbar.',
    outdated: 'Der Chat wurde aktualisiert. Bitte laden Sie die Seite neu.',
    tooFast: 'Das war zu viel auf einmal. Bitte warten Sie kurz und versuchen Sie es erneut.',
    slotTaken: 'Dieser Termin wurde gerade vergeben. Bitte wählen Sie einen anderen.',
    failed: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  },
  pt: {
    sending: 'Enviando…',
    notSent: 'Não enviada.',
    retry: 'Tentar de novo',
    unavailable: 'O chat não está disponível no momento.',
    outdated: 'O chat foi atualizado. Recarregue a página.',
    tooFast: 'Muitas mensagens de uma vez. Aguarde um momento e tente de novo.',
    slotTaken: 'Esse horário acabou de ser ocupado. Escolha outro.',
    failed: 'Algo deu errado. Tente novamente.',
  },
};

export function widgetPhrases(locale: WidgetLocale): WidgetPhrases {
  return phrases[locale];
}

export function errorPhrase(code: ErrorCode, words: WidgetPhrases): string {
  if (code === 'rate_limited') return words.tooFast;
  if (code === 'callback_slot_unavailable') return words.slotTaken;
  return words.failed;
}
