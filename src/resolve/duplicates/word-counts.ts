/**
 * The content-word counts of the spin vote (`WordFreq`, `spinVote`) as incremental state, kept by the
 * `duplicates` resolver and read by `rewrites`: words in `WORD_BUCKETS` rows by hash (`w:<bucket>` →
 * { word: documents with it }), read and written whole.
 *
 * Why rows of many words: a batch reads the count of every distinct content word of its documents
 * (13 per article of a 500-article synthetic batch, ~55 of a real one) and writes them back, a row
 * each; the words of a batch fall in most buckets, so a batch reads and writes each bucket once
 * instead (13.1 -> 3.9 rows per article read and written at 1k synthetic documents). The price is
 * bytes: a batch then reads and writes the whole vocabulary's counts (~12 bytes a word), and in this
 * store a row costs about as much as ~100 bytes of JSON (reads ~4 µs a row + ~45 µs a KB, writes
 * ~2.4 µs + ~12 µs, measured on SQLite under load), so this wins while the vocabulary is under
 * ~9 times the distinct words of a batch: the synthetic corpora, and real news up to some tens of
 * thousands of articles; past that, a row per word would be cheaper again.
 */
import { isCounted, type WordFreq } from '../rewrites/direction.js';
import { fnv1a } from './tokens.js';

/**
 * Rows the counts are spread over. 2048: a 500-article batch touches ~all of them (~4 rows per
 * article read and written instead of 13–55), while one article added alone reads ~50 rows of
 * (vocabulary / 2048) words: ~4 words each on the 1k synthetic corpus, ~150 for a 300k-word one.
 */
export const WORD_BUCKETS = 2048;

/** A row: word → documents with it. */
type Bucket = Record<string, number>;

/** The state key of the row holding `word`'s count. */
export function countKey(word: string): string {
  return `w:${fnv1a(word) % WORD_BUCKETS}`;
}

/** The rows of a full run's counts. */
export function countRows(freq: WordFreq): [string, Bucket][] {
  const rows = new Map<string, Bucket>();
  for (const [w, n] of freq.df) {
    const k = countKey(w);
    (rows.get(k) ?? rows.set(k, {}).get(k)!)[w] = n;
  }
  return [...rows];
}

/** Counts loaded into a `WordFreq` from the rows `read` gives, whole rows at a time. */
export class StoredCounts {
  private readonly rows = new Map<string, Bucket>();

  constructor(
    private readonly read: (keys: string[]) => Promise<Map<string, unknown>>,
    readonly freq: WordFreq,
  ) {}

  /** Loads the counts of `words` (and of the other words of their rows); a word without one has none. */
  async load(words: Iterable<string>): Promise<void> {
    const keys = new Set<string>();
    for (const w of words) if (isCounted(w)) keys.add(countKey(w));
    const need = [...keys].filter((k) => !this.rows.has(k));
    if (need.length === 0) return;
    const got = await this.read(need);
    for (const k of need) {
      const row = (got.get(k) as Bucket | undefined) ?? {};
      this.rows.set(k, row);
      for (const [w, n] of Object.entries(row)) this.freq.df.set(w, n);
    }
  }

  /** The rows of `words` (loaded before) with their counts as `freq` now has them. */
  changed(words: Iterable<string>): [string, Bucket][] {
    const out = new Map<string, Bucket>();
    for (const w of words) {
      if (!isCounted(w)) continue;
      const k = countKey(w);
      const row = this.rows.get(k);
      if (!row) throw new Error(`StoredCounts: the row of "${w}" was not loaded`);
      row[w] = this.freq.df.get(w) ?? 0;
      out.set(k, row);
    }
    return [...out];
  }
}
