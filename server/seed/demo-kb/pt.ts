import type { KnowledgeBaseEntryInput } from '../../../shared/config/bot';

/** Lumen Lamps' articles in Portuguese: the same ids (and intents) as the English ones. */
export const portugueseArticles: KnowledgeBaseEntryInput[] = [
  {
    id: 'opening_hours',
    question: 'Qual é o vosso horário de funcionamento?',
    answer: 'O nosso horário está na página de contacto.',
    answerFrom: 'site_hours',
    keywords: [
      'aberto',
      'abertos',
      'abrem',
      'fecham',
      'fechado',
      'horário',
      'horas',
      'fim de semana',
      'sábado',
      'domingo',
      'feriado',
      'disponível',
    ],
  },
  {
    id: 'shipping_times',
    question: 'Quanto tempo demora o envio?',
    answer:
      'As encomendas feitas antes das 15:00 num dia útil saem do armazém no mesmo dia. A entrega demora 1–2 dias úteis nos Países Baixos e na Bélgica, 2–5 no resto da UE e 5–10 no resto do mundo.',
    intent: 'shipping',
    keywords: ['prazo', 'entrega', 'entregar', 'chegar', 'demora', 'dias', 'internacional', 'estrangeiro', 'país', 'rápido'],
  },
  {
    id: 'shipping_costs',
    question: 'Quanto custam os portes de envio?',
    answer:
      'O envio é grátis em encomendas acima de 50 € na UE. Abaixo disso custa 4,95 € nos Países Baixos e na Bélgica, 9,95 € no resto da UE e 19,95 € no resto do mundo.',
    intent: 'shipping',
    keywords: ['portes', 'custo', 'preço', 'envio grátis', 'grátis', 'gratuito', 'caro', 'frete'],
  },
  {
    id: 'order_status',
    question: 'Onde está a minha encomenda?',
    answer:
      'Pode seguir a sua encomenda com a ligação de seguimento do e-mail de confirmação de envio, ou em «As minhas encomendas» na sua conta. O seguimento costuma atualizar algumas horas depois do envio.',
    keywords: ['seguimento', 'rastrear', 'pedido', 'pacote', 'estado', 'enviada', 'atrasada', 'não chegou', 'recebi', 'entregue'],
  },
  {
    id: 'password_reset',
    question: 'Como reponho a minha palavra-passe?',
    answer:
      'Escolha «Esqueceu-se da palavra-passe?» na página de início de sessão e introduza o seu e-mail; a ligação chega em poucos minutos (veja também o spam). A ligação é válida durante uma hora.',
    intent: 'account_access',
    keywords: ['esqueci', 'senha', 'palavra-passe', 'entrar', 'iniciar sessão', 'bloqueada', 'conta', 'mudar a senha'],
  },
  {
    id: 'returns_policy',
    question: 'Qual é a vossa política de devoluções?',
    answer:
      'Pode devolver qualquer candeeiro até 30 dias após a entrega, sem uso e na embalagem original. Inicie a devolução em «As minhas encomendas» e imprima a etiqueta grátis; reembolsamos em 5 dias úteis após a recebermos.',
    intent: 'returns',
    keywords: ['devolver', 'devolução', 'trocar', 'troca', 'cor', 'etiqueta', 'reembolso', 'mudei de ideias'],
  },
  {
    id: 'payment_methods',
    question: 'Que métodos de pagamento aceitam?',
    answer: 'Aceitamos iDEAL, Visa, Mastercard, American Express, PayPal, Bancontact, Klarna (pagar depois) e Apple Pay.',
    intent: 'payment',
    keywords: ['pagar', 'pagamento', 'cartão', 'cartão de crédito', 'débito', 'paypal', 'klarna', 'fatura', 'apple pay', 'mb way'],
  },
  {
    id: 'warranty',
    question: 'Os vossos candeeiros têm garantia?',
    answer:
      'Todos os candeeiros Lumen têm dois anos de garantia contra defeitos de fabrico e cinco anos nos módulos LED. Guarde a confirmação da encomenda como prova de compra.',
    keywords: ['garantia', 'defeito', 'avariado', 'deixou de funcionar', 'pisca', 'partido', 'reparar', 'reparação'],
  },
  {
    id: 'bulb_compatibility',
    question: 'Que lâmpadas servem no meu candeeiro?',
    answer:
      'Cada página de produto indica o casquilho (E27, E14 ou GU10) e a potência máxima. Todos os nossos candeeiros funcionam com lâmpadas LED; os reguláveis precisam de uma lâmpada regulável.',
    intent: 'product_question',
    keywords: ['lâmpada', 'casquilho', 'rosca', 'watts', 'led', 'regulável', 'dimmer', 'e27', 'e14', 'gu10'],
  },
  {
    id: 'legal_advice',
    question: 'Pode dar-me aconselhamento jurídico?',
    answer: 'Não posso dar aconselhamento jurídico. Uma pessoa da nossa equipa pode ver isso consigo.',
    intent: 'legal',
    keywords: ['advogado', 'processar', 'processo', 'tribunal', 'jurídico', 'legal', 'queixa'],
    outOfScope: true,
  },
];
