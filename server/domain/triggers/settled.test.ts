import { describe, expect, it } from 'vitest';
import { decideHandoff } from '.';
import { findSettledNews, findSolvedBefore } from './settled';
import { normalizeText } from './text';
import { defaults, saying } from './test-conversations';

const settled = (text: string) => findSettledNews(normalizeText(text));

describe('news that money came back', () => {
  it.each([
    'just letting you know the refund for order 77410 landed today, thanks for sorting it',
    'solo quería deciros que ya me ha llegado el reembolso del pedido 22874. ¡Gracias!',
    'le remboursement de la commande 31877 est bien arrivé, merci',
    'die Erstattung für Bestellung 58821 ist heute angekommen, danke euch',
    'o reembolso do pedido 4411 já caiu na conta, obrigada!',
    'il rimborso è arrivato ieri, grazie mille',
    'de terugbetaling is binnen, bedankt!',
    'le remboursement de ma commande 31877 est bien arrivé, merci',
    'Solo quería deciros que ya me llegó el reembolso del pedido 33019, todo bien 👍',
    'Nur kurz: die Erstattung für Bestellung 448120 ist heute auf meinem Konto angekommen, alles gut 👍 Habt ihr die Trailrunner eigentlich auch in 43?',
  ])('is settled news in %j, no case', (text) => {
    expect(settled(text)).not.toBeNull();
    expect(decideHandoff(saying(text), defaults).escalate).toBe(false);
  });

  it.each([
    ['a question', 'the refund for order 77410 arrived, thanks — why is it less than I paid?'],
    ['a but', 'refund for order 77410 arrived but only half of it, thanks'],
    ['something missing', 'el reembolso del pedido 22874 ha llegado pero falta el envío, gracias'],
    ['no thanks', 'the refund for order 77410 has not arrived'],
    ['a refund still asked for', 'I want a refund for order 77410, thanks'],
    ['a refund not received', "I haven't received my refund for order 77410 yet, thanks"],
    ['a refund not received, in German', 'Ich habe die Erstattung für Bestellung 58821 nicht erhalten, danke'],
    ['a question about the money', 'the refund for order 77410 arrived, all good. is that the full amount?'],
    ['a question why', 'de terugbetaling van bestelling 77410 is binnen, alles goed. Waarom duurde het drie weken?'],
    ['all good but something missing', 'die Erstattung für Bestellung 58821 ist angekommen, alles gut, aber der Versand fehlt'],
    ['a damaged parcel received', 'I received a damaged lamp, order 77410, I would like a refund please. Thanks'],
  ])('keeps the case open with %s', (_, text) => {
    expect(settled(text)).toBeNull();
    expect(decideHandoff(saying(text), defaults).escalate).toBe(true);
  });
});

describe('a problem told as already solved', () => {
  it.each([
    'hey, last month you double charged me for the subscription but it got refunded the next day, so thanks. can I change the date it renews?',
    'la semana pasada me cobrasteis dos veces pero ya me lo devolvisteis, todo ok 👍 cómo cambio la tarjeta?',
    "a gennaio qualcuno era entrato nel mio account ma il vostro supporto ha sistemato tutto, bravissimi. dov'è la verifica in due passaggi?",
    'vorige maand twee keer afgeschreven, maar dat is al teruggestort. kan ik mijn betaaldatum wijzigen?',
  ])('is no case in %j', (text) => {
    expect(findSolvedBefore(normalizeText(text))).not.toBeNull();
    expect(decideHandoff(saying(text), defaults).escalate).toBe(false);
  });

  it.each([
    ['only half back', 'you charged me twice for order 48213 but refunded only half of it'],
    ['broken again', 'my account was hacked, you fixed it but now it is hacked again'],
    ['not refunded', 'you charged me twice, but it was not refunded'],
    ['a contraction', "I returned order 48213 three weeks ago but it hasn't been refunded"],
    ['a wish', 'I returned order 48213 but I would like to be refunded'],
    ['nothing solved', 'Ihr habt für Bestellung 48213 doppelt abgebucht, aber nichts wurde erstattet'],
    ['French "ma" (my)', "j'ai été débité deux fois, ma banque dit que rien n'est réglé"],
    ['solved before the but', 'they told me it was fixed but my account got hacked again'],
  ])('stays a case with %s', (_, text) => {
    expect(findSolvedBefore(normalizeText(text))).toBeNull();
    expect(decideHandoff(saying(text), defaults).escalate).toBe(true);
  });
});
