import { describe, expect, it } from 'vitest';
import type { TriggerId } from '../../shared/entities';
import { widgetLocales } from '../../shared/widget-locales';
import { suggestReplies } from './suggested-reply';

const visitor = (locale: string | null, name: string | null = 'Ana Silva') => ({
  name,
  email: null,
  verified: false,
  locale,
  timeZone: null,
  page: null,
  referrer: null,
  tags: [],
  attributes: {},
  earlierConversations: 0,
});

const basis = (locale: string | null, over: { intent?: string; trigger?: TriggerId; missing?: string[]; order?: string } = {}) => ({
  visitor: visitor(locale),
  intent: over.intent ?? 'refund',
  facts: (over.order ? { orderNumber: over.order } : {}) as Record<string, string>,
  missingFacts: over.missing ?? [],
  triggers: [{ trigger: over.trigger ?? 'human_request', evidence: '' }],
  replyTone: 'friendly' as const,
});

const reply = (...args: Parameters<typeof basis>) => suggestReplies(basis(...args), null)[0]!.text;

describe('suggested replies in the visitor’s language', () => {
  it('answers a Spanish visitor in Spanish, the order and missing facts included', () => {
    expect(reply('es-ES', { trigger: 'human_request', order: '48213' })).toBe(
      'Hola Ana, gracias por esperar. Estoy aquí para ayudarte con el reembolso del pedido 48213.',
    );
    expect(reply('es', { trigger: 'policy_topic', missing: ['orderNumber', 'email'] })).toBe(
      'Hola Ana, siento lo ocurrido; puedo ayudarte con el reembolso. ¿Puedes indicarme tu número de pedido y correo electrónico?',
    );
  });

  it('speaks each supported language for every reason, and English for a language it does not speak', () => {
    const triggers: TriggerId[] = [
      'policy_topic',
      'human_request',
      'low_confidence',
      'out_of_scope',
      'repeated_failure',
      'tool_failure',
      'frustration',
      'customer_tag',
      'buying_intent',
    ];
    for (const trigger of triggers) {
      const texts = widgetLocales.map((locale) => reply(locale, { trigger, intent: 'shipping' }));
      // Five languages, five different replies; none but English says "help with".
      expect(new Set(texts).size).toBe(widgetLocales.length);
      for (const text of texts.slice(1)) expect(text).not.toMatch(/\bhelp with\b|\bI'm\b/);
    }
    expect(reply('fr-CA', { intent: 'shipping' })).toBe(
      'Bonjour Ana, merci de votre patience. Je suis là pour vous aider concernant votre livraison.',
    );
    expect(reply('de-AT', { intent: 'technical' })).toBe(
      'Hallo Ana, danke für Ihre Geduld – ich kümmere mich jetzt um das technische Problem.',
    );
    expect(reply('pt-BR', { intent: 'pricing', trigger: 'buying_intent' })).toBe(
      'Olá Ana, obrigado pelo interesse! Será um prazer ajudar com preços e um orçamento.',
    );
    expect(reply('ja-JP')).toMatch(/^Hi Ana, thanks for waiting/);
    expect(reply(null)).toMatch(/^Hi Ana, thanks for waiting/);
  });
});
