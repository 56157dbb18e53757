// Exits 0 when BASE_URL answers a real POST /embeddings with one non-empty vector.
const base = process.argv[2];
try {
  const response = await fetch(`${base}/embeddings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input: ['ping'] }),
    signal: AbortSignal.timeout(2000),
  });
  const body = await response.json();
  process.exit(response.ok && Array.isArray(body?.data?.[0]?.embedding) && body.data[0].embedding.length > 0 ? 0 : 1);
} catch {
  process.exit(1);
}
