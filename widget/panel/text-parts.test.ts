import { describe, expect, it } from 'vitest';
import { splitText } from './text-parts';

describe('text typed by people', () => {
  it.each([
    ['plain words', 'no links here', [{ kind: 'text', text: 'no links here' }]],
    [
      'an https link inside a sentence, without the full stop',
      'see https://example.com/a?b=1.',
      [
        { kind: 'text', text: 'see ' },
        { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
        { kind: 'text', text: '.' },
      ],
    ],
    [
      'a bracketed link keeps its own closing bracket',
      '(https://en.wikipedia.org/wiki/Bot_(disambiguation))',
      [
        { kind: 'text', text: '(' },
        {
          kind: 'link',
          text: 'https://en.wikipedia.org/wiki/Bot_(disambiguation)',
          href: 'https://en.wikipedia.org/wiki/Bot_(disambiguation)',
        },
        { kind: 'text', text: ')' },
      ],
    ],
  ])('%s', (_name, text, parts) => {
    expect(splitText(text)).toEqual(parts);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '<a href="javascript:alert(1)">click</a>',
    '<img src=x onerror=alert(1)>',
  ])('never turns %s into a link', (text) => {
    expect(splitText(text)).toEqual([{ kind: 'text', text }]);
  });

  it('ends a link at a quote so markup cannot smuggle attributes', () => {
    const parts = splitText('https://example.com/"onmouseover="alert(1)');
    expect(parts[0]).toEqual({ kind: 'link', text: 'https://example.com/', href: 'https://example.com/' });
    expect(parts.slice(1)).toEqual([{ kind: 'text', text: '"onmouseover="alert(1)' }]);
  });

  it('only links http and https, whatever the case', () => {
    expect(splitText('HTTP://EXAMPLE.COM and ftp://example.com')).toEqual([
      { kind: 'link', text: 'HTTP://EXAMPLE.COM', href: 'http://example.com/' },
      { kind: 'text', text: ' and ftp://example.com' },
    ]);
  });
});
