/**
 * Reworded copies: pairs of documents whose sentences align one to one by content words while their
 * exact wording differs. Candidates come from MinHash/LSH over each document's content-word set (a
 * spun copy keeps most content words), so only a few documents are aligned with each new one.
 */
import type { NewsDoc } from '../../model/doc.js';
import { LshIndex, signature } from '../duplicates/minhash.js';
import { shingleSet } from '../duplicates/tokens.js';
import { alignableSentences, alignSentences, reworded, type AlignedPair } from './align.js';
import { contentTokens } from './content-words.js';

/**
 * Rows per LSH band for content-word sets, and bands that must match: 3 rows × 40 bands with two
 * matching bands required. A spun copy keeps a content-word Jaccard of 0.45–0.7 with its original
 * (≈ 5–14 expected matching bands: a candidate with p ≥ 0.95), two reports of one event 0.1–0.25
 * (0.04–0.6 expected: p ≤ 0.12). One matching band (the plain S-curve) made the candidates, and the
 * cost of aligning them, grow with the corpus on the synthetic benchmark.
 */
export const CONTENT_ROWS = 3;
export const CONTENT_MIN_BANDS = 2;
/** Share of the copy's alignable sentences that must have a partner in the original. */
export const MIN_COVERAGE = 0.5;
/** Reworded sentence pairs needed: one or two can be shared facts told alike. */
export const MIN_REWORDED = 3;

/** A reworded copy of another document. */
export interface RewordedLink {
  copy: string;
  original: string;
  pairs: AlignedPair[];
  reworded: number;
  alignable: number;
}

/**
 * Finds reworded copies among `docs`. `skip(a, b)` excludes pairs already linked (near-duplicates);
 * `isOriginalOf(a, b)` decides the direction.
 */
export function findRewordedCopies(
  docs: readonly NewsDoc[],
  skip: (a: string, b: string) => boolean,
  isOriginalOf: (a: NewsDoc, b: NewsDoc) => boolean,
): RewordedLink[] {
  const lsh = new LshIndex<number>(CONTENT_ROWS);
  const sentences = new Map<number, ReturnType<typeof alignableSentences>>();
  const links: RewordedLink[] = [];
  docs.forEach((doc, i) => {
    const words = shingleSet([...new Set(contentTokens(doc.text).map((t) => t.norm))].sort(), 1);
    if (words.length < 8) return;
    for (const j of lsh.add(i, signature(words), CONTENT_MIN_BANDS)) {
      const other = docs[j];
      if (skip(doc.id, other.id)) continue;
      const [oi, ci] = isOriginalOf(other, doc) ? [j, i] : [i, j];
      const link = tryLink(docs[ci], docs[oi], sentences, ci, oi);
      if (link) links.push(link);
    }
  });
  return links;
}

function tryLink(copy: NewsDoc, orig: NewsDoc, cache: Map<number, ReturnType<typeof alignableSentences>>, ci: number, oi: number) {
  const get = (d: NewsDoc, i: number) => cache.get(i) ?? cache.set(i, alignableSentences(d)).get(i)!;
  const cs = get(copy, ci);
  const pairs = alignSentences(cs, get(orig, oi));
  const n = reworded(pairs).length;
  if (n < MIN_REWORDED || pairs.length < MIN_COVERAGE * cs.length) return null;
  return { copy: copy.id, original: orig.id, pairs, reworded: n, alignable: cs.length };
}
