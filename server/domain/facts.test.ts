import { describe, expect, it } from 'vitest';
import { extractFacts, mergeFacts } from './facts';

describe('extractFacts', () => {
  it.each([
    ['I want a refund for order 48213, the item arrived broken', { orderNumber: '48213' }],
    ['where is my order 99812?', { orderNumber: '99812' }],
    ['my order number is A-99812', { orderNumber: 'A-99812' }],
    ['Order #55555 please', { orderNumber: '55555' }],
    ['ref #A123 is missing', { orderNumber: 'A123' }],
    ['ORD-12345 never arrived', { orderNumber: 'ORD-12345' }],
    ['Mi pedido 77812 no llegó', { orderNumber: '77812' }],
    ['ma commande n° 4455 est en retard', { orderNumber: '4455' }],
    ['Bestellnummer: 998877', { orderNumber: '998877' }],
    ['ik wil bestelling 2024-88172 terugsturen', { orderNumber: '2024-88172' }],
    ["l'ordine 55120 è arrivato rotto", { orderNumber: '55120' }],
    ['we cut our stay short, booking 88217, and expect to be reimbursed', { orderNumber: '88217' }],
    ['dá pra trocar a data do meu voo? reserva KX7P2Q', { orderNumber: 'KX7P2Q' }],
    ['my order arrived late, order 7788', { orderNumber: '7788' }],
    ['reach me at Jo.Doe@Example.com', { email: 'jo.doe@example.com' }],
    ['call me on +44 20 7946 0958', { phone: '+442079460958' }],
    ['My phone: 5551234567', { phone: '5551234567' }],
    ['my number is 555-123-4567', { phone: '5551234567' }],
    ['it cost $49.99', { amount: '49.99 USD' }],
    ['they took 19,99 EUR', { amount: '19,99 EUR' }],
    ['I paid €1.234,50 yesterday', { amount: '1.234,50 EUR' }],
    ['£20 for shipping?', { amount: '20 GBP' }],
    ['order #55555 cost $49.99', { orderNumber: '55555', amount: '49.99 USD' }],
    ['how do I export to CSV?', {}],
    ['it is stuck at 99%', {}],
    ['I have 300 seats', {}],
    ['it happened on 2024-01-15', {}],
    ['my order arrived broken', {}],
  ])('finds the facts in %j', (text, facts) => {
    expect(extractFacts(text)).toEqual(facts);
  });

  it('takes a bare reference as the order number only when the bot asked for one', () => {
    expect(extractFacts("it's 12345")).toEqual({});
    expect(extractFacts("it's 12345", { expecting: ['orderNumber'] })).toEqual({ orderNumber: '12345' });
  });

  it('does not take a date or a phone number for the order number it was waiting for', () => {
    expect(extractFacts('I ordered on 2024-01-15', { expecting: ['orderNumber'] })).toEqual({});
    expect(extractFacts('my phone is 5551234567', { expecting: ['orderNumber'] })).toEqual({ phone: '5551234567' });
  });

  it('does not read the digits of an email address as a phone number', () => {
    expect(extractFacts('write to anna.12345678@example.org')).toEqual({ email: 'anna.12345678@example.org' });
  });
});

describe('mergeFacts', () => {
  it('keeps earlier facts and lets a later mention correct one', () => {
    expect(mergeFacts({ email: 'old@example.com', orderNumber: '1' }, { email: 'new@example.com' })).toEqual({
      email: 'new@example.com',
      orderNumber: '1',
    });
  });

  it('does not change its inputs', () => {
    const known = { email: 'a@example.com' };
    mergeFacts(known, { phone: '5551234567' });
    expect(known).toEqual({ email: 'a@example.com' });
  });
});
