/**
 * A bounded memo for pure functions keyed by a string (a name, a document's text): the pipeline folds
 * the same names and tokenises the same texts many times over. When full it is emptied, which bounds
 * memory and costs nothing on a hit (an LRU would reorder on every hit; for these workloads — names
 * that recur everywhere, documents read in one pass after another — it keeps no more).
 */
export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  /** `limit`: entries kept before the memo is emptied. */
  constructor(private readonly limit: number) {}

  /** The value remembered for `key`, else `compute()` remembered. */
  get(key: string, compute: () => V): V {
    let value = this.values.get(key);
    if (value === undefined) {
      if (this.values.size >= this.limit) this.values.clear();
      value = compute();
      this.values.set(key, value);
    }
    return value;
  }

  /** Forgets everything remembered. */
  clear(): void {
    this.values.clear();
  }
}
