import * as z from 'zod/mini';
import { Urgency } from '../entities';
import { QueueId } from './queues';
import { SemanticConfig } from './semantic';
import { localizableLabel, type TopicLabels, withOneLabel } from './topic-labels';

/**
 * A keyword or phrase, matched on whole words after lowercasing and stripping accents; a space
 * also matches a hyphen or nothing ("log in": login, log-in), an apostrophe is optional, and a
 * trailing `*` matches any word ending ("refund*": refunded).
 */
const Phrase = z.string().check(z.minLength(1), z.maxLength(120));
const Phrases = (fallback: string[]) => z._default(z.array(Phrase).check(z.maxLength(500)), fallback);
const Enabled = z._default(z.boolean(), true);
const UrgencyOf = (fallback: Urgency) => z._default(Urgency, fallback);
const Count = (fallback: number) => z._default(z.number().check(z.int(), z.gte(1), z.lte(20)), fallback);
const TopicId = z.string().check(z.regex(/^[a-z0-9_-]{1,40}$/));

export const PolicyTopic = z.pipe(
  z.object({
    id: TopicId,
    /** Shown to the visitor ("About: your refund"), in their language when `labels` has it; operators read `label`. */
    ...localizableLabel(z.string().check(z.minLength(1), z.maxLength(80))),
    /** May be empty when example sentences (`semantic.examples`) name the topic: it is then raised by meaning alone. */
    keywords: z.array(Phrase).check(z.maxLength(500)),
    /** In the same clause these make it a question about the policy, not a case ("refund policy"). */
    unless: Phrases([]),
    queue: QueueId,
    urgency: UrgencyOf('normal'),
  }),
  z.transform(withOneLabel),
);
export type PolicyTopic = z.infer<typeof PolicyTopic>;

/** An issue type used only for routing and the case package; it never escalates by itself. */
export const IntentKeywords = z.pipe(
  z.object({ id: TopicId, ...localizableLabel(z.string().check(z.maxLength(80))), keywords: z.array(Phrase) }),
  z.transform(withOneLabel),
);
export type IntentKeywords = z.infer<typeof IntentKeywords>;

export const RequiredFactsRule = z.object({
  topics: z.array(TopicId).check(z.minLength(1)),
  facts: z.array(z.enum(['orderNumber', 'email', 'phone', 'amount'])).check(z.minLength(1)),
  /** Visitor replies to wait for the facts before handing off anyway, noting what is missing. */
  askAtMost: Count(2),
});
export type RequiredFactsRule = z.infer<typeof RequiredFactsRule>;

// The visitor reads the label in the conversation's language (server/flows/handoff/visitor-texts.ts).
type Words = { en: string } & Required<TopicLabels>;
const topic = (id: string, { en, ...labels }: Words, queue: string, urgency: Urgency, keywords: string[], unless: string[] = []): PolicyTopic =>
  ({ id, label: en, labels, queue, urgency, keywords, unless });
const intent = (id: string, { en, ...labels }: Words, keywords: string[]): IntentKeywords => ({ id, label: en, labels, keywords });
const HOW_TO = ['how do i', 'how can i', 'how to'];

