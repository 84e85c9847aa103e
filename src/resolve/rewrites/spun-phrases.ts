/**
 * Finds spun variants of fixed phrases (see `phrases.ts`) in a text: a token n-gram lookup, linear in
 * the text's length. Each distinct variant found is one piece of evidence with its weight.
 */
import { tokens, type Token } from '../duplicates/tokens.js';
import { FIXED_PHRASES, type FixedPhrase } from './phrases.js';

/** Weight of an unidiomatic variant: one alone never flags a document (see `REWRITE_SCORE`). */
export const STRONG_WEIGHT = 0.5;
/** Weight of a variant a human might write. */
export const WEAK_WEIGHT = 0.25;

/** One spun phrase found in a text. */
export interface SpunPhrase {
  start: number;
  end: number;
  /** The variant as written in the text. */
  text: string;
  /** The fixed phrase it replaces. */
  phrase: string;
  weight: number;
}

/** Every variant of every phrase with at least one word swapped, mapped to its phrase. */
function buildVariants(phrases: FixedPhrase[]): Map<string, { phrase: string; weight: number }> {
  const out = new Map<string, { phrase: string; weight: number }>();
  for (const p of phrases) {
    const weight = p.weak ? WEAK_WEIGHT : STRONG_WEIGHT;
    let combos: string[][] = [[]];
    for (const word of p.phrase.split(' ')) combos = combos.flatMap((c) => [word, ...(p.swaps[word] ?? [])].map((w) => [...c, w]));
    for (const v of [...combos.map((c) => c.join(' ')), ...(p.variants ?? [])]) {
      const key = v.replace(/-/g, ' ');
      if (v !== p.phrase && !out.has(key)) out.set(key, { phrase: p.phrase, weight });
    }
  }
  return out;
}

const VARIANTS = buildVariants(FIXED_PHRASES);
/** First words of the variants: a position whose word is not one of them cannot start a match. */
const FIRST_WORDS = new Set([...VARIANTS.keys()].map((k) => k.split(' ')[0]));
const MAX_WORDS = Math.max(...[...VARIANTS.keys()].map((k) => k.split(' ').length));

/**
 * Word tokens with dotted initialisms joined ("U.S." → "us"), so "U.S. State Secretary" matches the
 * variant "us state secretary".
 */
function phraseTokens(text: string) {
  const toks = tokens(text);
  const out: Token[] = [];
  for (const t of toks) {
    const prev = out[out.length - 1];
    if (prev && t.norm.length === 1 && /^[a-z.]+$/.test(prev.norm) && text.slice(prev.end, t.start) === '.' && prev.norm.replace(/\./g, '').length < 4) {
      out[out.length - 1] = { norm: prev.norm + t.norm, start: prev.start, end: t.end };
    } else out.push(t);
  }
  return out;
}

/** The spun phrases in `text`, first occurrence of each distinct variant, in text order. */
export function findSpunPhrases(text: string): SpunPhrase[] {
  const toks = phraseTokens(text);
  const seen = new Set<string>();
  const found: SpunPhrase[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!FIRST_WORDS.has(toks[i].norm)) continue;
    for (let n = MAX_WORDS; n >= 2; n--) {
      if (i + n > toks.length) continue;
      const key = toks.slice(i, i + n).map((t) => t.norm).join(' ');
      const hit = VARIANTS.get(key);
      if (!hit) continue;
      if (!seen.has(key)) {
        seen.add(key);
        const [start, end] = [toks[i].start, toks[i + n - 1].end];
        found.push({ start, end, text: text.slice(start, end), phrase: hit.phrase, weight: hit.weight });
      }
      i += n - 1;
      break;
    }
  }
  return found;
}
