import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { locateExampleBank } from './bank-location';

const made: string[] = [];
function tree(...dirs: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'baton-bank-'));
  made.push(root);
  for (const dir of dirs) mkdirSync(join(root, dir), { recursive: true });
  return root;
}
afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('locating the example bank', () => {
  it('finds data/handoff-examples above the sources and above the built server alike', () => {
    const root = tree('data/handoff-examples', 'server/meaning', 'dist/server');
    expect(locateExampleBank({}, join(root, 'server/meaning/example-bank.ts'))).toBe(join(root, 'data/handoff-examples'));
    expect(locateExampleBank({}, join(root, 'dist/server/main.js'))).toBe(join(root, 'data/handoff-examples'));
  });

  it('takes BATON_DATA_DIR over the search', () => {
    const root = tree('elsewhere/handoff-examples', 'data/handoff-examples', 'dist/server');
    expect(locateExampleBank({ BATON_DATA_DIR: join(root, 'elsewhere') }, join(root, 'dist/server/main.js'))).toBe(
      join(root, 'elsewhere/handoff-examples'),
    );
  });

  it('names the variable to set when there is no bank above the module', () => {
    const root = tree('dist/server');
    expect(() => locateExampleBank({}, join(root, 'dist/server/main.js'))).toThrow(/BATON_DATA_DIR/);
  });
});
