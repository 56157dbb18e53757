import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';

// Vectors stored one JSON line each, {"t": text, "v": base64 of little-endian float32}, in one
// append-only file per (model, text prefix). Several processes may append at once: each batch
// is a single write to a file opened for appending, so lines do not interleave; a line torn by
// a crash is skipped on load, and the next append starts on a fresh line.

/** The cache file for a model and prefix: a readable slug plus a hash, so distinct models never share a file. */
export function cacheFileName(model: string, textPrefix: string): string {
  const slug = model.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
  const hash = createHash('sha256').update(`${model}\0${textPrefix}`).digest('hex').slice(0, 12);
  return `${slug}-${hash}.jsonl`;
}

function encode(vector: Float32Array): string {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
}

function decode(text: string): Float32Array | null {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0 || bytes.length % 4 !== 0) return null;
  return new Float32Array(new Uint8Array(bytes).buffer);
}

export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();
  private dimension: number | null = null;
  private startOnNewLine: boolean;

  private constructor(
    readonly path: string,
    content: string,
  ) {
    for (const line of content.split('\n')) this.load(line);
    this.startOnNewLine = content.length > 0 && !content.endsWith('\n');
  }

  /** Reads the file for (model, prefix) in `dir`, creating the directory when missing. */
  static open(dir: string, model: string, textPrefix: string): EmbeddingCache {
    const path = join(dir, cacheFileName(model, textPrefix));
    let content = '';
    try {
      mkdirSync(dir, { recursive: true });
      content = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(
          `cannot use the embeddings cache ${path} (set EMBEDDINGS_CACHE_DIR to a writable folder): ${(error as Error).message}`,
        );
      }
    }
    return new EmbeddingCache(path, content);
  }

  get size(): number {
    return this.vectors.size;
  }

  get(text: string): Float32Array | undefined {
    return this.vectors.get(text);
  }

  /** Keeps the vectors in memory and appends the new ones to the file (rejects when the write fails; memory keeps them). */
  async add(entries: readonly (readonly [string, Float32Array])[]): Promise<void> {
    const fresh = entries.filter(([text, vector]) => !this.vectors.has(text) && this.accepts(vector));
    if (fresh.length === 0) return;
    for (const [text, vector] of fresh) this.vectors.set(text, vector);
    const lines = fresh.map(([text, vector]) => `${JSON.stringify({ t: text, v: encode(vector) })}\n`).join('');
    const chunk = this.startOnNewLine ? `\n${lines}` : lines;
    this.startOnNewLine = false;
    await appendFile(this.path, chunk, 'utf8');
  }

  private accepts(vector: Float32Array): boolean {
    if (this.dimension === null) this.dimension = vector.length;
    return vector.length === this.dimension;
  }

  private load(line: string): void {
    if (line.trim() === '') return;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      return; // torn by a crash mid-write
    }
    const { t, v } = (entry ?? {}) as { t?: unknown; v?: unknown };
    if (typeof t !== 'string' || typeof v !== 'string') return;
    const vector = decode(v);
    if (vector && this.accepts(vector)) this.vectors.set(t, vector);
  }
}
