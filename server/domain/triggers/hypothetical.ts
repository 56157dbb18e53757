/**
 * A question about what would happen, not a case: "Rein hypothetisch: wenn mein Konto gehackt würde,
 * wie schnell könnt ihr es sperren?", "what happens if my parcel gets lost?", "stel dat ik word
 * gehackt, wat doen jullie dan?". A topic word inside it asks about the policy. Reads normalized text;
 * the caller only asks when the message is a question.
 */
const HYPOTHETICAL = new RegExp(
  '(?<![\\p{L}])(?:' +
    [
      'hypothetically|hypothetical question|what (?:happens|would happen|if)', // en
      'hipoteticamente|que (?:pasa|pasaria|ocurre|ocurriria) si|supongamos que', // es
      "hypothetiquement|que se passe-t-il si|qu'est-ce qui se passe(?:rait)? si|admettons que", // fr
      'hypothetisch|was passiert(?:e)?,? (?:wenn|falls)|was ware,? wenn', // de
      'hipoteticamente|o que acontece(?:ria)? se|supondo que', // pt
      'ipoteticamente|cosa succede(?:rebbe)? se|che succede se|mettiamo che', // it
      'hypothetisch|wat gebeurt er als|wat als|stel dat|wat zou er gebeuren als', // nl
    ].join('|') +
    ')(?![\\p{L}])',
  'u',
);

/**
 * The words that make the question hypothetical, when they open the message's first sentence's
 * question; null otherwise. "My account was hacked. What if they already changed my email?" states
 * the case before asking.
 */
export function findHypothetical(normalized: string): string | null {
  const first = normalized.split(/[.!?¿¡\n]+/u).find((s) => s.trim() !== '') ?? '';
  return HYPOTHETICAL.exec(first)?.[0] ?? null;
}