export const defaultPolicyTopics: PolicyTopic[] = [
  topic('refund', { en: 'your refund', es: 'tu reembolso', fr: 'votre remboursement', de: 'Ihre Rückerstattung', pt: 'seu reembolso' },
    'billing', 'normal',
    ['refund*', 'money back', 'reimburse*', 'reembolso', 'reembolsar', 'remboursement', 'rembourser', 'remboursez', 'ruckerstattung', 'erstattung', 'geld zuruck'],
    ['policy', 'policies', 'how do refunds', 'how long', 'do you offer', 'do you give', 'if i', 'politica', 'politique', 'richtlinie']),
  topic('return', { en: 'your return', es: 'tu devolución', fr: 'votre retour', de: 'Ihre Rücksendung', pt: 'sua devolução' },
    'billing', 'normal',
    ['return this', 'return it', 'return my', 'return the item', 'return an item', 'return the product', 'return the order', 'send it back', 'send them back', 'devolver', 'devolucion', 'retourner', 'zuruckschicken', 'rucksendung', 'devolucao'],
    ['policy', 'if i', 'do you accept', 'politica', 'politique', ...HOW_TO]),
  topic('billing_dispute', { en: 'the charge on your account', es: 'el cargo en tu cuenta', fr: 'le prélèvement sur votre compte', de: 'die Abbuchung von Ihrem Konto', pt: 'a cobrança na sua conta' },
    'billing', 'high',
    ['charged twice', 'double charged', 'double charge', 'charged me', 'was charged', 'been charged', 'still charged', 'overcharged', 'unauthorized charge', 'unauthorised charge', 'wrong charge', 'wrongly charged', 'incorrect charge', "didn't authorize", "didn't authorise", 'billing error', 'billing dispute', 'dispute', 'chargeback', 'cobro duplicado', 'me cobraron', 'cobrado dos veces', 'preleve deux fois', 'debite deux fois', 'doppelt abgebucht', 'doppelt berechnet', 'cobrado duas vezes', 'cobranca indevida']),
  topic('complaint', { en: 'your complaint', es: 'tu reclamación', fr: 'votre réclamation', de: 'Ihre Beschwerde', pt: 'sua reclamação' },
    'general', 'urgent',
    ['complaint', 'complain', 'complaining', 'queja', 'quejarme', 'reclamacion', 'plainte', 'beschwerde', 'beschweren', 'reclamacao', 'reclamar']),
  topic('legal', { en: 'your legal concern', es: 'tu consulta legal', fr: 'votre question juridique', de: 'Ihr rechtliches Anliegen', pt: 'sua questão jurídica' },
    'general', 'urgent',
    ['lawyer*', 'attorney', 'solicitor', 'sue you', 'sue your', 'going to sue', 'will sue', 'lawsuit', 'legal action', 'take you to court', 'see you in court', 'small claims', 'abogado', 'demandar', 'avocat', 'en justice', 'proces', 'anwalt', 'rechtsanwalt', 'verklagen', 'advogado'],
    // "I'm a lawyer, how do I export PDFs?" describes the visitor, not a case.
    ["i'm a lawyer", 'i am a lawyer', "i'm an attorney", 'i am an attorney', 'as a lawyer', 'soy abogad*', 'como abogad*', 'je suis avocat*', 'ich bin anwalt', 'ich bin rechtsanwalt*', 'ich bin anwaltin', 'sou advogad*', 'sono avvocat*', 'ik ben advocaat']),
  topic('medical', { en: 'your health concern', es: 'tu problema de salud', fr: 'votre problème de santé', de: 'Ihr gesundheitliches Anliegen', pt: 'seu problema de saúde' },
    'general', 'urgent',
    ['allergic reaction', 'allergic to', 'side effect*', 'injured', 'injury', 'hurt myself', 'got hurt', 'hospital', 'poisoning', 'poisoned', 'overdose', 'medical emergency', 'reaccion alergica', 'reaction allergique', 'allergische reaktion', 'krankenhaus', 'reacao alergica']),
  topic('account_access', { en: 'access to your account', es: 'el acceso a tu cuenta', fr: 'l’accès à votre compte', de: 'der Zugang zu Ihrem Konto', pt: 'o acesso à sua conta' },
    'account', 'high',
    ['locked out', "can't log in", 'cannot log in', 'unable to log in', "can't sign in", 'cannot sign in', "can't access my account", 'cannot access my account', 'lost access', 'hacked', 'someone accessed my account', '2fa', 'two factor', 'reset email', 'reset link', 'no puedo entrar', 'no puedo iniciar sesion', 'cuenta bloqueada', "n'arrive pas a me connecter", 'compte bloque', 'kann mich nicht anmelden', 'konto gesperrt', 'nao consigo entrar', 'conta bloqueada'],
    ['enable', 'set up', 'turn on', ...HOW_TO]),
  topic('data_deletion', { en: 'deleting your data', es: 'la eliminación de tus datos', fr: 'la suppression de vos données', de: 'die Löschung Ihrer Daten', pt: 'a exclusão dos seus dados' },
    'account', 'normal',
    ['delete my account', 'delete my data', 'delete all my data', 'delete my personal data', 'erase my data', 'remove my data', 'remove my account', 'close my account', 'gdpr', 'right to be forgotten', 'data deletion', 'borrar mi cuenta', 'eliminar mi cuenta', 'borrar mis datos', 'supprimer mon compte', 'supprimer mes donnees', 'konto loschen', 'daten loschen', 'loschen sie mein konto', 'excluir minha conta', 'apagar meus dados'],
    HOW_TO),
];

