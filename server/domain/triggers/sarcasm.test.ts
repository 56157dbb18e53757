import { describe, expect, it } from 'vitest';
import { findSarcasm } from './sarcasm';
import { normalizeText } from './text';

const sarcasm = (text: string) => findSarcasm(normalizeText(text));

describe('praise that means the opposite', () => {
  it.each([
    ["it's 7:40pm. took the day off for this. nobody came, nobody called. brilliant, really brilliant", 'brilliant'],
    ['na toll. wieder nichts gekommen', 'na toll'],
    ['de monteur kwam weer niet. geweldig hoor', 'geweldig hoor'],
    ["Super. Merci pour ce lien que j'ai déjà ouvert trois fois. Vraiment, quelle aide.", 'super'],
  ])('hears it in %j', (text, found) => {
    expect(sarcasm(text)).toBe(found);
  });

  it.each([
    ['praise for what worked', 'brilliant, that worked, thank you'],
    ['praise inside a sentence', "it's not a big deal, the new design is great"],
    ['no praise at all', 'nobody came today'],
  ])('hears none in %s', (_, text) => {
    expect(sarcasm(text)).toBeNull();
  });
});
