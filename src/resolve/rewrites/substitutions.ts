/**
 * The words a rewrite swapped: a word-level longest-common-subsequence diff of two aligned sentences,
 * reporting each replaced run of at most three words on both sides ("stated" for "said").
 */
import { tokens } from '../duplicates/tokens.js';

/** Longest replaced run reported; longer ones are restructured sentences, not swaps. */
export const MAX_SWAP_WORDS = 3;

/** `[copyWords, originalWords]` for each swapped run, in sentence order. */
export function substitutions(copy: string, original: string): [string, string][] {
  const a = tokens(copy).map((t) => t.norm);
  const b = tokens(original).map((t) => t.norm);
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: [string, string][] = [];
  let i = 0;
  let j = 0;
  let runA: string[] = [];
  let runB: string[] = [];
  const flush = () => {
    if (runA.length > 0 && runB.length > 0 && runA.length <= MAX_SWAP_WORDS && runB.length <= MAX_SWAP_WORDS) out.push([runA.join(' '), runB.join(' ')]);
    runA = [];
    runB = [];
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1])) runA.push(a[i++]);
    else runB.push(b[j++]);
  }
  flush();
  return out;
}
