/**
 * The rows of the incremental `rewrites` name state (`name-state.ts`): `n:<word>` what is known of a
 * word (`Word`), and `x:<prefix>` the part of the SymSpell deletion index whose deletions open with
 * `prefix` (their first `PREFIX_LENGTH` characters): each deletion's rest → the words with that
 * deletion, in the order first counted.
 *
 * Why `x:` rows by prefix, not by deletion: a row per deletion cost a new name ~43 reads and ~43
 * writes (some 100 of each per article of a 500-article batch); its deletions open with only ~10
 * different prefixes, and names close to each other share most of them, so a batch reads and writes
 * a few rows per article instead. A row keeps its deletions (not only its names, which would be
 * fewer bytes): the names of a row are a superset of those sharing a deletion, and testing each of
 * them against a new name (`osaDistance`) cost more CPU (1.5 ms per article) than the rows saved.
 */
import type { IncrementalInput } from '../resolve.js';
import { MIN_NAME_LENGTH, type NameStats } from './names.js';

/**
 * An `n:` row: documents with the word capitalised (0: none), seen capitalised mid-sentence (1/0),
 * seen in lower case (1/0; kept for words of `MIN_NAME_LENGTH` or more only: a shorter word is never
 * looked up), and the list of a capitalised word when it has one (`NameStats.close`).
 */
export type Word = [count: number, mid: 0 | 1, lower: 0 | 1, list?: readonly string[]];

/** The `n:` entry of a word from what is known of it. */
export function wordEntry(w: string, names: Pick<NameStats, 'docFreq' | 'mid' | 'lower'>, list: readonly string[] | undefined): [string, Word] {
  const marks: [number, 0 | 1, 0 | 1] = [names.docFreq.get(w) ?? 0, names.mid.has(w) ? 1 : 0, names.lower.has(w) ? 1 : 0];
  return [`n:${w}`, list ? [...marks, list] : marks];
}

/**
 * Characters of a deletion that key its `x:` row. 3: a name's deletions open with ~10 prefixes (vs
 * ~43 deletions; 2 gives ~6 but rows of 120–150 names on the synthetic corpus, 4 gives ~15), and a
 * row holds ~4 names on 447 real articles, ~50 on the 10k synthetic corpus (its names are drawn from
 * few letters): measured with the corpora of `bench/incremental.ts` and `ukraine-gdelt-articles`.
 */
export const PREFIX_LENGTH = 3;

/** An `x:` row: the rest of each deletion (after the row's prefix) → the words with that deletion. */
type Row = Record<string, string[]>;

/** The `x:` rows a name with deletions `dels` is filed under: their distinct prefixes. */
export function prefixesOf(dels: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const d of dels) out.add(d.slice(0, PREFIX_LENGTH));
  return out;
}

/** The `x:` rows a run loaded, read as `NameStats.index` is, and filed into. */
export class DeletionRows {
  private readonly rows = new Map<string, Row>();
  /** Rows new names were filed in. */
  private readonly grown = new Set<string>();

  constructor(private readonly state: IncrementalInput['state']) {}

  /** Reads the rows of `prefixes` not read before, in one read. */
  async load(prefixes: Iterable<string>): Promise<void> {
    const need = [...new Set(prefixes)].filter((p) => !this.rows.has(p));
    if (need.length === 0) return;
    const got = await this.state(need.map((p) => `x:${p}`));
    for (const p of need) this.rows.set(p, (got.get(`x:${p}`) as Row | undefined) ?? {});
  }

  /** Files `key` under its deletions `dels` (their rows loaded), after the words there. */
  file(key: string, dels: Iterable<string>): void {
    for (const d of dels) {
      const p = d.slice(0, PREFIX_LENGTH);
      const row = this.rows.get(p);
      if (!row) throw new Error(`DeletionRows: "${key}" filed without its rows loaded first`);
      const rest = d.slice(PREFIX_LENGTH);
      if (Object.hasOwn(row, rest)) row[rest].push(key);
      else row[rest] = [key];
      this.grown.add(p);
    }
  }

  /** The words filed under any of `dels`, in order of `dels`, then as filed (as `NameStats.close` finds them). */
  find(dels: Iterable<string>): Set<string> {
    const found = new Set<string>();
    for (const d of dels) {
      const row = this.rows.get(d.slice(0, PREFIX_LENGTH));
      const rest = d.slice(PREFIX_LENGTH);
      if (row && Object.hasOwn(row, rest)) for (const o of row[rest]) found.add(o);
    }
    return found;
  }

  /** The entries of the rows new names were filed in. */
  changed(): [string, Row][] {
    return [...this.grown].map((p) => [`x:${p}`, this.rows.get(p)!]);
  }
}

/** The name entries of a full run: every word's row (counts, marks, list) and the deletion index's rows. */
export function nameState(names: NameStats): [string, unknown][] {
  const out: [string, unknown][] = [];
  // A shorter word is never looked up: names are at least `MIN_NAME_LENGTH` long.
  for (const w of new Set([...names.docFreq.keys(), ...[...names.lower].filter((w) => w.length >= MIN_NAME_LENGTH)])) {
    out.push(wordEntry(w, names, names.docFreq.has(w) ? names.close(w) : undefined));
  }
  const rows = new Map<string, Row>();
  for (const [d, keys] of names.index) {
    const p = d.slice(0, PREFIX_LENGTH);
    (rows.get(p) ?? rows.set(p, {}).get(p)!)[d.slice(PREFIX_LENGTH)] = [...keys];
  }
  for (const [p, row] of rows) out.push([`x:${p}`, row]);
  return out;
}
