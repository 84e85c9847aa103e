/**
 * The name statistics of the incremental `rewrites` state, read for just the names a run scores.
 * State keys (`name-rows.ts`): `n:<word>` a word's counts, marks and list: the capitalised words
 * within `maxEdits` of it, in the order the deletion index finds them (`NameStats.close`);
 * `x:<deletion>` the deletion index.
 *
 * Why the lists: a name has some 30–50 deletions, so finding its neighbours through the deletion
 * index costs reads of many of its rows, for every name of every document scored; with its list, a
 * known name costs one read, whatever the corpus's size (its count, marks and list are one row: four
 * rows, `nd:`/`nm:`/`lw:`/`nb:`, until they were merged). Only a name new to the corpus goes
 * through the deletion index (to find its neighbours, and to be filed under its deletions), and it
 * joins the lists of the neighbours it finds. A name with no list (state written before lists
 * existed) is looked up through the deletion index too, and the list built is written with the
 * run's other changes when the run takes documents in after building it.
 */
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalInput } from '../resolve.js';
import { deletions, isDeletion, osaDistance } from './edit-distance.js';
import { DeletionRows, wordEntry, type Word } from './name-rows.js';
import { lowerWords, maxEdits, MIN_NAME_LENGTH, NameStats, namesIn } from './names.js';

export { nameState } from './name-rows.js';

/** `NameStats` loaded from resolver state on demand, and the state entries new documents change. */
export class StoredNames extends NameStats {
  /** Complete `close` lists of the names that have one loaded or built in this run. */
  private readonly lists = new Map<string, string[]>();
  /** The words whose `n:` row was read. */
  private readonly read = new Set<string>();
  /** Names whose neighbours were looked up through the deletion index. */
  private readonly lookedUp = new Set<string>();
  /** Stored names without a list that got one from the deletion index (written by `addDocs`). */
  private readonly built = new Set<string>();
  /** Words whose lower-case mark was read from the state (not written again). */
  private readonly storedLower = new Set<string>();
  /** The deletion index's rows loaded, in place of `index`. */
  private readonly rows: DeletionRows;

  constructor(private readonly state: IncrementalInput['state']) {
    super();
    this.rows = new DeletionRows(state);
    // Names are filed in `rows` (`file`), not in `index`, and the lists built below are spliced into.
    this.closeMemo = null;
  }

  override close(key: string): readonly string[] {
    return this.lists.get(key) ?? this.newList(key);
  }

  /** Files a name new to the corpus under its deletions, in their rows (`load` read them). */
  protected override file(key: string): void {
    this.rows.file(key, this.deletionsOf(key));
  }

  /** `NameStats.close` over the rows loaded (in place of `index`), as a new list of this run's own. */
  private newList(key: string): string[] {
    const found = this.rows.find(this.deletionsOf(key));
    found.delete(key);
    return [...found].filter((o) => osaDistance(key, o) <= maxEdits(key, o));
  }

  /**
   * Loads what scoring a document with `names` reads: those names and the names close to them.
   * `rare`: the close names of a stored name are loaded only when it is in one document, as only
   * then does `findMisspelledNames` read them (besides those in the same text, which are among
   * `names`); then `neighbours` of a more common name lists only those loaded.
   */
  async load(names: Iterable<string>, { rare = false } = {}): Promise<void> {
    const wanted = [...new Set(names)];
    await this.readWords(wanted);
    // Names without a list (new to the corpus, or older state) are found through the deletion index.
    const lookup = wanted.filter((n) => !this.lists.has(n) && !this.lookedUp.has(n));
    for (const n of lookup) this.lookedUp.add(n);
    await this.rows.load(lookup.flatMap((n) => [...this.deletionsOf(n)]));
    for (const n of lookup.filter((n) => this.docFreq.has(n))) {
      this.lists.set(n, this.newList(n));
      this.built.add(n);
    }
    // The close names: whether each is a name, and the lists a new name joins.
    const near = (ns: string[]) => [...new Set(ns.flatMap((n) => this.close(n)))];
    const [known, fresh] = [wanted.filter((n) => this.docFreq.has(n) && (!rare || this.docFreq.get(n) === 1)), wanted.filter((n) => !this.docFreq.has(n))];
    await this.readWords([...near(known), ...near(fresh)]);
  }

