import type { TriggerId } from '../../shared/entities';
import type { WidgetLocale } from '../../shared/visitor-messages';

/** What a suggested first reply is built from, in one language. Topics name the intent as the object of the body's verb. */
export interface ReplyPhrases {
  greeting(name: string | null, formal: boolean): string;
  topics: Record<string, string>;
  /** For an intent without a phrase of its own: "your question about warranty claim". */
  aboutIntent(intentWords: string): string;
  trackingOrder(order: string): string;
  forOrder(base: string, order: string): string;
  /** `setback`: the visitor lost something (a refund, a parcel): the reply opens with an apology. */
  body(trigger: TriggerId | 'none', p: { topic: string; base: string; order: string | undefined; setback: boolean }): string;
  ask(facts: string): string;
}

const first = (name: string | null) => name?.split(' ')[0] ?? null;

const en: ReplyPhrases = {
  greeting: (name, formal) => (formal ? `Hello${name ? ` ${name}` : ''},` : `Hi ${first(name) ?? 'there'},`),
  topics: {
    refund: 'the refund',
    return: 'the return',
    returns: 'the return',
    billing_dispute: 'the disputed charge',
    billing: 'your billing question',
    account_access: 'getting you back into your account',
    data_deletion: 'deleting your data',
    complaint: 'your complaint',
    legal: 'your legal question',
    medical: 'your health concern',
    account: 'your account',
    order_status: 'tracking your order',
    shipping: 'your delivery',
    payment: 'your payment',
    pricing: 'pricing and a quote',
    sales: 'your purchase',
    technical: 'the technical problem',
    general_question: 'your question',
  },
  aboutIntent: (w) => `your question about ${w}`,
  trackingOrder: (o) => `tracking order ${o}`,
  forOrder: (base, o) => `${base} for order ${o}`,
  body(trigger, { topic, base, order, setback }) {
    switch (trigger) {
      case 'policy_topic':
        return setback ? `I'm sorry about ${order ? `order ${order}` : 'this'} — I can help with ${base}.` : `I can help with ${topic}.`;
      case 'human_request':
        return `thanks for waiting — I'm here to help with ${topic}.`;
      case 'low_confidence':
        return `sorry our assistant couldn't answer that — I can help with ${topic} from here.`;
      case 'out_of_scope':
        return `that's not something our assistant can answer, but I can help with ${topic}.`;
      case 'repeated_failure':
        return `sorry you had to ask more than once. I've read the conversation and can help with ${topic} from here.`;
      case 'tool_failure':
        return `sorry, our system had trouble looking that up. I'll help with ${topic} myself.`;
      case 'frustration':
        return `I'm sorry this has been so frustrating. I've read everything you wrote and I'll help with ${topic} from here.`;
      case 'customer_tag':
        return `thanks for getting in touch. I'll personally help with ${topic}.`;
      case 'buying_intent':
        return `thanks for your interest! I'd be glad to help with ${topic}.`;
      case 'none':
        return `I'm here to help with ${topic}.`;
    }
  },
  ask: (facts) => ` Could you share your ${facts}?`,
};

const es: ReplyPhrases = {
  greeting: (name, formal) => `Hola${(formal ? name : first(name)) ? ` ${formal ? name : first(name)}` : ''},`,
  topics: {
    refund: 'el reembolso',
    return: 'la devolución',
    returns: 'la devolución',
    billing_dispute: 'el cargo que reclamas',
    billing: 'tu consulta de facturación',
    account_access: 'recuperar el acceso a tu cuenta',
    data_deletion: 'la eliminación de tus datos',
    complaint: 'tu reclamación',
    legal: 'tu consulta legal',
    medical: 'tu consulta de salud',
    account: 'tu cuenta',
    order_status: 'el seguimiento de tu pedido',
    shipping: 'tu envío',
    payment: 'tu pago',
    pricing: 'los precios y un presupuesto',
    sales: 'tu compra',
    technical: 'el problema técnico',
    general_question: 'tu pregunta',
  },
  aboutIntent: (w) => `tu pregunta sobre ${w}`,
  trackingOrder: (o) => `el seguimiento del pedido ${o}`,
  forOrder: (base, o) => `${base} del pedido ${o}`,
  body(trigger, { topic, base, order, setback }) {
    switch (trigger) {
      case 'policy_topic':
        return setback
          ? `siento lo ocurrido${order ? ` con el pedido ${order}` : ''}; puedo ayudarte con ${base}.`
          : `puedo ayudarte con ${topic}.`;
      case 'human_request':
        return `gracias por esperar. Estoy aquí para ayudarte con ${topic}.`;
      case 'low_confidence':
        return `siento que nuestro asistente no haya podido responderte. Desde ahora te ayudo yo con ${topic}.`;
      case 'out_of_scope':
        return `nuestro asistente no puede responder a eso, pero yo puedo ayudarte con ${topic}.`;
      case 'repeated_failure':
        return `siento que hayas tenido que preguntar varias veces. He leído la conversación y desde ahora te ayudo yo con ${topic}.`;
      case 'tool_failure':
        return `lo siento, nuestro sistema tuvo un problema al consultarlo. Te ayudaré yo con ${topic}.`;
      case 'frustration':
        return `siento mucho que esto haya sido tan frustrante. He leído todo lo que escribiste y desde ahora te ayudo yo con ${topic}.`;
      case 'customer_tag':
        return `gracias por escribirnos. Te ayudaré personalmente con ${topic}.`;
      case 'buying_intent':
        return `¡gracias por tu interés! Con gusto te ayudo con ${topic}.`;
      case 'none':
        return `estoy aquí para ayudarte con ${topic}.`;
    }
  },
  ask: (facts) => ` ¿Puedes indicarme tu ${facts}?`,
};

