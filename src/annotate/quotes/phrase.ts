/**
 * The noun-phrase core shared by the speaker finders: which tagged tokens may stand in a speaker
 * phrase, and the phrase ending at a token (`collectBack`), read backwards from a cue.
 */
import type { Tok } from './tokens.js';

/** Tags that may stand inside a speaker noun phrase. */
const NP_TAG = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM']);
/** The longest speaker phrase we accept, in tokens (a longer run is a clause, not a name). */
export const MAX_NP = 12;

/** Quantifiers that stand alone for people as a subject ("Yet another said", "Others argued"). */
const STANDALONE = new Set(['another', 'others', 'some', 'many', 'both', 'several', 'most', 'few']);

/** Possessive determiners that may open a noun phrase ("his announcement speech"). */
export const POSSESSIVE = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your']);

/** Token range `[from, to)`. */
export type Range = [number, number];

/** A capitalised word the tagger calls a verb or an auxiliary is a name more often than not ("Lynch said", "said Will Doyle"). */
export const nameLike = (t: Tok) => (t.pos === 'VERB' || t.pos === 'AUX') && /^\p{Lu}\p{Ll}/u.test(t.text);
/** True for a token that may stand inside a speaker phrase ("of" only before another such token). */
export const inNp = (t: Tok, next: Tok | undefined) =>
  NP_TAG.has(t.pos) || nameLike(t) || /^['’]s$/.test(t.lower) || (t.lower === 'of' && next !== undefined && NP_TAG.has(next.pos));
/** True when the phrase `r` has a head: a noun, a name or a number. */
export const headed = (toks: readonly Tok[], r: Range) => toks.slice(r[0], r[1]).some((t) => t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'NUM' || nameLike(t));

/** The noun phrase ending at token `j` (inclusive), not reaching before `floor`, or null when it has no head. */
export function collectBack(toks: readonly Tok[], j: number, floor: number): Range | null {
  const end = j + 1;
  while (j >= floor && end - j <= MAX_NP && inNp(toks[j], toks[j + 1])) j--;
  // "in his announcement speech": a possessive opens the phrase (so a preposition before it shows)
  if (j >= floor && j + 1 < end && POSSESSIVE.has(toks[j].lower) && toks[j + 1].lower !== 'of') j--;
  let start = j + 1;
  while (start < end && (toks[start].lower === 'of' || /^['’]s$/.test(toks[start].lower))) start++;
  const r: Range = [start, end];
  // ("Yet another said", "Others argued": a quantifier standing alone for people)
  const alone = end - start === 1 && STANDALONE.has(toks[start].lower);
  return start < end && (headed(toks, r) || alone) ? r : null;
}