export const defaultIntents: IntentKeywords[] = [
  intent('billing', { en: 'your billing question', es: 'tu consulta de facturación', fr: 'votre question de facturation', de: 'Ihre Frage zur Abrechnung', pt: 'sua dúvida sobre cobrança' },
    ['invoice*', 'receipt*', 'payment*', 'billing', 'billed', 'bill', 'subscription', 'credit card', 'card declined', 'charge', 'charges', 'vat', 'factura*', 'pago', 'facture*', 'paiement', 'rechnung', 'zahlung', 'fatura', 'pagamento', 'cobranca']),
  intent('account', { en: 'your account', es: 'tu cuenta', fr: 'votre compte', de: 'Ihr Konto', pt: 'sua conta' },
    ['login', 'log in', 'sign in', 'password', 'username', 'my account', 'account settings', '2fa', 'contrasena', 'mi cuenta', 'mot de passe', 'mon compte', 'passwort', 'mein konto', 'senha', 'minha conta']),
  intent('technical', { en: 'the technical problem', es: 'el problema técnico', fr: 'le problème technique', de: 'das technische Problem', pt: 'o problema técnico' },
    ['error*', 'bug', 'bugs', 'buggy', 'crash*', 'not working', "isn't working", "doesn't work", 'does not work', "don't work", 'stopped working', 'nothing works', "won't load", 'not loading', 'fail*', 'stuck', 'outage', 'is down', 'service down', 'site down', 'went down', 'glitch*', 'freez*', 'froze', 'integration*', 'api', 'webhook*', 'sync*', 'no funciona', 'ne marche pas', 'ne fonctionne pas', 'funktioniert nicht', 'fehler', 'absturz', 'nao funciona', 'erreur']),
  intent('sales', { en: 'your purchase', es: 'tu compra', fr: 'votre achat', de: 'Ihr Kauf', pt: 'sua compra' },
    ['price*', 'pricing', 'cost*', 'quote*', 'quotation', 'demo', 'demos', 'enterprise', 'upgrade*', 'how much', 'buy', 'purchase', 'seats', 'license*', 'licence*', 'precio*', 'prix', 'tarif*', 'preis*', 'preco*', 'comprar', 'acheter', 'kaufen']),
];

// Every trigger block may be omitted or partly given; the rest comes from the defaults.
const off = <T extends z.core.$ZodType>(shape: T) => z.prefault(shape, {} as z.input<T>);