const fr: ReplyPhrases = {
  greeting: (name, formal) => `Bonjour${(formal ? name : first(name)) ? ` ${formal ? name : first(name)}` : ''},`,
  topics: {
    refund: 'le remboursement',
    return: 'le retour',
    returns: 'le retour',
    billing_dispute: 'le prélèvement contesté',
    billing: 'votre question de facturation',
    account_access: 'l’accès à votre compte',
    data_deletion: 'la suppression de vos données',
    complaint: 'votre réclamation',
    legal: 'votre question juridique',
    medical: 'votre question de santé',
    account: 'votre compte',
    order_status: 'le suivi de votre commande',
    shipping: 'votre livraison',
    payment: 'votre paiement',
    pricing: 'les tarifs et un devis',
    sales: 'votre achat',
    technical: 'le problème technique',
    general_question: 'votre question',
  },
  aboutIntent: (w) => `votre question sur ${w}`,
  trackingOrder: (o) => `le suivi de la commande ${o}`,
  forOrder: (base, o) => `${base} de la commande ${o}`,
  // "concernant" takes any article, so no "de le" to contract.
  body(trigger, { topic, base, order, setback }) {
    switch (trigger) {
      case 'policy_topic':
        return setback
          ? `je suis désolé pour ${order ? `la commande ${order}` : 'ce désagrément'} ; je peux vous aider concernant ${base}.`
          : `je peux vous aider concernant ${topic}.`;
      case 'human_request':
        return `merci de votre patience. Je suis là pour vous aider concernant ${topic}.`;
      case 'low_confidence':
        return `désolé, notre assistant n’a pas pu vous répondre. Je prends le relais concernant ${topic}.`;
      case 'out_of_scope':
        return `notre assistant ne peut pas répondre à cela, mais je peux vous aider concernant ${topic}.`;
      case 'repeated_failure':
        return `désolé que vous ayez dû demander plusieurs fois. J’ai lu la conversation et je prends le relais concernant ${topic}.`;
      case 'tool_failure':
        return `désolé, notre système n’a pas pu le vérifier. Je vous aide moi-même concernant ${topic}.`;
      case 'frustration':
        return `je suis vraiment désolé que ce soit si frustrant. J’ai lu tout ce que vous avez écrit et je prends le relais concernant ${topic}.`;
      case 'customer_tag':
        return `merci de nous avoir contactés. Je vous aide personnellement concernant ${topic}.`;
      case 'buying_intent':
        return `merci de votre intérêt ! Je serai ravi de vous aider concernant ${topic}.`;
      case 'none':
        return `je suis là pour vous aider concernant ${topic}.`;
    }
  },
  ask: (facts) => ` Pourriez-vous m’indiquer votre ${facts} ?`,
};

