/** Evidence found by meaning reads `close to "a taught sentence" (0.91)`: it carries its own quotes. */
const BY_MEANING = /close to ".*" \(\d\.\d\d\)$/;

/** A trigger's evidence as the operator reads it: the words that matched in quotes, or what the message was close to. */
export const evidenceText = (evidence: string): string => (BY_MEANING.test(evidence) ? evidence : `“${evidence}”`);
