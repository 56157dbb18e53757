import { describe, expect, it } from 'vitest';
import { defaultPolicyTopics } from '../../../shared/config/triggers';
import type { SiteConfigInput } from '../../../shared/site-config';
import { visitorFactList, visitorText, visitorTopic } from './visitor-texts';
import { siteDoc } from '../../test-support/site-doc';

const siteWith = (config: SiteConfigInput = {}) => siteDoc(config);
const inLocale = (visitorLocale: string) => ({ visitorLocale });

describe('the handoff topic the visitor reads', () => {
  const site = siteWith();

  it.each([
    ['es', 'tu reembolso'],
    ['fr', 'votre remboursement'],
    ['de', 'Ihre Rückerstattung'],
    ['pt', 'seu reembolso'],
    ['en', 'your refund'],
  ])('names a refund in %s as "%s"', (locale, expected) => {
    expect(visitorTopic(site, inLocale(locale), 'refund', 'your refund')).toBe(expected);
  });

  it('translates an issue type’s label too', () => {
    expect(visitorTopic(site, inLocale('es'), 'billing', 'your billing question')).toBe('tu consulta de facturación');
  });

  it('gives a site’s custom topic its own label in the visitor’s language, or its one label', () => {
    const custom = siteWith({
      triggers: {
        policy_topic: {
          topics: [{ id: 'warranty', label: { en: 'your warranty claim', es: 'tu garantía' }, keywords: ['warranty'], queue: 'general' }],
        },
      },
    });
    expect(visitorTopic(custom, inLocale('es'), 'warranty', 'your warranty claim')).toBe('tu garantía');
    expect(visitorTopic(custom, inLocale('fr'), 'warranty', 'your warranty claim')).toBe('your warranty claim');
  });

  it('translates a site’s saved copy of the built-in topics that has no translations', () => {
    const copies = defaultPolicyTopics.map(({ labels: _none, ...topic }) => topic);
    expect(visitorTopic(siteWith({ triggers: { policy_topic: { topics: copies } } }), inLocale('es'), 'refund', 'your refund')).toBe(
      'tu reembolso',
    );
  });

  it('keeps the label chosen at handoff when the site’s topics changed since', () => {
    expect(visitorTopic(site, inLocale('es'), 'refund', 'your money back')).toBe('your money back');
    expect(visitorTopic(site, inLocale('es'), 'warranty', 'your warranty claim')).toBe('your warranty claim');
  });

  it('has no topic when the engine found none', () => {
    expect(visitorTopic(site, inLocale('es'), 'general_question', null)).toBeNull();
  });
});

describe('asking the visitor for facts', () => {
  const site = siteWith();

  it.each([
    ['en', 'order number and email address'],
    ['es', 'número de pedido y correo electrónico'],
    ['fr', 'numéro de commande et adresse e-mail'],
    ['de', 'Bestellnummer und E-Mail-Adresse'],
    ['pt', 'número do pedido e e-mail'],
  ])('names and joins the facts in %s', (locale, expected) => {
    expect(visitorFactList(site, inLocale(locale), ['orderNumber', 'email'])).toBe(expected);
  });

  it('uses the site’s own words for a fact', () => {
    const custom = siteWith({ widget: { messages: { es: { factOrderNumber: 'número de orden' } } } });
    expect(visitorFactList(custom, inLocale('es'), ['orderNumber'])).toBe('número de orden');
  });

  it('asks in the visitor’s language, with and without a topic', () => {
    const vars = { topic: 'tu reembolso', facts: 'número de pedido' };
    expect(visitorText(site, inLocale('es'), 'factsRequestAbout', vars)).toBe(
      'Para que una persona pueda ayudarte con tu reembolso, ¿puedes indicarnos tu número de pedido?',
    );
    expect(visitorText(site, inLocale('en'), 'factsRequest', { facts: 'order number' })).toBe(
      'So that a person can help you, could you share your order number?',
    );
  });
});
