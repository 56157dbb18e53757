const STOP_WORDS = new Set(
  (
    'i me my you your the a an to of in on for and or is are was it this that do does did how what can could please with at be have has ' +
    "i'm it's im its just so but not no yes ok okay hi hello thanks there where when why which who will would should get from again still " +
    'el la los las de que en y un una por para es mi le les des et est je pour der die das und ist ich ein eine zu o e um uma com meu minha'
  ).split(' '),
);

/** The words that carry a message's need, for spotting the same need asked again. */
export function contentWords(normalizedWords: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const word of normalizedWords) {
    if (STOP_WORDS.has(word) || word.length < 2) continue;
    words.add(word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word);
  }
  return words;
}

/** Whether two messages ask for the same thing: at least two shared words covering most of the shorter. */
export function isRephrasing(previous: ReadonlySet<string>, current: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const word of current) if (previous.has(word)) shared++;
  const shorter = Math.min(previous.size, current.size);
  return shared >= 2 && shared / shorter >= 0.6;
}
