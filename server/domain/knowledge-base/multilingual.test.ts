import { describe, expect, it } from 'vitest';
import { KnowledgeBaseBotConfig } from '../../../shared/config/bot';
import { alwaysOpenSchedule } from '../../../shared/config/hours';
import type { WidgetLocale } from '../../../shared/widget-locales';
import { demoBotConfig } from '../../seed/demo-knowledge-base';
import { at, schedule, weekdaysOnly } from '../hours/fixtures';
import { answerFromKnowledgeBase, bestArticles } from '../knowledge-base-bot';
import { analyzerFor } from './language';

describe('per-language text analysis (Snowball stemmers and stop words)', () => {
  it.each([
    ['fr', "Quand êtes-vous ouverts ? Quelles sont vos heures d'ouverture", ['ouvert', 'heur', 'ouvertur']],
    ['es', '¿Cuál es el horario de atención? envío devolver', ['horari', 'atencion', 'envi', 'devolv']],
    ['de', 'Wann haben Sie geöffnet? Öffnungszeiten geoffnet', ['geoffnet', 'offnungszeit']],
    ['pt', 'Quando estão abertos? Qual é o horário de funcionamento?', ['abert', 'horari', 'funcion']],
    ['en', 'When are you open? What are your opening hours?', ['open', 'hour']],
  ] as const)('%s keeps the content words, stemmed and without accents', (locale, text, terms) => {
    expect(analyzerFor(locale).contentTerms(text)).toEqual(terms);
  });

  it('keeps Spanish words a shop’s questions turn on, which the extended stop list would drop', () => {
    expect(analyzerFor('es').contentTerms('¿Cuántos días tarda?')).toContain('dias');
  });
});

describe('demo knowledge base in five languages', () => {
  it.each([
    ['fr', 'Quand êtes-vous ouverts ?', 'opening_hours'],
    ['fr', 'Où est ma commande 48213 ?', 'order_status'],
    ['fr', 'Combien coûte la livraison en Belgique ?', 'shipping_costs'],
    ['fr', "J'ai oublié mon mot de passe", 'password_reset'],
    ['fr', 'Puis-je payer avec PayPal ?', 'payment_methods'],
    ['es', '¿Cuándo abren?', 'opening_hours'],
    ['es', '¿Cuánto tarda la entrega a Alemania?', 'shipping_times'],
    ['es', 'Quiero devolver una lámpara', 'returns_policy'],
    ['de', 'Wann haben Sie geöffnet?', 'opening_hours'],
    ['de', 'Ich möchte eine Lampe zurückschicken', 'returns_policy'],
    ['de', 'Kann ich mit PayPal bezahlen?', 'payment_methods'],
    ['pt', 'Quando estão abertos?', 'opening_hours'],
    ['pt', 'Onde está a minha encomenda?', 'order_status'],
    ['pt', 'Posso pagar com cartão de crédito?', 'payment_methods'],
  ] as const)('%s: "%s" is answered by %s, in that language', (locale, question, id) => {
    const answer = answerFromKnowledgeBase(question, demoBotConfig, { locale });
    expect(answer).toMatchObject({ matchedEntryId: id, fallback: false, answerLocale: locale });
    const article = demoBotConfig.entries.find((e) => e.id === id && e.locale === locale)!;
    if (!article.answerFrom) expect(answer.reply).toBe(article.answer);
  });

  it.each([
    ['fr', 'Puis-je amener mon chien à la fête du bureau ?', "Je ne suis pas sûr d'avoir la bonne réponse"],
    ['es', '¿Puedo llevar mi perro a la fiesta?', 'No estoy seguro'],
    ['de', 'Darf ich meinen Hund zur Firmenfeier mitbringen?', 'Ich bin nicht sicher'],
    ['pt', 'Posso levar o meu cão à festa?', 'Não tenho a certeza'],
  ] as const)('%s: falls back in the visitor’s language', (locale, question, start) => {
    const answer = answerFromKnowledgeBase(question, demoBotConfig, { locale });
    expect(answer).toMatchObject({ fallback: true, matchedEntryId: null });
    expect(answer.reply.startsWith(start)).toBe(true);
  });

  it('keeps the same intent across languages, so triggers and the case package read one intent', () => {
    const intents = (['en', 'es', 'fr', 'de', 'pt'] as WidgetLocale[]).map(
      (locale) =>
        answerFromKnowledgeBase(
          [
            'Can I pay with PayPal?',
            '¿Puedo pagar con PayPal?',
            'Puis-je payer avec PayPal ?',
            'Kann ich mit PayPal bezahlen?',
            'Posso pagar com PayPal?',
          ][['en', 'es', 'fr', 'de', 'pt'].indexOf(locale)]!,
          demoBotConfig,
          { locale },
        ).intent,
    );
    expect(new Set(intents)).toEqual(new Set(['payment']));
  });
});

