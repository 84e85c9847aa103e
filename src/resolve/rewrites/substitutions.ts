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
  // A common tail matches word for word whatever precedes it (LCS(X+S, Y+S) = LCS(X, Y) + |S|, so
  // every comparison below comes out the same): the table covers only the parts before it. One flat
  // table instead of a row array each: aligned sentences are many, and this ran in every pair.
  let n = a.length;
  let m = b.length;
  while (n > 0 && m > 0 && a[n - 1] === b[m - 1]) [n, m] = [n - 1, m - 1];
  const w = m + 1;
  const lcs = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
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
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) runA.push(a[i++]);
    else runB.push(b[j++]);
  }
  flush(); // the common tail matches: it only ends the last run
  return out;
}