  /** Reads the `n:` rows of the words not read before, in one read. */
  private async readWords(all: string[]): Promise<void> {
    const words = [...new Set(all)].filter((w) => !this.read.has(w));
    for (const w of words) this.read.add(w);
    if (words.length === 0) return;
    for (const [k, v] of await this.state(words.map((w) => `n:${w}`))) {
      const w = k.slice(2);
      const [count, mid, lower, list] = v as Word;
      if (count > 0) this.docFreq.set(w, count);
      if (mid) this.mid.add(w);
      if (lower) {
        this.lower.add(w);
        this.storedLower.add(w);
      }
      if (list) this.lists.set(w, list as string[]);
    }
  }

  /** The `n:` row of `w` as it now is (read before: it is written whole). */
  private row(w: string): [string, Word] {
    if (!this.read.has(w)) throw new Error(`StoredNames: "${w}" written without being read first`);
    return wordEntry(w, this, this.lists.get(w));
  }

  /**
   * Counts new documents in (their names loaded first) and returns the name entries they changed.
   * Each name new to the corpus is filed under its deletions, gets its list, and joins the lists of
   * the names close to it at the place a deletion-index lookup would find it. The rows of the words
   * they write in lower case are read here, and written when the mark is new.
   */
  async addDocs(docs: NewsDoc[]): Promise<[string, unknown][]> {
    const names = new Set(docs.flatMap((d) => [...namesIn(d.text).keys()]));
    const lower = new Set(docs.flatMap((d) => lowerWords(d.text).filter((w) => w.length >= MIN_NAME_LENGTH)));
    await this.readWords([...lower]);
    const fresh = [...names].filter((n) => !this.docFreq.has(n));
    for (const d of docs) this.add(d);
    const out: [string, unknown][] = this.rows.changed();
    const isFresh = new Set(fresh);
    const changed = new Set([...names, ...this.built, ...[...lower].filter((w) => !this.storedLower.has(w))]);
    for (const n of fresh) this.lists.set(n, this.newList(n));
    for (const n of fresh) {
      for (const o of this.lists.get(n)!) {
        const list = this.lists.get(o);
        // A stored name without a list keeps none: a lookup through the deletion index finds `n`.
        if (isFresh.has(o) || !list) continue;
        // The list is ordered by `firstShared`; `n`, counted last, goes after every name of its rank.
        const rank = this.firstShared(o, n);
        let [lo, hi] = [0, list.length];
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (this.firstShared(o, list[mid]) <= rank) lo = mid + 1;
          else hi = mid;
        }
        list.splice(lo, 0, n);
        changed.add(o);
      }
    }
    for (const w of changed) out.push(this.row(w));
    return out;
  }

  /** The place in `deletions(key)` of the first deletion `other` shares, which orders `key`'s close names. */
  private firstShared(key: string, other: string): number {
    const order = this.order(key);
    // Only deletions `other` can have: as long as it, or up to two shorter (`deletions` runs longest first).
    let i = 0;
    while (i < order.length && order[i].length > other.length) i++;
    for (; i < order.length && order[i].length >= other.length - 2; i++) if (isDeletion(order[i], other)) return i;
    return order.length;
  }

  /** `deletions(key)` as arrays, for `firstShared`. */
  private readonly orders = new Map<string, string[]>();
  private order(key: string): string[] {
    return this.orders.get(key) ?? this.orders.set(key, [...this.deletionsOf(key)]).get(key)!;
  }

  private readonly dels = new Map<string, Set<string>>();
  protected override deletionsOf(key: string): Set<string> {
    return this.dels.get(key) ?? this.dels.set(key, deletions(key)).get(key)!;
  }
}

