/**
 * Word swaps inside a near-duplicate: a light spinner leaves most three-word runs intact (so the copy
 * is still a near-duplicate) but swaps words inside sentences ("said" → "stated"), which an editor's
 * update (new headline, credit lines, a dropped paragraph, a corrected figure) does not do.
 */
import type { NewsDoc } from '../../model/doc.js';
import { alignableSentences, alignSentences, type AlignedPair } from './align.js';
import { substitutions } from './substitutions.js';

/** Swaps needed to call a near-duplicate reworded: one or two can be an editor's corrections. */
export const MIN_SWAPS = 3;

/** The aligned pairs and the non-numeric word swaps between `copy` and `original`. */
export function swapsBetween(copy: NewsDoc, original: NewsDoc): { pairs: AlignedPair[]; swaps: [string, string][]; alignable: number } {
  const cs = alignableSentences(copy);
  const pairs = alignSentences(cs, alignableSentences(original));
  const swaps: [string, string][] = [];
  for (const p of pairs) {
    const a = copy.text.slice(p.copy.start, p.copy.end);
    const b = original.text.slice(p.original.start, p.original.end);
    if (a === b) continue;
    for (const s of substitutions(a, b)) if (!/\d/.test(s[0] + s[1])) swaps.push(s);
  }
  return { pairs, swaps, alignable: cs.length };
}