const de: ReplyPhrases = {
  greeting: (name, formal) => (formal ? `Guten Tag${name ? ` ${name}` : ''},` : `Hallo${first(name) ? ` ${first(name)}` : ''},`),
  // Accusative: each follows "kümmere mich um".
  topics: {
    refund: 'die Erstattung',
    return: 'die Rücksendung',
    returns: 'die Rücksendung',
    billing_dispute: 'die beanstandete Abbuchung',
    billing: 'Ihre Frage zur Rechnung',
    account_access: 'den Zugang zu Ihrem Konto',
    data_deletion: 'die Löschung Ihrer Daten',
    complaint: 'Ihre Beschwerde',
    legal: 'Ihre rechtliche Frage',
    medical: 'Ihr gesundheitliches Anliegen',
    account: 'Ihr Konto',
    order_status: 'die Sendungsverfolgung Ihrer Bestellung',
    shipping: 'Ihre Lieferung',
    payment: 'Ihre Zahlung',
    pricing: 'Preise und ein Angebot',
    sales: 'Ihren Kauf',
    technical: 'das technische Problem',
    general_question: 'Ihre Frage',
  },
  aboutIntent: (w) => `Ihre Frage zu ${w}`,
  trackingOrder: (o) => `die Sendungsverfolgung der Bestellung ${o}`,
  forOrder: (base, o) => `${base} für die Bestellung ${o}`,
  body(trigger, { topic, base, order, setback }) {
    switch (trigger) {
      case 'policy_topic':
        return setback
          ? `es tut mir leid, dass es Ärger${order ? ` mit der Bestellung ${order}` : ''} gibt – ich kümmere mich um ${base}.`
          : `ich kümmere mich um ${topic}.`;
      case 'human_request':
        return `danke für Ihre Geduld – ich kümmere mich jetzt um ${topic}.`;
      case 'low_confidence':
        return `leider konnte unser Assistent das nicht beantworten – ich kümmere mich ab jetzt um ${topic}.`;
      case 'out_of_scope':
        return `das kann unser Assistent nicht beantworten, aber ich kümmere mich um ${topic}.`;
      case 'repeated_failure':
        return `es tut mir leid, dass Sie mehrmals fragen mussten. Ich habe das Gespräch gelesen und kümmere mich ab jetzt um ${topic}.`;
      case 'tool_failure':
        return `leider hatte unser System Probleme beim Nachschlagen. Ich kümmere mich selbst um ${topic}.`;
      case 'frustration':
        return `es tut mir sehr leid, dass das so frustrierend war. Ich habe alles gelesen, was Sie geschrieben haben, und kümmere mich ab jetzt um ${topic}.`;
      case 'customer_tag':
        return `danke, dass Sie sich melden. Ich kümmere mich persönlich um ${topic}.`;
      case 'buying_intent':
        return `danke für Ihr Interesse! Ich kümmere mich gern um ${topic}.`;
      case 'none':
        return `ich kümmere mich um ${topic}.`;
    }
  },
  ask: (facts) => ` Können Sie mir bitte Ihre ${facts} nennen?`,
};

const pt: ReplyPhrases = {
  greeting: (name, formal) => `Olá${(formal ? name : first(name)) ? ` ${formal ? name : first(name)}` : ''},`,
  topics: {
    refund: 'o reembolso',
    return: 'a devolução',
    returns: 'a devolução',
    billing_dispute: 'a cobrança contestada',
    billing: 'sua dúvida de faturamento',
    account_access: 'o acesso à sua conta',
    data_deletion: 'a exclusão dos seus dados',
    complaint: 'sua reclamação',
    legal: 'sua dúvida jurídica',
    medical: 'sua questão de saúde',
    account: 'sua conta',
    order_status: 'o rastreamento do seu pedido',
    shipping: 'sua entrega',
    payment: 'seu pagamento',
    pricing: 'preços e um orçamento',
    sales: 'sua compra',
    technical: 'o problema técnico',
    general_question: 'sua pergunta',
  },
  aboutIntent: (w) => `sua pergunta sobre ${w}`,
  trackingOrder: (o) => `o rastreamento do pedido ${o}`,
  forOrder: (base, o) => `${base} do pedido ${o}`,
  body(trigger, { topic, base, order, setback }) {
    switch (trigger) {
      case 'policy_topic':
        return setback
          ? `sinto muito pelo ocorrido${order ? ` com o pedido ${order}` : ''} — posso ajudar com ${base}.`
          : `posso ajudar com ${topic}.`;
      case 'human_request':
        return `obrigado por aguardar — estou aqui para ajudar com ${topic}.`;
      case 'low_confidence':
        return `desculpe, nosso assistente não conseguiu responder — a partir daqui eu ajudo com ${topic}.`;
      case 'out_of_scope':
        return `nosso assistente não consegue responder a isso, mas eu posso ajudar com ${topic}.`;
      case 'repeated_failure':
        return `desculpe por você ter precisado perguntar mais de uma vez. Li a conversa e a partir daqui eu ajudo com ${topic}.`;
      case 'tool_failure':
        return `desculpe, nosso sistema teve um problema ao consultar isso. Eu mesmo vou ajudar com ${topic}.`;
      case 'frustration':
        return `sinto muito que isso tenha sido tão frustrante. Li tudo o que você escreveu e a partir daqui eu ajudo com ${topic}.`;
      case 'customer_tag':
        return `obrigado pelo contato. Vou ajudar pessoalmente com ${topic}.`;
      case 'buying_intent':
        return `obrigado pelo interesse! Será um prazer ajudar com ${topic}.`;
      case 'none':
        return `estou aqui para ajudar com ${topic}.`;
    }
  },
  ask: (facts) => ` Pode me informar seu ${facts}?`,
};

export const replyPhrases: Record<WidgetLocale, ReplyPhrases> = { en, es, fr, de, pt };
