// Vectors from the service are L2-normalised here, so their cosine similarity is the dot product
// (server/domain/triggers/meaning.ts compares them).

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
