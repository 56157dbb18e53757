// Pure vector helpers. Every vector here is L2-normalised, so cosine similarity is the dot product.

export function dot(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`vector lengths differ: ${a.length} and ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Scales to unit length; a zero vector stays zero (it is similar to nothing). */
export function normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  const out = new Float32Array(v.length);
  if (sum === 0) return out;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! * scale;
  return out;
}

/** Cosine similarity of any two vectors (normalises; use `dot` when both already are). */
export function cosine(a: Float32Array, b: Float32Array): number {
  return dot(normalize(a), normalize(b));
}

export interface Neighbour {
  index: number;
  score: number;
}

/** The k candidates most similar to `query` (dot product), best first; ties keep candidate order. */
export function topK(query: Float32Array, candidates: readonly Float32Array[], k: number): Neighbour[] {
  const scored = candidates.map((c, index) => ({ index, score: dot(query, c) }));
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, Math.max(0, k));
}
