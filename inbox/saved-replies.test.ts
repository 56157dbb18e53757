import { describe, expect, it } from 'vitest';
import type { SavedReply } from '../shared/config/saved-replies';
import { fillPlaceholders, matchReplies } from './models/saved-replies';

const reply = (id: string, title: string, text: string): SavedReply => ({ id, title, text });

describe('fillPlaceholders', () => {
  it('fills the visitor’s name and email and the operator’s first name', () => {
    expect(
      fillPlaceholders('Hi {{visitor.name}}, I’m {{operator.name}}. We will write to {{ visitor.email }}.', {
        visitorName: 'Vera',
        visitorEmail: 'vera@example.com',
        operatorName: 'Dana Demo',
      }),
    ).toBe('Hi Vera, I’m Dana. We will write to vera@example.com.');
  });

  it('leaves no gap for an anonymous visitor, and keeps an unknown placeholder visible', () => {
    const values = { visitorName: null, visitorEmail: null, operatorName: 'Dana' };
    expect(fillPlaceholders('Hi {{visitor.name}}, thanks!', values)).toBe('Hi, thanks!');
    expect(fillPlaceholders('Thanks {{visitor.name}}.', values)).toBe('Thanks.');
    expect(fillPlaceholders('Order {{order.id}} ships today', values)).toBe('Order {{order.id}} ships today');
  });
});

describe('matchReplies', () => {
  const replies = [
    reply('refund', 'Refund policy', 'Refunds take 5 days.'),
    reply('hours', 'Opening hours', 'We open at nine; refunds are handled by billing.'),
  ];

  it('finds by every word, in title or text, accents and case aside, titles first', () => {
    expect(matchReplies(replies, 'REFUND').map((r) => r.id)).toEqual(['refund', 'hours']);
    expect(matchReplies(replies, 'nine refunds').map((r) => r.id)).toEqual(['hours']);
    expect(matchReplies(replies, 'opéning').map((r) => r.id)).toEqual(['hours']);
    expect(matchReplies(replies, '').map((r) => r.id)).toEqual(['refund', 'hours']);
    expect(matchReplies(replies, 'shipping')).toEqual([]);
  });
});
