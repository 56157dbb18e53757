import type { KnowledgeBaseEntryInput } from '../../../shared/config/bot';

/** Lumen Lamps' articles in English (the fallback language). */
export const englishArticles: KnowledgeBaseEntryInput[] = [
  {
    id: 'opening_hours',
    question: 'What are your opening hours?',
    answer: 'Our opening hours are on our contact page.',
    answerFrom: 'site_hours',
    keywords: ['open', 'opening times', 'closing time', 'closed', 'weekend', 'saturday', 'sunday', 'holiday', 'available'],
  },
  {
    id: 'shipping_times',
    question: 'How long does shipping take?',
    answer:
      'Orders placed before 15:00 on a working day leave our warehouse the same day. Delivery takes 1–2 working days in the Netherlands and Belgium, 2–5 in the rest of the EU, and 5–10 worldwide.',
    intent: 'shipping',
    keywords: ['delivery time', 'how long', 'deliver', 'arrive', 'days', 'dispatch', 'international', 'abroad', 'country', 'fast'],
  },
  {
    id: 'shipping_costs',
    question: 'How much does shipping cost?',
    answer:
      'Shipping is free on orders over €50 in the EU. Below that it is €4.95 in the Netherlands and Belgium, €9.95 elsewhere in the EU and €19.95 worldwide.',
    intent: 'shipping',
    keywords: ['postage', 'delivery fee', 'free shipping', 'price', 'charge', 'expensive'],
  },
  {
    id: 'order_status',
    question: 'Where is my order?',
    answer:
      'You can follow your parcel with the tracking link in your shipping confirmation email, or under "My orders" in your account. Tracking usually updates a few hours after dispatch.',
    keywords: ['track', 'tracking', 'parcel', 'package', 'status', 'shipped', 'late', 'not arrived', 'received', 'delivered'],
  },
  {
    id: 'password_reset',
    question: 'How do I reset my password?',
    answer:
      'Choose "Forgot password?" on the sign-in page and enter your email address; a reset link arrives within a few minutes (check your spam folder too). The link is valid for one hour.',
    intent: 'account_access',
    keywords: ['forgot', 'login', 'log in', 'sign in', 'locked', 'account', 'change password'],
  },
  {
    id: 'returns_policy',
    question: 'What is your returns policy?',
    answer:
      'You can return any lamp within 30 days of delivery, unused and in its original packaging. Start a return under "My orders" and print the free return label; we refund within 5 working days of receiving it.',
    intent: 'returns',
    keywords: ['return', 'send back', 'exchange', 'swap', 'colour', 'color', 'label', 'unwanted', 'changed my mind'],
  },
  {
    id: 'payment_methods',
    question: 'Which payment methods do you accept?',
    answer: 'We accept iDEAL, Visa, Mastercard, American Express, PayPal, Bancontact, Klarna (pay later) and Apple Pay.',
    intent: 'payment',
    keywords: ['pay', 'options', 'credit card', 'debit', 'paypal', 'klarna', 'ideal', 'invoice', 'apple pay'],
  },
  {
    id: 'warranty',
    question: 'Is there a warranty on your lamps?',
    answer:
      'Every Lumen lamp has a two-year warranty covering manufacturing defects, and five years on the LED modules. Keep your order confirmation as proof of purchase.',
    keywords: ['guarantee', 'defect', 'faulty', 'stopped working', 'flicker', 'broken', 'repair'],
  },
  {
    id: 'bulb_compatibility',
    question: 'Which bulbs fit my lamp?',
    answer:
      'Each product page lists the fitting (E27, E14 or GU10) and the maximum wattage. All our lamps work with LED bulbs; dimmable lamps need a dimmable bulb.',
    intent: 'product_question',
    keywords: ['bulb', 'bulb type', 'fitting', 'socket', 'watt', 'led', 'dimmable', 'dimmer', 'e27', 'e14', 'gu10'],
  },
  {
    id: 'legal_advice',
    question: 'Can you give me legal advice?',
    answer: "I'm not able to give legal advice. Someone from our team can look at this with you.",
    intent: 'legal',
    keywords: ['lawyer', 'sue', 'court', 'lawsuit', 'legal'],
    outOfScope: true,
  },
];
