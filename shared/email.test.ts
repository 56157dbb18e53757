import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './email';

describe('normalizeEmail', () => {
  it.each([
    ' Ana@Example.test ',
    'ANA@EXAMPLE.TEST',
    '\u00a0ana@example.test\t',
    'ａｎａ@ｅｘａｍｐｌｅ.test',
    'ana\u200b@example.test',
    '\ufeffana@example.test',
  ])('%j is ana@example.test', (raw) => {
    expect(normalizeEmail(raw)).toBe('ana@example.test');
  });
});