const TriggersFields = z.object({
  human_request: off(z.object({ enabled: Enabled, urgency: UrgencyOf('normal'), phrases: Phrases([]) })),
  low_confidence: off(
    z.object({
      enabled: Enabled,
      /**
       * Below this (strictly) a non-fallback answer counts as low confidence. The built-in bot sends no
       * answer below its own confidenceThreshold: its held-back near miss counts as low confidence too.
       */
      threshold: z._default(z.number().check(z.gte(0), z.lte(1)), 0.33),
      /** handoff: escalate; offer: the bot's reply asks the visitor whether they want a person. */
      // Hand off by default, as the shared trigger examples (test-data/trigger-examples.jsonl) expect.
      mode: z._default(z.enum(['offer', 'handoff']), 'handoff'),
      urgency: UrgencyOf('low'),
    }),
  ),
  policy_topic: off(z.object({ enabled: Enabled, topics: z._default(z.array(PolicyTopic), defaultPolicyTopics) })),
  customer_tag: off(
    z.object({
      enabled: Enabled,
      tags: Phrases(['vip', 'named-account', 'named_account']),
      /** Verified `lifetimeValue` attribute at or above this also bypasses the bot; null: off. */
      lifetimeValueAtLeast: z._default(z.nullable(z.number().check(z.gte(0))), null),
      urgency: UrgencyOf('high'),
    }),
  ),
  tool_failure: off(z.object({ enabled: Enabled, urgency: UrgencyOf('normal') })),
  buying_intent: off(
    z.object({
      enabled: Enabled,
      keywords: Phrases(['demo', 'demos', 'quote', 'quotation', 'custom pricing', 'custom plan', 'enterprise', 'bulk order*', 'bulk pricing', 'bulk discount', 'volume discount', 'volume pricing', 'talk to sales', 'sales team', 'contact sales', 'purchase order', 'procurement', 'cotizacion', 'presupuesto', 'demostracion', 'devis', 'ein angebot', 'angebot fur', 'orcamento', 'cotacao']),
      unless: Phrases(["i'm on the", 'i am on the', "we're on the", 'we are on the', 'my enterprise', 'our enterprise']),
      /** "for 300 seats": a seat or licence count at or above this is a sales lead. */
      seatsAtLeast: z._default(z.nullable(z.number().check(z.gte(1))), 20),
      /** Verified `cartValue` attribute at or above this; null: off. */
      cartValueAtLeast: z._default(z.nullable(z.number().check(z.gte(0))), 1000),
      urgency: UrgencyOf('normal'),
    }),
  ),
  repeated_failure: off(
    z.object({
      enabled: Enabled,
      /** Bot fallbacks with no real answer in between. */
      fallbacksInARow: Count(2),
      /** Fallbacks plus visitor turns that say it still fails or rephrase the same need. */
      failuresInARow: Count(3),
      stillFailingPhrases: Phrases(['still stuck', 'still not', "still doesn't", 'still does not', "still don't", 'still broken', 'still failing', 'still the same', 'still getting', 'still happening', 'still waiting', "still can't", 'still cannot', "didn't work", 'did not work', "doesn't work", 'does not work', 'not working', "didn't help", 'did not help', "doesn't help", 'not helpful', 'same problem', 'same issue', 'same error', 'not what i asked', "that's not it", "that's wrong", 'wrong answer', "doesn't answer", "didn't answer", 'you already said', 'already tried', 'already did', 'i did that', 'tried that', 'sigue sin', 'sigue igual', 'todavia no', 'no funciono', 'toujours pas', 'ca ne marche pas', 'immer noch', 'hat nicht funktioniert', 'ainda nao', 'nao funcionou']),
      urgency: UrgencyOf('normal'),
    }),
  ),
  frustration: off(
    z.object({
      enabled: Enabled,
      shouting: z._default(z.boolean(), true),
      repeatedPunctuation: z._default(z.boolean(), true),
      phrases: Phrases(['third time', '3rd time', 'fourth time', 'fifth time', 'how many times', 'again and again', 'still not working', "still doesn't work", 'still broken', 'ridiculous', 'absurd', 'nothing works', 'wasted', 'waste of time', 'waste of my time', 'useless', 'pointless', 'fed up', 'sick of', 'sick and tired', 'unacceptable', 'terrible', 'awful', 'horrible', 'worst', 'frustrated', 'frustrating', 'angry', 'furious', 'thanks for nothing', 'are you kidding', 'tercera vez', 'ridiculo', 'inaceptable', 'harto', 'harta', 'inutil', 'troisieme fois', 'ridicule', 'inacceptable', 'marre', 'inutile', 'zum dritten mal', 'lacherlich', 'unverschamt', 'nutzlos', 'funktioniert immer noch nicht', 'terceira vez', 'inaceitavel', 'absurdo']),
      /** These also raise the urgency to 'urgent'. */
      urgentPhrases: Phrases(['urgent', 'urgently', 'asap', 'emergency', 'immediately', 'right away', 'as soon as possible', 'urgente', 'urgencia', 'lo antes posible', 'immediatement', 'dringend', 'sofort', 'notfall', 'imediatamente']),
      profanity: Phrases(['fuck*', 'f*ck', 'shit', 'shitty', 'bullshit', 'wtf', 'ffs', 'goddamn', 'mierda', 'joder', 'merde', 'putain', 'scheisse', 'verdammt', 'porra', 'caralho']),
      urgency: UrgencyOf('high'),
    }),
  ),
  out_of_scope: off(
    z.object({
      enabled: Enabled,
      /** The bot saying it cannot do what was asked: a person can. */
      botCannotPhrases: Phrases(["i'm not able to", 'i am not able to', "i'm unable to", 'i am unable to', "i can't make", "i can't change", "i can't modify", "i can't cancel", "i can't process", "i can't issue", "i can't update", "i can't access", "i can't do that", "i can't help with that", 'i cannot make', 'i cannot change', 'i cannot modify', 'i cannot cancel', 'i cannot process', 'i cannot issue', 'i cannot update', 'i cannot access', 'i cannot do that', 'i cannot help with that', "i don't have access", 'i do not have access', 'not something i can', 'outside what i can', 'beyond what i can', 'no puedo', 'je ne peux pas', 'ich kann nicht', 'ich kann das nicht', 'nao posso', 'nao consigo']),
      /** Topics the site does not want the bot to answer at all. */
      noAnswerTopics: Phrases([]),
      urgency: UrgencyOf('normal'),
    }),
  ),
  requiredFacts: z._default(z.array(RequiredFactsRule), [
    // The order number is the required fact of a shop refund or return (handoff guide, section 8):
    // the order holds the email the label goes to.
    { topics: ['refund', 'return'], facts: ['orderNumber'], askAtMost: 2 },
  ]),
  intents: z._default(z.array(IntentKeywords), defaultIntents),
  semantic: off(SemanticConfig),
});

/** A topic needs a way to be raised: a keyword, or an example sentence that names it. */
const topicsCanBeRaised = z.superRefine((config: z.output<typeof TriggersFields>, ctx) => {
  const taught = new Set(config.semantic.examples.map((e) => e.label));
  for (const [i, topic] of config.policy_topic.topics.entries()) {
    if (topic.keywords.length > 0 || taught.has(topic.id)) continue;
    ctx.addIssue({
      code: 'custom',
      input: topic.keywords,
      path: ['policy_topic', 'topics', i, 'keywords'],
      message: `The topic "${topic.id}" has no keywords and no example sentences: add a keyword, or teach it by example.`,
    });
  }
});

export const TriggersConfig = TriggersFields.check(topicsCanBeRaised);
export type TriggersConfig = z.infer<typeof TriggersConfig>;
