/**
 * The name statistics of the incremental `rewrites` state, read for just the names a run scores.
 *
 * State keys: `n:<word>` what is known of a word (`Word`): the documents with it capitalised, whether
 * it is seen capitalised mid-sentence and in lower case, and its list: the capitalised words within
 * `maxEdits` of it, in the order the deletion index finds them (`NameStats.close`); `x:<prefix>` the part of
 * the SymSpell deletion index whose deletions open with `prefix` (their first `PREFIX_LENGTH`
 * characters): each deletion's rest → the words with that deletion, in the order first counted.
 *
 * Why the lists: a name has some 30–50 deletions, so finding its neighbours through the
 * deletion index costs that many reads, for every name of every document scored; with its list, a
 * known name costs one read, whatever the corpus's size (its count, marks and list are one row: four
 * rows, `nd:`/`nm:`/`lw:`/`nb:`, until they were merged). Only a name new to the corpus goes
 * through the deletion index (to find its neighbours, and to be filed under its deletions), and it
 * joins the lists of the neighbours it finds. A name with no list (state written before lists
 * existed) is looked up through the deletion index too, and the list built is written with the
 * run's other changes when the run takes documents in after building it.
 *
 * Why `x:` rows by prefix, not by deletion: a row per deletion cost a new name ~43 reads and ~43
 * writes (some 100 of each per article of a 500-article batch); its deletions open with only ~10
 * different prefixes, and names close to each other share most of them, so a batch reads and writes
 * a few rows per article instead. A row keeps its deletions (not only its names, which would be
 * fewer bytes): the names of a row are a superset of those sharing a deletion, and testing each of
 * them against a new name (`osaDistance`) cost more CPU (1.5 ms per article) than the rows saved.
 */
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalInput } from '../resolve.js';
import { deletions, isDeletion, osaDistance } from './edit-distance.js';
import { lowerWords, maxEdits, MIN_NAME_LENGTH, NameStats, namesIn } from './names.js';

/** An `x:` row: the rest of each deletion (after the row's prefix) → the words with that deletion. */
type Row = Record<string, string[]>;

/**
 * An `n:` row: documents with the word capitalised (0: none), seen capitalised mid-sentence (1/0),
 * seen in lower case (1/0; kept for words of `MIN_NAME_LENGTH` or more only: a shorter word is never
 * looked up), and the list of a capitalised word when it has one.
 */
type Word = [count: number, mid: 0 | 1, lower: 0 | 1, list?: readonly string[]];

/**
 * Characters of a deletion that key its `x:` row. 3: a name's deletions open with ~10 prefixes (vs
 * ~43 deletions; 2 gives ~6 but rows of 120–150 names on the synthetic corpus, 4 gives ~15), and a
 * row holds ~4 names on 447 real articles, ~50 on the 10k synthetic corpus (its names are drawn from
 * few letters): measured with the corpora of `bench/incremental.ts` and `ukraine-gdelt-articles`.
 */
export const PREFIX_LENGTH = 3;

/** The `x:` rows a name is filed under: the distinct prefixes of its deletions. */
function prefixesOf(dels: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const d of dels) out.add(d.slice(0, PREFIX_LENGTH));
  return out;
}

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
  /** The `x:` rows loaded, by prefix, and those new names were filed in. */
  private readonly rows = new Map<string, Row>();
  private readonly grown = new Set<string>();

  constructor(private readonly state: IncrementalInput['state']) {
    super();
    // Names are filed in `rows` (`file`), not in `index`, and the lists built below are spliced into.
    this.closeMemo = null;
  }

  override close(key: string): readonly string[] {
    return this.lists.get(key) ?? this.newList(key);
  }

  /** Files a name new to the corpus under its deletions, in their rows (`load` read them). */
  protected override file(key: string): void {
    for (const d of this.deletionsOf(key)) {
      const p = d.slice(0, PREFIX_LENGTH);
      const row = this.rows.get(p);
      if (!row) throw new Error(`StoredNames: "${key}" counted in without being loaded first`);
      const rest = d.slice(PREFIX_LENGTH);
      if (Object.hasOwn(row, rest)) row[rest].push(key);
      else row[rest] = [key];
      this.grown.add(p);
    }
  }

  /** `NameStats.close` over the rows loaded (in place of `index`), as a new list of this run's own. */
  private newList(key: string): string[] {
    const found = new Set<string>();
    for (const d of this.deletionsOf(key)) {
      const row = this.rows.get(d.slice(0, PREFIX_LENGTH));
      const rest = d.slice(PREFIX_LENGTH);
      if (row && Object.hasOwn(row, rest)) for (const o of row[rest]) found.add(o);
    }
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
    const rows = [...new Set(lookup.flatMap((n) => [...this.prefixes(n)]))].filter((p) => !this.rows.has(p));
    const got = rows.length > 0 ? await this.state(rows.map((p) => `x:${p}`)) : new Map<string, unknown>();
    for (const p of rows) this.rows.set(p, (got.get(`x:${p}`) as Row | undefined) ?? {});
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
    const list = this.lists.get(w);
    const marks: [number, 0 | 1, 0 | 1] = [this.docFreq.get(w) ?? 0, this.mid.has(w) ? 1 : 0, this.lower.has(w) ? 1 : 0];
    return [`n:${w}`, (list ? [...marks, list] : marks) satisfies Word];
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
    const out: [string, unknown][] = [];
    for (const p of this.grown) out.push([`x:${p}`, this.rows.get(p)]);
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

  /** `deletions(key)` as arrays, for `firstShared`, and their prefixes (`prefixesOf`). */
  private readonly orders = new Map<string, string[]>();
  private readonly prefixSets = new Map<string, Set<string>>();
  private order(key: string): string[] {
    return this.orders.get(key) ?? this.orders.set(key, [...this.deletionsOf(key)]).get(key)!;
  }
  private prefixes(key: string): Set<string> {
    return this.prefixSets.get(key) ?? this.prefixSets.set(key, prefixesOf(this.deletionsOf(key))).get(key)!;
  }

  private readonly dels = new Map<string, Set<string>>();
  protected override deletionsOf(key: string): Set<string> {
    return this.dels.get(key) ?? this.dels.set(key, deletions(key)).get(key)!;
  }
}


/** The name entries of a full run: every word's row (counts, marks, list) and the deletion index's rows. */
export function nameState(names: NameStats): [string, unknown][] {
  const out: [string, unknown][] = [];
  // A shorter word is never looked up: names are at least `MIN_NAME_LENGTH` long.
  for (const w of new Set([...names.docFreq.keys(), ...[...names.lower].filter((w) => w.length >= MIN_NAME_LENGTH)])) {
    const marks: [number, 0 | 1, 0 | 1] = [names.docFreq.get(w) ?? 0, names.mid.has(w) ? 1 : 0, names.lower.has(w) ? 1 : 0];
    out.push([`n:${w}`, (names.docFreq.has(w) ? [...marks, names.close(w)] : marks) satisfies Word]);
  }
  const rows = new Map<string, Row>();
  for (const [d, keys] of names.index) {
    const p = d.slice(0, PREFIX_LENGTH);
    (rows.get(p) ?? rows.set(p, {}).get(p)!)[d.slice(PREFIX_LENGTH)] = [...keys];
  }
  for (const [p, row] of rows) out.push([`x:${p}`, row]);
  return out;
}
