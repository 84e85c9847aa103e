/**
 * Near-duplicate detection: word-shingle sets, MinHash/LSH candidates, exact-Jaccard verification,
 * then groups (union–find) in which every copy points at one original. Near-linear: each document is
 * compared only with the few documents that share an LSH band with it.
 */
import type { NewsDoc } from '../../model/doc.js';
import { LshIndex, signature } from './minhash.js';
import { jaccard, shingleSet, tokens } from './tokens.js';
import { spinVote, WordFreq } from '../rewrites/direction.js';

/**
 * Shingle Jaccard at or above which two documents are near-duplicates. Same-text copies with a
 * changed headline, credit line or a dropped paragraph score 0.6–1.0 on our synthetic benchmark
 * (`bench/duplicates.ts`), while independent reports of one event score below 0.15; 0.5 sits in the
 * gap and is the classic choice for "near-duplicate" (Broder 1997).
 */
export const DUPLICATE_JACCARD = 0.5;

/** Bands two documents must share to be compared (see `LshIndex.add`). */
export const MIN_BAND_HITS = 2;

/** Documents with fewer shingles are too short to call copies (a one-line text matches too easily). */
export const MIN_SHINGLES = 8;

/** One copy and the document it copies. */
export interface DuplicateLink {
  copy: string;
  original: string;
  /** Exact shingle Jaccard between the copy and its original. */
  jaccard: number;
}

/** Incremental finder: `add` one document, get back the earlier documents it nearly duplicates. */
export class NearDuplicateFinder {
  private readonly lsh = new LshIndex<string>();
  private readonly sets = new Map<string, Uint32Array>();

  /** Files `doc` and returns `[earlierId, jaccard]` for every verified near-duplicate. */
  add(doc: Pick<NewsDoc, 'id' | 'text'>): [string, number][] {
    const set = shingleSet(tokens(doc.text).map((t) => t.norm));
    if (set.length < MIN_SHINGLES || this.sets.has(doc.id)) return [];
    this.sets.set(doc.id, set);
    const out: [string, number][] = [];
    for (const other of this.lsh.add(doc.id, signature(set), MIN_BAND_HITS)) {
      const j = jaccard(set, this.sets.get(other)!);
      if (j >= DUPLICATE_JACCARD) out.push([other, j]);
    }
    return out;
  }

  /** Exact Jaccard of two filed documents. */
  similarity(a: string, b: string): number {
    return jaccard(this.sets.get(a)!, this.sets.get(b)!);
  }
}

/**
 * True when `a` should count as the original of `b`: published earlier when both dates are known and
 * differ; otherwise not the one that looks spun (its own words rarer, see `spinVote`) when `freq` is
 * given and decides; otherwise the one ingested first (feeds deliver the original before its copies).
 * Length is no guide: a copy trims some text and adds its own credit lines.
 */
export function isOriginalOf(a: NewsDoc, b: NewsDoc, order: Map<string, number>, freq?: WordFreq): boolean {
  const da = a.published.date;
  const db = b.published.date;
  if (da && db && da !== db) return da < db;
  const vote = freq ? spinVote(a.text, b.text, freq) : 0;
  if (vote !== 0) return vote > 0;
  return order.get(a.id)! < order.get(b.id)!;
}

/** Every copy in `docs` with the original of its group (groups joined through chains of copies). */
export function findNearDuplicates(docs: readonly NewsDoc[]): DuplicateLink[] {
  const finder = new NearDuplicateFinder();
  const order = new Map(docs.map((d, i) => [d.id, i]));
  const freq = new WordFreq();
  for (const d of docs) freq.add(d.text);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    while (parent.has(id) && parent.get(id) !== id) id = parent.get(id)!;
    return id;
  };
  for (const doc of docs) {
    for (const [other] of finder.add(doc)) {
      const [ra, rb] = [root(doc.id), root(other)];
      if (ra === rb) continue;
      const keep = isOriginalOf(byId.get(ra)!, byId.get(rb)!, order, freq) ? ra : rb;
      parent.set(keep === ra ? rb : ra, keep);
      parent.set(keep, keep);
    }
  }
  const links: DuplicateLink[] = [];
  for (const doc of docs) {
    const r = root(doc.id);
    if (r !== doc.id) links.push({ copy: doc.id, original: r, jaccard: round(finder.similarity(doc.id, r)) });
  }
  return links;
}

/** Two decimals, so scores are stable in stored output. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
