/**
 * Near-duplicate detection: word-shingle sets, MinHash/LSH candidates, exact-Jaccard verification,
 * then groups (union–find) in which every copy points at one original. Near-linear: each document is
 * compared only with the few documents that share an LSH band with it.
 */
import type { NewsDoc } from '../../model/doc.js';
import { estimateJaccard, LshIndex, signature } from './minhash.js';
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

/**
 * Estimated (MinHash) Jaccard below which a band candidate is dropped without the exact check. With
 * 120 hashes the estimate's standard deviation at J = 0.5 is ≈ 0.046, so 0.3 lies more than four
 * deviations below `DUPLICATE_JACCARD`: no true copy is lost, while the many weak candidates of a
 * corpus full of shared boilerplate sentences are rejected in 120 comparisons instead of a merge of
 * two shingle sets.
 */
export const PREFILTER_JACCARD = 0.3;

/**
 * Exact checks per existing group before giving up on it. Candidates are ranked by shared LSH bands
 * (which grow with similarity), so when the three best-looking members of a group all fall short, the rest of it (less
 * similar by estimate) almost surely does too.
 */
export const TRIES_PER_GROUP = 3;

/** One copy and the document it copies. */
export interface DuplicateLink {
  copy: string;
  original: string;
  /** Exact shingle Jaccard between the copy and its original. */
  jaccard: number;
}

/** Incremental finder: `add` one document, get back the earlier documents it nearly duplicates. */
export class NearDuplicateFinder {
  readonly lsh = new LshIndex<string>();
  private readonly sets = new Map<string, Uint32Array>();
  readonly signatures = new Map<string, Uint32Array>();

  /**
   * Files `doc` and returns `[earlierId, jaccard]` for its verified near-duplicates. With `groupOf`
   * (the group an earlier document already belongs to), one verified copy per group is enough: the
   * candidates are tried most shared bands first, at most `TRIES_PER_GROUP` per group, so a document
   * joining a group of hundreds of copies is checked against a few of them, not all.
   */
  add(doc: Pick<NewsDoc, 'id' | 'text'>, groupOf: (id: string) => string = (id) => id): [string, number][] {
    const set = shingleSet(tokens(doc.text).map((t) => t.norm));
    if (set.length < MIN_SHINGLES || this.sets.has(doc.id)) return [];
    this.sets.set(doc.id, set);
    const sig = signature(set);
    this.signatures.set(doc.id, sig);
    const tries = new Map<string, number>();
    const out: [string, number][] = [];
    for (const [other] of this.lsh.addRanked(doc.id, sig, MIN_BAND_HITS)) {
      const group = groupOf(other);
      const tried = tries.get(group) ?? 0;
      if (tried >= TRIES_PER_GROUP || estimateJaccard(sig, this.signatures.get(other)!) < PREFILTER_JACCARD) continue;
      const j = jaccard(set, this.sets.get(other)!);
      tries.set(group, j >= DUPLICATE_JACCARD ? TRIES_PER_GROUP : tried + 1);
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
export function isOriginalOf(a: NewsDoc, b: NewsDoc, order: ReadonlyMap<string, number>, freq?: WordFreq): boolean {
  const da = a.published.date;
  const db = b.published.date;
  if (da && db && da !== db) return da < db;
  const vote = freq ? spinVote(a.text, b.text, freq) : 0;
  if (vote !== 0) return vote > 0;
  return order.get(a.id)! < order.get(b.id)!;
}

/** Every copy in `docs` with the original of its group (groups joined through chains of copies). */
export function findNearDuplicates(docs: readonly NewsDoc[]): DuplicateLink[] {
  return nearDuplicates(docs).links;
}

/** As `findNearDuplicates`, with the finder and word frequencies an incremental run continues from. */
export function nearDuplicates(docs: readonly NewsDoc[]): { links: DuplicateLink[]; finder: NearDuplicateFinder; freq: WordFreq } {
  const finder = new NearDuplicateFinder();
  const order = new Map(docs.map((d, i) => [d.id, i]));
  const freq = new WordFreq();
  for (const d of docs) freq.add(d.text);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    // path compression: every document on the way now points at the root, so chains stay short
    while (id !== r) {
      const next = parent.get(id)!;
      parent.set(id, r);
      id = next;
    }
    return r;
  };
  for (const doc of docs) {
    for (const [other] of finder.add(doc, root)) {
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
  return { links, finder, freq };
}

/** Two decimals, so scores are stable in stored output. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
