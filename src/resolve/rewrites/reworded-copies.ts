/**
 * Reworded copies: pairs of documents whose sentences align one to one by content words while their
 * exact wording differs. Candidates come from MinHash/LSH over each document's content-word set (a
 * spun copy keeps most content words), so only a few documents are aligned with each new one.
 */
import type { NewsDoc } from '../../model/doc.js';
import { estimateJaccard, LshIndex, signature } from '../duplicates/minhash.js';
import { shingleSet } from '../duplicates/tokens.js';
import { alignableSentences, alignSentences, reworded, type AlignedPair } from './align.js';
import { contentSet } from './content-words.js';

/**
 * Rows per LSH band for content-word sets, and bands that must match: 3 rows × 40 bands with two
 * matching bands required. A spun copy keeps a content-word Jaccard of 0.45–0.7 with its original
 * (≈ 5–14 expected matching bands: a candidate with p ≥ 0.95), two reports of one event 0.1–0.25
 * (0.04–0.6 expected: p ≤ 0.12). One matching band (the plain S-curve) made the candidates, and the
 * cost of aligning them, grow with the corpus on the synthetic benchmark.
 */
export const CONTENT_ROWS = 3;
export const CONTENT_MIN_BANDS = 2;
/**
 * Candidates aligned per new document, those sharing the most bands first. A spun copy shares 5–14
 * bands with its original, more than any report of the same events (2–3), so it ranks first; without
 * the cap, the candidates of an article in a stream of reports about one conflict (each sharing two
 * bands with about a tenth of the corpus on the synthetic benchmark) grew with the corpus.
 */
export const MAX_ALIGNED = 20;
/**
 * Estimated content-word Jaccard (from the signatures) below which a candidate is not aligned: a
 * spun copy keeps 0.45–0.7 with its original, and with 120 hashes an estimate falls 0.15 below the
 * truth about once in 2,000; reports of the same events (0.1–0.25) mostly fall under it.
 */
export const MIN_CONTENT_JACCARD = 0.3;
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

/** A document's content-word set as LSH reads it (sorted, distinct), or null when too short to compare. */
export function contentWords(doc: Pick<NewsDoc, 'text'>): Uint32Array | null {
  return contentWordsOf(contentSet(doc.text));
}

/** `contentWords` from the document's distinct content words (`contentSet` of its text). */
export function contentWordsOf(set: ReadonlySet<string>): Uint32Array | null {
  const words = shingleSet([...set].sort(), 1);
  return words.length < 8 ? null : words;
}

/**
 * Finds reworded copies among `docs`. `skip(a, b)` excludes pairs already linked (near-duplicates);
 * `isOriginalOf(a, b)` decides the direction. `lsh` (documents filed by id) may come with documents
 * filed before.
 */
export function findRewordedCopies(
  docs: readonly NewsDoc[],
  skip: (a: string, b: string) => boolean,
  isOriginalOf: (a: NewsDoc, b: NewsDoc) => boolean,
  lsh = new LshIndex<string>(CONTENT_ROWS),
  byId: ReadonlyMap<string, NewsDoc> = new Map(docs.map((d) => [d.id, d])),
  sigs = new Map<string, Uint32Array>(),
): RewordedLink[] {
  const links: RewordedLink[] = [];
  for (const doc of docs) {
    const words = contentWords(doc);
    if (!words) continue;
    const sig = signature(words);
    sigs.set(doc.id, sig);
    for (const id of plausible(lsh.add(doc.id, sig, CONTENT_MIN_BANDS), sig, (id) => sigs.get(id))) {
      const other = byId.get(id)!;
      if (skip(doc.id, other.id)) continue;
      const [orig, copy] = isOriginalOf(other, doc) ? [other, doc] : [doc, other];
      const link = tryLink(copy, orig);
      if (link) links.push(link);
    }
  }
  return links;
}

/** The candidates (best-ranked first) worth aligning: close enough by their signatures, at most `MAX_ALIGNED`. */
export function plausible(ranked: string[], sig: Uint32Array, sigOf: (id: string) => Uint32Array | undefined): string[] {
  const out: string[] = [];
  for (const id of ranked) {
    if (out.length === MAX_ALIGNED) break;
    const theirs = sigOf(id);
    if (theirs === undefined || estimateJaccard(sig, theirs) >= MIN_CONTENT_JACCARD) out.push(id);
  }
  return out;
}

/** `copy` as a reworded copy of `orig`, when enough of its sentences align and enough are reworded. */
export function tryLink(copy: NewsDoc, orig: NewsDoc): RewordedLink | null {
  const cs = alignableSentences(copy);
  const pairs = alignSentences(cs, alignableSentences(orig));
  const n = reworded(pairs).length;
  if (n < MIN_REWORDED || pairs.length < MIN_COVERAGE * cs.length) return null;
  return { copy: copy.id, original: orig.id, pairs, reworded: n, alignable: cs.length };
}
