import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, parseSecretKey, seal } from './secret-box';

describe('secret box', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and the sealed form does not contain the secret', () => {
    const sealed = seal(key, 'sk-live-1234567890');
    expect(JSON.stringify(sealed)).not.toContain('sk-live');
    expect(open(key, sealed)).toBe('sk-live-1234567890');
    expect(seal(key, 'sk-live-1234567890').iv).not.toBe(sealed.iv);
  });

  it('refuses another key and altered data', () => {
    const sealed = seal(key, 'sk-live');
    expect(open(randomBytes(32), sealed)).toBeNull();
    expect(open(key, { ...sealed, data: Buffer.from('sk-livf').toString('base64') })).toBeNull();
  });

  it('reads the key as base64 or hex, and names the variable when it is the wrong size', () => {
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretKey(undefined)).toBeNull();
    expect(() => parseSecretKey('c2hvcnQ=')).toThrow('BATON_SECRET_KEY must be 32 bytes');
  });
});
