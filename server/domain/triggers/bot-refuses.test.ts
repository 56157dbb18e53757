import { describe, expect, it } from 'vitest';
import { soundsRefusing } from './bot-refuses';

describe('a bot reply that says no', () => {
  it.each([
    "I can't change the delivery date from here.",
    'Desde aquí no puedo cancelar tu pedido.',
    "Je n'ai pas la possibilité d'effectuer un remboursement.",
    'Die Sendungsverfolgung kann ich leider nicht abrufen.',
    'Infelizmente não consigo alterar o pedido.',
    'Purtroppo non posso modificare la prenotazione.',
    'Helaas kan ik je factuur niet aanpassen.',
    'Si deseas cancelar, lamentablemente no puedo hacerlo desde aquí.',
  ])('hears it in "%s"', (text) => {
    expect(soundsRefusing(text)).toBe(true);
  });

  it.each([
    'Done! Your order now ships to the new address.',
    'Pronto, alterei o tamanho para 42.',
    'Du hast noch 6,8 GB bis zum 30.',
    'Sí, mientras no se haya enviado puedes cambiar la talla en Mis pedidos > Editar.',
  ])('hears none in "%s"', (text) => {
    expect(soundsRefusing(text)).toBe(false);
  });
});
