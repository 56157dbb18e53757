import { describe, expect, it } from 'vitest';
import { decideHandoff } from '.';
import { bulkQuantity } from './bulk-quantity';
import { defaults, saying } from './test-conversations';

describe('bulkQuantity', () => {
  it.each([
    ['somos 80 en el call center, con quien hablo para cerrarlo', '80 en'],
    ['we are 25 people looking to switch, can we get a call?', '25 people'],
    ['e pra 120 usuarios rola desconto?', '120 usuarios'],
    ['we want around 300 cartons a month, do you do trade accounts?', '300 cartons'],
    ['il me faudrait 1.200 kits, vous faites un prix ?', '1.200 kits'],
    ['we need 2000 mugs with our logo, what price?', '2000 mugs'],
    ['we are 450 people, can we get a quote?', '450 people'],
    ['precio para 400, por favor', '400'],
    ['do you do trade pricing? I run a café and would want roughly 40kg of beans a month', '40kg of beans a month'],
    ['gebruiken ongeveer 400 kg droogvoer per maand, kunnen we aan een ander tarief afnemen?', '400 kg droogvoer per maand'],
    ['gibt es die becher auch mit unserem logo drauf? bräuchten so 300 stück für ne messe', '300 stück'],
    ["we're a 60-person agency. who should I be speaking to about a rollout?", '60'],
    ['somos uma escola com 60 professores, conseguem marcar uma apresentacao?', '60 professores'],
    ['siamo 40 in ufficio e vorremmo cambiare piattaforma', '40 in'],
  ])('finds a bulk purchase in %j', (text, found) => {
    expect(bulkQuantity(text, 20)).toBe(found);
  });

  it.each([
    ['an order number', 'je veux un remboursement, commande 4455'],
    ['a long order number with a price word', 'order 48213 arrived broken, what is the price of a new one'],
    ['days', 'it has been 30 days, I want to talk to someone'],
    ['money', 'how much is 25 euros in dollars, for the price'],
    ['a small team', 'we are 3 people, is there a discount?'],
    ['no commerce at all', '30 users cannot log in since this morning'],
    ['a phone number', 'can someone from your team give me a call back? 0207 946 0321, after 3'],
    ['a year', "la foto nella pagina 'Offerte Puglia' è mia, l'ho scattata nel 2019 e nessuno mi ha chiesto il permesso"],
    ['a year at the end', 'we have been customers since 2021, any discount for loyalty?'],
    ['an HTTP status', 'our zap started throwing 401s. same 401. the onboarding call is in 40 min'],
    ['an error code', 'the checkout gives a 503 error when I try to buy'],
    ['one heavy parcel', 'my 30 kg dog food bag arrived torn, can I buy a new one?'],
    ['a small monthly amount', 'I buy about 2 kg of coffee a month, is there a discount?'],
    ['a logo that does not show', 'our logo is missing on 30 invoices'],
    ['a small team moving', 'we are 5 people moving off Trello, who should I talk to?'],
    ['an error shown, Portuguese', 'o app apresenta erro para 30 usuários'],
  ])('ignores %s', (_, text) => {
    expect(bulkQuantity(text, 20)).toBeNull();
  });
});

describe('numbers beside other words than a purchase (review of 8f2d404)', () => {
  it.each([
    'Tengo 25 fotos para una presentación del colegio de mi hijo, ¿cómo las subo?',
    "J'ai 30 diapositives pour une présentation, comment je les importe ?",
    'Ich habe 30 Folien für eine Präsentation, wie lade ich sie hoch?',
    'Ik heb 30 dia’s voor een presentatie, hoe upload ik ze?',
    'Mi app se cierra en una presentación de 40 diapositivas',
    'Tengo 300 juegos en mi cuenta, ¿los pierdo al cambiar de plataforma?',
    "I'm moving off campus with 30 boxes, can I change my delivery address?",
    'After the version 25 rollout my app crashes',
    'My order of 30 stickers arrived, who should I contact about a missing one?',
    'I want a mug with our logo for myself, our house number is 42',
    'You charge us 25 cents per text message, right? Just checking my bill',
    'Ich habe 24 bedruckte Servietten für meine Hochzeit bestellt, wann kommen sie?',
    '¿Tenéis condiciones especiales de envío para Canarias?',
    'Il formaggio richiede condizioni particolari di conservazione?',
    'Zijn er speciale voorwaarden voor retourneren in de uitverkoop?',
    'Gibt es Sonderkonditionen für Studenten beim Abo?',
    'Vous avez des conditions spéciales de livraison pendant les fêtes ?',
    'Há condições especiais de devolução no Natal?',
    'Is the storage limit 10 GB per 25 users or for the whole account?',
    'Il limite è 5 GB per 30 utenti?',
    'Onze school gebruikt de app voor 25 gebruikers, hoe reset ik een wachtwoord?',
  ])('is no buying intent: %j', (text) => {
    expect(decideHandoff(saying(text), defaults).escalate).toBe(false);
  });
});
