/**
 * A question about what would happen, not a case: "Rein hypothetisch: wenn mein Konto gehackt würde,
 * wie schnell könnt ihr es sperren?", "what happens if my parcel gets lost?", "stel dat ik word
 * gehackt, wat doen jullie dan?". A topic word inside it asks about the policy. Reads normalized text;
 * the caller only asks when the message is a question.
 */
const HYPOTHETICAL = new RegExp(
  '(?<![\\p{L}])(?:' +
    [
      'hypothetically|hypothetical question|in theory|theoretically|what (?:happens|would happen|if)', // en
      'hipoteticamente|en teoria|teoricamente|que (?:pasa|pasaria|ocurre|ocurriria) si|supongamos que', // es
      "hypothetiquement|en theorie|theoriquement|que se passe-t-il si|qu'est-ce qui se passe(?:rait)? si|admettons que", // fr
      'hypothetisch|theoretisch|was passiert(?:e)?,? (?:wenn|falls)|was ware,? wenn', // de
      'hipoteticamente|em teoria|teoricamente|o que acontece(?:ria)? se|supondo que', // pt
      'ipoteticamente|in teoria|teoricamente|cosa succede(?:rebbe)? se|che succede se|mettiamo che', // it
      'hypothetisch|in theorie|theoretisch|wat gebeurt er als|wat als|stel dat|wat zou er gebeuren als', // nl
    ].join('|') +
    ')(?![\\p{L}])',
  'u',
);

/** The words that make the question hypothetical; null when none. */
export function findHypothetical(normalized: string): string | null {
  return HYPOTHETICAL.exec(normalized)?.[0] ?? null;
}
