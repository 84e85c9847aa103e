/**
 * Document evidence for the first word of a sentence, where a capital says nothing: a word the same
 * document also writes capitalised inside a sentence, and never in lower case, is a name there too
 * ("Zentravia cut its fares" beside "… flights of Zentravia"). Without this evidence a lone opener that
 * wink does not tag PROPN is no candidate, and an untyped lone opener is dropped as an ordinary word
 * ("Several", "Yesterday"); with it, the opener stays a candidate, takes the type the rules give the
 * same name elsewhere in the document, and the tagger may type it with its retyping margin rather
 * than its stricter new-name margin (`combine.ts`). Headlines and leads open with the subject's name
 * ("Zentravia orders 20 jets"). Measured with the tagger retrained on it: MEANTIME end to end, gold
 * names found 640 → 696 of 842 (recall 0.443 → 0.509, precision 0.995 → 0.997); GUM dev strict F1
 * 0.701 → 0.699 (retraining noise), `--cv-news 4` 0.823 → 0.828.
 */
import { startsLower, startsUpper } from './chars.js';
import type { Token } from './tokens.js';

/** Shortest word taken as a name by this evidence alone: "A", "I" are never. */
const MIN_LETTERS = 2;

/**
 * Lower-case words the document writes capitalised inside a sentence (not at a sentence start, per
 * `opens`, nor in a title-case line, per `headline`, where capitals say little) and never in lower
 * case: names wherever they stand.
 */
export function namedInside(tokens: readonly Token[], opens: (i: number) => boolean, headline: readonly boolean[]): Set<string> {
  const lower = new Set<string>();
  const inside = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].text;
    if (startsLower(w)) lower.add(w);
    else if (w.length >= MIN_LETTERS && startsUpper(w) && !headline[i] && !opens(i)) inside.add(w.toLowerCase());
  }
  for (const w of lower) inside.delete(w);
  return inside;
}