describe('the hours article', () => {
  const amsterdam = schedule('Europe/Amsterdam', weekdaysOnly({ start: '09:00', end: '17:30' }));
  const now = at('2026-12-21T10:00:00Z'); // a Monday

  it('answers a French visitor with the configured hours, in French, in their zone', () => {
    const answer = answerFromKnowledgeBase('Quand êtes-vous ouverts ?', demoBotConfig, {
      locale: 'fr',
      hours: { schedule: amsterdam, now, visitorTimeZone: 'Europe/Lisbon' },
    });
    expect(answer.reply).toBe(
      "Notre équipe est là du lundi au vendredi 08:00–16:30 (votre heure, Europe/Lisbon). Nous sommes ouverts en ce moment, jusqu'à 16:30.",
    );
  });

  it('changes with the configuration (the demo site is open around the clock)', () => {
    const answer = answerFromKnowledgeBase('Quand êtes-vous ouverts ?', demoBotConfig, {
      locale: 'fr',
      hours: { schedule: alwaysOpenSchedule, now, visitorTimeZone: 'Europe/Paris' },
    });
    expect(answer.reply).toBe('Nous sommes ouverts 24 h/24 : notre équipe est là tous les jours.');
  });
});

describe('English as the fallback language', () => {
  const config = KnowledgeBaseBotConfig.parse({
    kind: 'knowledge_base',
    entries: [
      {
        id: 'returns',
        locale: 'fr',
        question: 'Quelle est votre politique de retour ?',
        answer: 'Retour sous 30 jours.',
        keywords: ['renvoyer'],
      },
      { id: 'returns', locale: 'en', question: 'What is your returns policy?', answer: 'Return within 30 days.' },
      {
        id: 'payment',
        locale: 'en',
        question: 'Which payment methods do you accept?',
        answer: 'Cards and Klarna.',
        keywords: ['klarna', 'paypal'],
      },
    ],
  });

  it('answers from an English article when the visitor’s language has none, and says so', () => {
    const answer = answerFromKnowledgeBase('Acceptez-vous Klarna ?', config, { locale: 'fr' });
    expect(answer).toMatchObject({ matchedEntryId: 'payment', answerLocale: 'en', fallback: false });
    expect(answer.reply).toBe("Je n'ai cette réponse qu'en anglais :\n\nCards and Klarna.");
  });

  it('prefers the visitor’s own article to its English translation', () => {
    expect(answerFromKnowledgeBase('Quelle est votre politique de retour ?', config, { locale: 'fr' })).toMatchObject({
      reply: 'Retour sous 30 jours.',
      answerLocale: 'fr',
    });
  });

  it('lists each article once for an agent’s prompt, the visitor’s translation first', () => {
    const articles = bestArticles('politique de retour, et klarna ?', config.entries, 'fr', 5);
    expect(articles.map((a) => `${a.locale}:${a.id}`)).toEqual(['fr:returns', 'en:payment']);
  });
});
