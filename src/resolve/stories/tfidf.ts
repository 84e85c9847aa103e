/**
 * TF-IDF vectors over key terms, kept to each document's strongest terms. Document frequencies are
 * incremental (`DocFreq.add`), so a new document is weighed against the corpus seen so far.
 */

/**
 * Terms kept per document vector. Swept on MEANTIME and the synthetic corpus (`bench/stories.ts`):
 * 25 and 40 truncate away the shared vocabulary of reports of one story (MEANTIME B³ F1 ≤ 35 at the
 * chosen similarity); 100 keeps nearly all of a news article's distinct key terms.
 */
export const TOP_TERMS = 100;

/** Document frequencies of terms. */
export class DocFreq {
  n = 0;
  readonly df = new Map<string, number>();

  add(terms: Iterable<string>): void {
    this.n++;
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /** Smoothed inverse document frequency (scikit-learn's `smooth_idf`): never zero, even in tiny corpora. */
  idf(term: string): number {
    return Math.log((1 + this.n) / (1 + (this.df.get(term) ?? 0))) + 1;
  }
}

/** A unit-length sparse vector of the `TOP_TERMS` strongest terms, weight (1 + ln tf) × idf, strongest first. */
export function tfidf(counts: Map<string, number>, df: DocFreq): Map<string, number> {
  const weighted = [...counts].map(([t, c]) => [t, (1 + Math.log(c)) * df.idf(t)] as [string, number]);
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = weighted.slice(0, TOP_TERMS);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return new Map(top.map(([t, w]) => [t, w / norm]));
}

/** Cosine of a unit vector with any sparse vector of the given norm. */
export function cosine(unit: Map<string, number>, other: Map<string, number>, otherNorm: number): number {
  if (otherNorm === 0) return 0;
  let dot = 0;
  for (const [t, w] of unit) dot += w * (other.get(t) ?? 0);
  return dot / otherNorm;
}
