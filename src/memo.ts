/**
 * A bounded memo for pure functions keyed by a string (a name, a document's text): the pipeline folds
 * the same names and tokenises the same texts many times over. When full it is emptied, which bounds
 * memory and costs nothing on a hit (an LRU would reorder on every hit; for these workloads — names
 * that recur everywhere, documents read in one pass after another — it keeps no more).
 *
 * Every memo of a thread is also listed, so `forgetMemos` can empty them all at once: a long ingest's
 * resolution does so after each resolver and when it ends, see `resolve/resolve.ts`.
 */
export class BoundedMemo<V> {
  /** Every memo made in this thread (weakly: a memo made in a function is collected with it). */
  private static readonly all = new Set<WeakRef<BoundedMemo<unknown>>>();
  private readonly values = new Map<string, V>();

  /** `limit`: entries kept before the memo is emptied. */
  constructor(private readonly limit: number) {
    BoundedMemo.all.add(new WeakRef(this));
  }

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

  /** Empties every memo of this thread (see `forgetMemos`). */
  static clearAll(): void {
    for (const ref of BoundedMemo.all) {
      const memo = ref.deref();
      if (memo) memo.clear();
      else BoundedMemo.all.delete(ref);
    }
  }
}

/**
 * Empties every `BoundedMemo` of this thread. Memos are caches of pure functions, so this changes no
 * result, only what is kept: the resolver's memos are keyed by the documents' texts and names of one
 * step, and filled up to their limits they held ~80 MB of the resolver thread's heap between steps
 * (measured, heap snapshot of an incremental step of 1,000 documents over 10k: the names of 2,048
 * texts 47 MB, name pairs 9 MB, blocks 7 MB, name keys 5 MB, ...), texts that the next step's
 * documents no longer need; those were alive on top of the next step's own.
 */
export function forgetMemos(): void {
  BoundedMemo.clearAll();
}
