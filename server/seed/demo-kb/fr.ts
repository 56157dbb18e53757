import type { KnowledgeBaseEntryInput } from '../../../shared/config/bot';

/** Lumen Lamps' articles in French: the same ids (and intents) as the English ones. */
export const frenchArticles: KnowledgeBaseEntryInput[] = [
  {
    id: 'opening_hours',
    question: "Quels sont vos horaires d'ouverture ?",
    answer: 'Nos horaires sont sur notre page de contact.',
    answerFrom: 'site_hours',
    keywords: [
      'ouvert',
      'ouverts',
      'ouvrez',
      'ouverture',
      'fermé',
      'fermeture',
      'horaires',
      'heures',
      'week-end',
      'samedi',
      'dimanche',
      'férié',
      'disponible',
    ],
  },
  {
    id: 'shipping_times',
    question: 'Combien de temps prend la livraison ?',
    answer:
      "Les commandes passées avant 15 h un jour ouvré quittent l'entrepôt le jour même. La livraison prend 1 à 2 jours ouvrés aux Pays-Bas et en Belgique, 2 à 5 dans le reste de l'UE et 5 à 10 dans le reste du monde.",
    intent: 'shipping',
    keywords: ['délai', 'livraison', 'livrer', 'arriver', 'recevoir', 'jours', 'expédition', 'international', 'étranger', 'pays', 'rapide'],
  },
  {
    id: 'shipping_costs',
    question: 'Combien coûtent les frais de port ?',
    answer:
      "La livraison est gratuite dès 50 € de commande dans l'UE. En dessous, elle coûte 4,95 € aux Pays-Bas et en Belgique, 9,95 € ailleurs dans l'UE et 19,95 € dans le reste du monde.",
    intent: 'shipping',
    keywords: ["frais d'envoi", 'frais de livraison', 'prix', 'livraison gratuite', 'gratuit', 'coût', 'cher'],
  },
  {
    id: 'order_status',
    question: 'Où est ma commande ?',
    answer:
      "Suivez votre colis avec le lien de suivi de l'e-mail de confirmation d'expédition, ou dans « Mes commandes » de votre compte. Le suivi se met à jour quelques heures après l'expédition.",
    keywords: ['suivi', 'suivre', 'colis', 'paquet', 'statut', 'expédiée', 'retard', 'pas arrivée', 'reçu', 'livrée'],
  },
  {
    id: 'password_reset',
    question: 'Comment réinitialiser mon mot de passe ?',
    answer:
      'Choisissez « Mot de passe oublié ? » sur la page de connexion et saisissez votre adresse e-mail ; un lien arrive en quelques minutes (regardez aussi dans les indésirables). Le lien est valable une heure.',
    intent: 'account_access',
    keywords: ['oublié', 'connexion', 'connecter', 'identifiant', 'bloqué', 'compte', 'changer le mot de passe'],
  },
  {
    id: 'returns_policy',
    question: 'Quelle est votre politique de retour ?',
    answer:
      "Vous pouvez retourner toute lampe dans les 30 jours suivant la livraison, non utilisée et dans son emballage d'origine. Lancez le retour dans « Mes commandes » et imprimez l'étiquette gratuite ; nous remboursons sous 5 jours ouvrés après réception.",
    intent: 'returns',
    keywords: ['retour', 'retourner', 'renvoyer', 'échanger', 'échange', 'couleur', 'étiquette', "changé d'avis"],
  },
  {
    id: 'payment_methods',
    question: 'Quels moyens de paiement acceptez-vous ?',
    answer: 'Nous acceptons iDEAL, Visa, Mastercard, American Express, PayPal, Bancontact, Klarna (paiement différé) et Apple Pay.',
    intent: 'payment',
    keywords: ['payer', 'paiement', 'carte', 'carte bancaire', 'carte de crédit', 'paypal', 'klarna', 'facture', 'apple pay'],
  },
  {
    id: 'warranty',
    question: 'Vos lampes sont-elles garanties ?',
    answer:
      "Chaque lampe Lumen est garantie deux ans contre les défauts de fabrication, et cinq ans pour les modules LED. Gardez votre confirmation de commande comme preuve d'achat.",
    keywords: ['garantie', 'défaut', 'défectueuse', 'ne marche plus', 'clignote', 'cassée', 'réparer', 'réparation'],
  },
  {
    id: 'bulb_compatibility',
    question: 'Quelles ampoules vont sur ma lampe ?',
    answer:
      'Chaque fiche produit indique le culot (E27, E14 ou GU10) et la puissance maximale. Toutes nos lampes fonctionnent avec des ampoules LED ; les lampes à variateur demandent une ampoule dimmable.',
    intent: 'product_question',
    keywords: ['ampoule', 'culot', 'douille', 'watts', 'led', 'dimmable', 'variateur', 'e27', 'e14', 'gu10'],
  },
  {
    id: 'legal_advice',
    question: 'Pouvez-vous me donner un conseil juridique ?',
    answer: 'Je ne peux pas donner de conseil juridique. Une personne de notre équipe peut regarder cela avec vous.',
    intent: 'legal',
    keywords: ['avocat', 'poursuivre', 'procès', 'tribunal', 'plainte', 'juridique', 'légal'],
    outOfScope: true,
  },
];
