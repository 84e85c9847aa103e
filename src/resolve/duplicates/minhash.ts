/**
 * MinHash signatures with banded locality-sensitive hashing (Broder 1997; Leskovec, Rajaraman &
 * Ullman, *Mining of Massive Datasets*, ch. 3), hand-written: the npm MinHash packages (`minhash`,
 * `minhash-lsh-js`, …) are unmaintained, untyped, seed with `Math.random` (so results change between
 * runs) and some band signatures incorrectly; this is ~60 lines and deterministic.
 *
 * An `LshIndex` is incremental: `add` files one item's bands and returns the earlier items sharing a
 * band, so adding one document costs O(its shingles × hashes), independent of the corpus size.
 */

/** Hash functions per signature (= BANDS × ROWS). */
export const NUM_HASHES = 120;
/**
 * Rows per band. With 40 bands of 3 rows the S-curve's threshold (1/b)^(1/r) is ≈ 0.29: a pair with
 * Jaccard 0.5 becomes a candidate with probability 1−(1−0.5³)⁴⁰ ≈ 0.995, one with 0.1 with ≈ 0.04.
 * Chosen to sit well below `DUPLICATE_JACCARD` (0.5) so recall is lost only to verification, never to
 * banding; false candidates are cheap because every candidate is verified exactly.
 */
export const ROWS = 3;
/** Bands per signature (40): with `ROWS`, sets the S-curve above. */
export const BANDS = NUM_HASHES / ROWS;

/** A fixed seeded family: seed i is a fixed odd constant times i, mixed (splitmix-style). */
const SEEDS = Uint32Array.from({ length: NUM_HASHES }, (_, i) => mix(Math.imul(i + 1, 0x9e3779b9)));

/** A 32-bit avalanche mixer (the finaliser of MurmurHash3). */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The MinHash signature of a set of 32-bit shingle hashes: per hash function, the minimum value. */
export function signature(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const s of shingles) {
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = mix(s ^ SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard: the share of hash functions whose minima agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * Entries read per bucket (the most recent): a bucket of boilerplate shared by thousands of documents
 * would otherwise make each `add` cost time proportional to the corpus. A true copy shares many
 * bands with its original, so reading only recent entries of crowded buckets loses almost nothing.
 */
export const MAX_BUCKET_READ = 100;

/** Band buckets: band key → the items filed under it (as dense numbers, for cheap counting). */
export class LshIndex<Id> {
  private readonly buckets = new Map<string, number[]>();
  private readonly ids: Id[] = [];
  /** Shared-band counts per item number, zeroed again after each `add` (only touched slots). */
  private counts = new Int32Array(1024);

  /** `rows` per band; the bands are as many as the signature allows (`NUM_HASHES / rows`). */
  constructor(private readonly rows = ROWS) {}

  /**
   * Files `id` under its bands and returns the earlier ids sharing at least `minHits` bands. Two hits
   * (instead of one) turn the S-curve into a steeper one: at Jaccard 0.5 (≈ 5 expected shared bands of
   * 40) a pair still qualifies with p ≈ 0.96, at 0.1 (0.04 expected) with p < 0.001.
   */
  add(id: Id, sig: Uint32Array, minHits = 1): Id[] {
    return this.addRanked(id, sig, minHits).map(([other]) => other);
  }

  /** As `add`, with each earlier id's number of shared bands, most shared first (ties: latest first). */
  addRanked(id: Id, sig: Uint32Array, minHits = 1): [Id, number][] {
    const self = this.ids.length;
    this.ids.push(id);
    if (self >= this.counts.length) {
      const grown = new Int32Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
    const touched: number[] = [];
    for (const key of bandKeys(sig, this.rows)) {
      const bucket = this.buckets.get(key);
      if (bucket) {
        for (let k = Math.max(0, bucket.length - MAX_BUCKET_READ); k < bucket.length; k++) {
          if (this.counts[bucket[k]]++ === 0) touched.push(bucket[k]);
        }
        bucket.push(self);
      } else this.buckets.set(key, [self]);
    }
    const hits: [number, number][] = [];
    for (const n of touched) {
      if (this.counts[n] >= minHits) hits.push([n, this.counts[n]]);
      this.counts[n] = 0;
    }
    return hits.sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([n, c]) => [this.ids[n], c]);
  }

  /** Every bucket with the `MAX_BUCKET_READ` most recent ids in it: all a later `add` would read. */
  *postings(): Iterable<[string, Id[]]> {
    for (const [key, bucket] of this.buckets) yield [key, bucket.slice(-MAX_BUCKET_READ).map((n) => this.ids[n])];
  }
}

/** The bucket keys of a signature: band number and its `rows` values. */
export function bandKeys(sig: Uint32Array, rows = ROWS): string[] {
  const keys: string[] = [];
  for (let b = 0; b < Math.floor(sig.length / rows); b++) keys.push(`${b}:${sig.subarray(b * rows, (b + 1) * rows).join(',')}`);
  return keys;
}
