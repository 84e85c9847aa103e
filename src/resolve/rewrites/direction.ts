/**
 * Which of two versions is the spun one, when dates do not tell: a spinner replaces everyday words
 * with thesaurus alternatives, which are rarer in the corpus ("stated" for "said", "individuals" for
 * "people"). So the version whose own words (those the other lacks) are rarer is the rewrite.
 */
import { contentSet } from './content-words.js';

/**
 * Whether a content word's frequency is counted: a word with a digit (a number, a date, "F-16") says
 * nothing of a spinner's choices, so `spinVote` never reads its count, and none is kept (in the
 * incremental state, one row fewer for each such word of a batch).
 */
export function isCounted(word: string): boolean {
  return !/\d/.test(word);
}

/** Document frequency of each content word (`isCounted`), built incrementally. */
export class WordFreq {
  /** Content word → number of documents with it (an incremental run loads the part it needs). */
  readonly df = new Map<string, number>();

  add(text: string): void {
    for (const w of contentSet(text)) if (isCounted(w)) this.df.set(w, (this.df.get(w) ?? 0) + 1);
  }

  /** Mean ln(1 + df) of `words`, or null for none. */
  commonness(words: Iterable<string>): number | null {
    let sum = 0;
    let n = 0;
    for (const w of words) {
      sum += Math.log(1 + (this.df.get(w) ?? 0));
      n++;
    }
    return n === 0 ? null : sum / n;
  }
}

/**
 * Difference in mean ln(df) needed to call a direction; smaller gaps are noise. 0.5 ≈ the own words
 * of one side being about 1.6× as frequent as the other's.
 */
export const SPIN_MARGIN = 0.5;

/** −1 when `a` looks like the spun version of `b`, +1 for the reverse, 0 when undecided. */
export function spinVote(a: string, b: string, freq: WordFreq): number {
  const wa = contentSet(a);
  const wb = contentSet(b);
  const ca = freq.commonness([...wa].filter((w) => !wb.has(w) && isCounted(w)));
  const cb = freq.commonness([...wb].filter((w) => !wa.has(w) && isCounted(w)));
  if (ca === null || cb === null || Math.abs(ca - cb) < SPIN_MARGIN) return 0;
  return ca < cb ? -1 : 1;
}
