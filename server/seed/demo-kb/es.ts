import type { KnowledgeBaseEntryInput } from '../../../shared/config/bot';

/** Lumen Lamps' articles in Spanish: the same ids (and intents) as the English ones. */
export const spanishArticles: KnowledgeBaseEntryInput[] = [
  {
    id: 'opening_hours',
    question: '¿Cuál es vuestro horario de atención?',
    answer: 'Nuestro horario está en la página de contacto.',
    answerFrom: 'site_hours',
    keywords: [
      'abierto',
      'abren',
      'abrís',
      'cierran',
      'cerrado',
      'horario',
      'hora',
      'fin de semana',
      'sábado',
      'domingo',
      'festivo',
      'disponible',
    ],
  },
  {
    id: 'shipping_times',
    question: '¿Cuánto tarda el envío?',
    answer:
      'Los pedidos realizados antes de las 15:00 en un día laborable salen del almacén el mismo día. La entrega tarda 1–2 días laborables en Países Bajos y Bélgica, 2–5 en el resto de la UE y 5–10 en el resto del mundo.',
    intent: 'shipping',
    keywords: ['entrega', 'plazo', 'tarda', 'llega', 'llegar', 'días', 'internacional', 'extranjero', 'país', 'rápido'],
  },
  {
    id: 'shipping_costs',
    question: '¿Cuánto cuestan los gastos de envío?',
    answer:
      'El envío es gratuito en pedidos de más de 50 € dentro de la UE. Por debajo cuesta 4,95 € en Países Bajos y Bélgica, 9,95 € en el resto de la UE y 19,95 € en el resto del mundo.',
    intent: 'shipping',
    keywords: ['gastos', 'coste', 'precio', 'envío gratis', 'gratuito', 'cobran', 'caro'],
  },
  {
    id: 'order_status',
    question: '¿Dónde está mi pedido?',
    answer:
      'Puedes seguir tu paquete con el enlace de seguimiento del correo de confirmación de envío o en «Mis pedidos» de tu cuenta. El seguimiento suele actualizarse unas horas después del envío.',
    keywords: ['seguimiento', 'paquete', 'estado', 'enviado', 'retraso', 'no ha llegado', 'recibido', 'entregado', 'rastrear'],
  },
  {
    id: 'password_reset',
    question: '¿Cómo restablezco mi contraseña?',
    answer:
      'Elige «¿Has olvidado tu contraseña?» en la página de inicio de sesión e introduce tu correo; el enlace llega en unos minutos (revisa también el correo no deseado). El enlace es válido durante una hora.',
    intent: 'account_access',
    keywords: ['olvidé', 'olvidado', 'iniciar sesión', 'entrar', 'acceder', 'bloqueada', 'cuenta', 'cambiar contraseña'],
  },
  {
    id: 'returns_policy',
    question: '¿Cuál es vuestra política de devoluciones?',
    answer:
      'Puedes devolver cualquier lámpara en los 30 días siguientes a la entrega, sin usar y en su embalaje original. Inicia la devolución en «Mis pedidos» e imprime la etiqueta gratuita; reembolsamos en 5 días laborables desde que la recibimos.',
    intent: 'returns',
    keywords: ['devolver', 'devolución', 'cambiar', 'cambio', 'color', 'etiqueta', 'no la quiero', 'me arrepentí'],
  },
  {
    id: 'payment_methods',
    question: '¿Qué formas de pago aceptáis?',
    answer: 'Aceptamos iDEAL, Visa, Mastercard, American Express, PayPal, Bancontact, Klarna (pago aplazado) y Apple Pay.',
    intent: 'payment',
    keywords: ['pagar', 'pago', 'tarjeta', 'tarjeta de crédito', 'débito', 'paypal', 'klarna', 'factura', 'apple pay'],
  },
  {
    id: 'warranty',
    question: '¿Tienen garantía vuestras lámparas?',
    answer:
      'Todas las lámparas Lumen tienen dos años de garantía contra defectos de fabricación y cinco años en los módulos LED. Guarda la confirmación del pedido como prueba de compra.',
    keywords: ['garantía', 'defecto', 'defectuosa', 'no funciona', 'parpadea', 'rota', 'reparar', 'reparación'],
  },
  {
    id: 'bulb_compatibility',
    question: '¿Qué bombillas sirven para mi lámpara?',
    answer:
      'Cada ficha de producto indica el casquillo (E27, E14 o GU10) y la potencia máxima. Todas nuestras lámparas funcionan con bombillas LED; las regulables necesitan una bombilla regulable.',
    intent: 'product_question',
    keywords: ['bombilla', 'casquillo', 'rosca', 'vatios', 'led', 'regulable', 'regulador', 'e27', 'e14', 'gu10'],
  },
  {
    id: 'legal_advice',
    question: '¿Me puedes dar asesoramiento legal?',
    answer: 'No puedo dar asesoramiento legal. Una persona de nuestro equipo puede revisarlo contigo.',
    intent: 'legal',
    keywords: ['abogado', 'demandar', 'demanda', 'tribunal', 'juicio', 'legal', 'jurídico'],
    outOfScope: true,
  },
];
