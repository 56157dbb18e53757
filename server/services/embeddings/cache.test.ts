import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFileName, EmbeddingCache } from './cache';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-embeddings-cache-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('embedding cache file', () => {
  it('gives each (model, prefix) its own file', () => {
    expect(cacheFileName('multilingual-e5-small-q4', '')).toMatch(/^multilingual-e5-small-q4-[0-9a-f]{12}\.jsonl$/);
    expect(cacheFileName('m', '')).not.toBe(cacheFileName('m', 'query: '));
    expect(cacheFileName('text-embedding-3-small', '')).not.toBe(cacheFileName('m', ''));
  });

  it('keeps vectors across reopening, exactly', async () => {
    const dir = tempDir();
    const first = EmbeddingCache.open(dir, 'm', '');
    await first.add([
      ['Ich möchte mein Geld zurück', Float32Array.from([0.1, -0.2, 0.3])],
      ['hello', Float32Array.from([1, 0, 0])],
    ]);
    const again = EmbeddingCache.open(dir, 'm', '');
    expect(again.size).toBe(2);
    expect(Array.from(again.get('Ich möchte mein Geld zurück')!)).toEqual(Array.from(Float32Array.from([0.1, -0.2, 0.3])));
    expect(EmbeddingCache.open(dir, 'other-model', '').size).toBe(0);
  });

  it('skips a line torn by a crash and starts the next append on a fresh line', async () => {
    const dir = tempDir();
    const cache = EmbeddingCache.open(dir, 'm', '');
    await cache.add([['a', Float32Array.from([1, 0])]]);
    appendFileSync(cache.path, '{"t":"b","v":"AAA');
    const reopened = EmbeddingCache.open(dir, 'm', '');
    expect(reopened.size).toBe(1);
    await reopened.add([['c', Float32Array.from([0, 1])]]);
    const last = EmbeddingCache.open(dir, 'm', '');
    expect([last.get('a'), last.get('b'), last.get('c')].map((x) => x && Array.from(x))).toEqual([[1, 0], undefined, [0, 1]]);
  });

  it('takes appends from two writers to the same file', async () => {
    const dir = tempDir();
    const one = EmbeddingCache.open(dir, 'm', '');
    const two = EmbeddingCache.open(dir, 'm', '');
    await Promise.all([
      one.add(Array.from({ length: 200 }, (_, i) => [`one ${i}`, Float32Array.from([i, 1])] as const)),
      two.add(Array.from({ length: 200 }, (_, i) => [`two ${i}`, Float32Array.from([1, i])] as const)),
    ]);
    expect(readFileSync(one.path, 'utf8').split('\n').filter(Boolean)).toHaveLength(400);
    expect(EmbeddingCache.open(dir, 'm', '').size).toBe(400);
  });

  it('ignores vectors whose size differs from the first', async () => {
    const dir = tempDir();
    const cache = EmbeddingCache.open(dir, 'm', '');
    await cache.add([
      ['a', Float32Array.from([1, 0])],
      ['b', Float32Array.from([1, 0, 0])],
    ]);
    expect(EmbeddingCache.open(dir, 'm', '').get('b')).toBeUndefined();
  });

  it('names the folder to fix when the cache cannot be read', () => {
    const dir = tempDir();
    mkdirSync(join(dir, cacheFileName('m', '')));
    expect(() => EmbeddingCache.open(dir, 'm', '')).toThrow(
      /cannot use the embeddings cache .*\(set EMBEDDINGS_CACHE_DIR to a writable folder\): EISDIR/,
    );
  });
});
