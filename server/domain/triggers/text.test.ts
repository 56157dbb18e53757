import { describe, expect, it } from 'vitest';
import { createPhraseIndex, phraseSource } from './phrase-index';
import { isNegatedAt, normalizeText, splitClauses } from './text';

describe('normalizeText', () => {
  it.each([
    ['Rückerstattung', 'ruckerstattung'],
    ['Réclamation', 'reclamation'],
    ['STRASSE and Straße', 'strasse and strasse'],
    ['don’t', "don't"],
    ['“quoted”', '"quoted"'],
    ['ＡＧＥＮＴ', 'agent'],
    ['Ação', 'acao'],
  ])('%j becomes %j', (text, normalized) => {
    expect(normalizeText(text)).toBe(normalized);
  });
});

describe('splitClauses', () => {
  it.each([
    ["i don't know, can i talk to a person?", ["i don't know", ' can i talk to a person']],
    ['for 1,000 seats', ['for 1,000 seats']],
    ['it broke. now what', ['it broke', ' now what']],
    ['i tried but it failed', ['i tried', 'it failed']],
  ])('splits %j', (text, clauses) => {
    expect(splitClauses(text)).toEqual(clauses);
  });
});

describe('isNegatedAt', () => {
  const isNegated = (clause: string, word: string) => isNegatedAt(clause, clause.indexOf(word), clause.indexOf(word) + word.length);
  it.each([
    ["i don't need a human", 'need', true],
    ["i don't really want to talk to a human", 'talk', true],
    ['no need to talk to a human', 'talk', true],
    ['no refund yet', 'refund', false],
    ["this doesn't work i need an agent", 'need', false],
    ["why can't i talk to a human", 'talk', false],
    ['no quiero hablar con una persona', 'hablar', true],
    ['je ne veux pas parler', 'parler', true],
    ["je n'ai besoin", 'besoin', true],
    ["i'm not asking for a refund", 'refund', true],
    ['this is not about a refund', 'refund', true],
    ["i'm not looking for a refund", 'refund', true],
    ['no need for a refund', 'refund', true],
    ['no refund needed', 'refund', true],
    ['refund not needed', 'refund', true],
    ["a refund isn't necessary", 'refund', true],
    ['no i want a refund', 'refund', false],
    ["i didn't get my refund", 'refund', false],
    ['refund needed for order 5521', 'refund', false],
    ['i want a refund not store credit', 'refund', false],
    ['no estoy pidiendo un reembolso', 'reembolso', true],
    ['no hace falta un reembolso', 'reembolso', true],
    ['reembolso no es necesario', 'reembolso', true],
    ['je ne demande pas de remboursement', 'remboursement', true],
    ["remboursement n'est pas necessaire", 'remboursement', true],
    ['ich frage nicht nach einer ruckerstattung', 'ruckerstattung', true],
    ['erstattung nicht notig', 'erstattung', true],
    ['nao estou pedindo reembolso', 'reembolso', true],
    ['reembolso nao e necessario', 'reembolso', true],
  ])('in %j at %j: %s', (clause, word, negated) => {
    expect(isNegated(clause, word)).toBe(negated);
  });
});

describe('phrase matching', () => {
  const index = createPhraseIndex();
  const charge = index.compile(['charge']);
  const login = index.compile(['log in', "can't"]);
  const refund = index.compile(['refund*']);
  const find = (matcher: typeof charge, text: string) => matcher.find(index.analyze(text))?.evidence ?? null;

  it.each([
    [charge, 'a charge on my card', 'charge'],
    [charge, 'my charger broke', null],
    [charge, 'recharge', null],
    [login, 'I cannot login', 'login'],
    [login, 'log-in fails', 'log-in'],
    [login, 'I cant see it', 'cant'],
    [refund, 'I was refunded twice', 'refunded'],
    [refund, 'Refunds?', 'refunds'],
  ])('finds whole words only (%#)', (matcher, text, evidence) => {
    expect(find(matcher, text)).toBe(evidence);
  });

  it('prefers a mention that is not negated', () => {
    expect(refund.find(index.analyze("I don't want a refund, wait, yes I want a refund"))).toEqual({
      evidence: 'refund',
      isNegated: false,
    });
    expect(refund.find(index.analyze("I don't want a refund"))).toEqual({ evidence: 'refund', isNegated: true });
  });

  it('escapes regex characters in site phrases', () => {
    expect(() => new RegExp(phraseSource('c++ (beta)?'), 'u')).not.toThrow();
    const plus = index.compile(['c++']);
    expect(plus.find(index.analyze('is c++ supported'))?.evidence).toBe('c++');
  });
});
