import { describe, expect, it } from 'vitest';
import { evidenceText } from './models/evidence-text';

describe('trigger evidence in the case package', () => {
  it('quotes the words a rule matched', () => {
    expect(evidenceText('geld zuruck')).toBe('“geld zuruck”');
  });

  it('shows what a message was close to by meaning as it is, with its similarity', () => {
    expect(evidenceText('close to "I want my money back" (0.91)')).toBe('close to "I want my money back" (0.91)');
    expect(evidenceText('bot: close to "I can\'t see your order" (0.90)')).toBe('bot: close to "I can\'t see your order" (0.90)');
  });
});
