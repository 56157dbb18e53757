import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../shared/search-text';
import { MAX_SEARCH_TEXT_CHARS, searchTextOf } from './search-text';

const base = { visitorName: null, email: null, intent: null, facts: {}, messages: [] as string[] };

describe('searchTextOf', () => {
  it('holds name, email, intent, facts and what was said, normalised', () => {
    const text = searchTextOf({
      visitorName: 'José Núñez',
      email: 'Jose@Example.com',
      intent: 'refund',
      facts: { orderNumber: 'A-1042' },
      messages: ['My DIMMER   flickers', 'Sorry to hear that'],
    });
    for (const word of ['jose nunez', 'jose@example.com', 'refund', 'ordernumber a-1042', 'my dimmer flickers', 'sorry to hear']) {
      expect(text).toContain(word);
    }
  });

  it('keeps the start and the end of a transcript too long to store whole', () => {
    const messages = ['first words', ...Array.from({ length: 5000 }, (_, i) => `filler ${i}`), 'last words'];
    const text = searchTextOf({ ...base, messages });
    expect(text.length).toBeLessThanOrEqual(MAX_SEARCH_TEXT_CHARS);
    expect(text).toContain('first words');
    expect(text).toContain('last words');
    expect(text).not.toContain('filler 2500 ');
  });

  it('normalises a query the same way as the stored text', () => {
    expect(normalizeForSearch('  CAFÉ\tcrème ')).toBe('cafe creme');
  });
});
