import { describe, expect, it } from 'vitest';
import { RequiredFactsRule } from './config/triggers';
import { factLabel } from './fact-labels';
import { defaultVisitorStrings } from './visitor-strings';

const factKeys = RequiredFactsRule.shape.facts._zod.def.element.options;

describe('required fact labels', () => {
  it('has a sentence of its own, which sites can override, for every fact a site can require (every locale has every sentence: widget/strings.test.ts)', () => {
    expect(factKeys.length).toBeGreaterThan(0);
    const marked = Object.fromEntries(Object.keys(defaultVisitorStrings.en).map((key) => [key, `<${key}>`]));
    for (const key of factKeys) expect(factLabel(marked, key), key).toMatch(/^<fact[A-Z]\w+>$/);
  });

  it('speaks the visitor’s language', () => {
    expect(factLabel(defaultVisitorStrings.en, 'orderNumber')).toBe('order number');
    expect(factLabel(defaultVisitorStrings.de, 'orderNumber')).toBe('Bestellnummer');
    expect(factLabel(defaultVisitorStrings.fr, 'email')).toBe('adresse e-mail');
  });

  it('uses a site’s own wording for a fact', () => {
    expect(factLabel({ ...defaultVisitorStrings.en, factOrderNumber: 'receipt number' }, 'orderNumber')).toBe('receipt number');
  });

  it('spells out a fact without a label from its id', () => {
    expect(factLabel(defaultVisitorStrings.en, 'shoeSize')).toBe('shoe size');
    expect(factLabel(defaultVisitorStrings.en, 'loyalty_card_ID')).toBe('loyalty card id');
    expect(factLabel({}, 'orderNumber')).toBe('order number');
    expect(factLabel(defaultVisitorStrings.en, 'constructor')).toBe('constructor');
  });
});
