import { describe, expect, it } from 'vitest';
import { normalizeOrigin } from '../../shared/site-config';
import { isOriginAllowed } from './origin-policy';

describe('allowed origins', () => {
  it('lets a listed page and programs without an Origin through, and no other page', () => {
    const allowed = ['https://shop.example', 'http://127.0.0.1:4000'];
    expect(isOriginAllowed('https://shop.example', allowed)).toBe(true);
    expect(isOriginAllowed('http://127.0.0.1:4000', allowed)).toBe(true);
    expect(isOriginAllowed(undefined, allowed)).toBe(true);
    expect(isOriginAllowed('https://copycat.example', allowed)).toBe(false);
    expect(isOriginAllowed('http://shop.example', allowed)).toBe(false);
    expect(isOriginAllowed('http://127.0.0.1:4001', allowed)).toBe(false);
    expect(isOriginAllowed('null', allowed)).toBe(false);
    expect(isOriginAllowed('https://shop.example', [])).toBe(false);
  });

  it('writes an origin as browsers send it, and refuses what is not one', () => {
    expect(normalizeOrigin('https://Shop.Example/')).toBe('https://shop.example');
    expect(normalizeOrigin(' https://shop.example:443 ')).toBe('https://shop.example');
    expect(normalizeOrigin('http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000');
    for (const bad of [
      'shop.example',
      'https://shop.example/path',
      'ftp://shop.example',
      'https://user:pw@shop.example',
      'https://shop.example?q=1',
      '',
    ]) {
      expect(normalizeOrigin(bad)).toBeNull();
    }
  });
});
