import type { KnowledgeBaseEntryInput } from '../../../shared/config/bot';

/** Lumen Lamps' articles in German: the same ids (and intents) as the English ones. */
export const germanArticles: KnowledgeBaseEntryInput[] = [
  {
    id: 'opening_hours',
    question: 'Wann haben Sie geöffnet?',
    answer: 'Unsere Öffnungszeiten stehen auf der Kontaktseite.',
    answerFrom: 'site_hours',
    keywords: [
      'Öffnungszeiten',
      'geöffnet',
      'offen',
      'erreichbar',
      'geschlossen',
      'Wochenende',
      'Samstag',
      'Sonntag',
      'Feiertag',
      'Uhrzeit',
    ],
  },
  {
    id: 'shipping_times',
    question: 'Wie lange dauert der Versand?',
    answer:
      'Bestellungen, die an einem Werktag vor 15:00 Uhr eingehen, verlassen unser Lager am selben Tag. Die Lieferung dauert 1–2 Werktage in den Niederlanden und Belgien, 2–5 im Rest der EU und 5–10 weltweit.',
    intent: 'shipping',
    keywords: ['Lieferzeit', 'Lieferung', 'liefern', 'ankommen', 'Tage', 'dauert', 'Ausland', 'international', 'Land', 'schnell'],
  },
  {
    id: 'shipping_costs',
    question: 'Was kostet der Versand?',
    answer:
      'Der Versand ist ab 50 € Bestellwert innerhalb der EU kostenlos. Darunter kostet er 4,95 € in den Niederlanden und Belgien, 9,95 € im Rest der EU und 19,95 € weltweit.',
    intent: 'shipping',
    keywords: ['Versandkosten', 'Porto', 'Liefergebühr', 'kostenloser Versand', 'kostenlos', 'Preis', 'teuer'],
  },
  {
    id: 'order_status',
    question: 'Wo ist meine Bestellung?',
    answer:
      'Sie können Ihr Paket mit dem Sendungslink aus der Versandbestätigung verfolgen oder unter „Meine Bestellungen“ in Ihrem Konto. Die Sendungsverfolgung wird meist wenige Stunden nach dem Versand aktualisiert.',
    keywords: [
      'Sendungsverfolgung',
      'verfolgen',
      'Paket',
      'Status',
      'verschickt',
      'verspätet',
      'nicht angekommen',
      'erhalten',
      'geliefert',
    ],
  },
  {
    id: 'password_reset',
    question: 'Wie setze ich mein Passwort zurück?',
    answer:
      'Wählen Sie auf der Anmeldeseite „Passwort vergessen?“ und geben Sie Ihre E-Mail-Adresse ein; der Link kommt in wenigen Minuten (sehen Sie auch im Spam-Ordner nach). Er ist eine Stunde gültig.',
    intent: 'account_access',
    keywords: ['vergessen', 'Anmeldung', 'anmelden', 'einloggen', 'gesperrt', 'Konto', 'Passwort ändern', 'Kennwort'],
  },
  {
    id: 'returns_policy',
    question: 'Wie funktioniert die Rücksendung?',
    answer:
      'Sie können jede Lampe innerhalb von 30 Tagen nach Lieferung unbenutzt und originalverpackt zurückschicken. Starten Sie die Rücksendung unter „Meine Bestellungen“ und drucken Sie das kostenlose Etikett; wir erstatten innerhalb von 5 Werktagen nach Eingang.',
    intent: 'returns',
    keywords: ['zurückschicken', 'zurücksenden', 'Rückgabe', 'Retoure', 'umtauschen', 'Umtausch', 'Farbe', 'Etikett', 'Widerruf'],
  },
  {
    id: 'payment_methods',
    question: 'Welche Zahlungsarten akzeptieren Sie?',
    answer: 'Wir akzeptieren iDEAL, Visa, Mastercard, American Express, PayPal, Bancontact, Klarna (später bezahlen) und Apple Pay.',
    intent: 'payment',
    keywords: ['bezahlen', 'Zahlung', 'Zahlungsmethoden', 'Kreditkarte', 'Karte', 'paypal', 'klarna', 'Rechnung', 'apple pay'],
  },
  {
    id: 'warranty',
    question: 'Gibt es Garantie auf Ihre Lampen?',
    answer:
      'Jede Lumen-Lampe hat zwei Jahre Garantie auf Herstellungsfehler und fünf Jahre auf die LED-Module. Bewahren Sie Ihre Bestellbestätigung als Kaufnachweis auf.',
    keywords: ['Garantie', 'Gewährleistung', 'Defekt', 'defekt', 'funktioniert nicht', 'flackert', 'kaputt', 'Reparatur'],
  },
  {
    id: 'bulb_compatibility',
    question: 'Welche Leuchtmittel passen in meine Lampe?',
    answer:
      'Auf jeder Produktseite stehen der Sockel (E27, E14 oder GU10) und die maximale Leistung. Alle unsere Lampen funktionieren mit LED-Leuchtmitteln; dimmbare Lampen brauchen ein dimmbares Leuchtmittel.',
    intent: 'product_question',
    keywords: ['Glühbirne', 'Birne', 'Leuchtmittel', 'Sockel', 'Fassung', 'Watt', 'led', 'dimmbar', 'Dimmer', 'e27', 'e14', 'gu10'],
  },
  {
    id: 'legal_advice',
    question: 'Können Sie mich rechtlich beraten?',
    answer: 'Rechtsberatung kann ich nicht geben. Eine Person aus unserem Team kann sich das mit Ihnen ansehen.',
    intent: 'legal',
    keywords: ['Anwalt', 'verklagen', 'Klage', 'Gericht', 'Rechtsberatung', 'rechtlich', 'juristisch'],
    outOfScope: true,
  },
];
