/**
 * The rows of the incremental `rewrites` name state (`name-state.ts`): `n:<word>` what is known of a
 * word (`Word`), and `x:<deletion>` the words with that SymSpell deletion, in the order first counted.
 *
 * Why a row per deletion still: rows of many deletions (by their first 3–5 characters) cut a new
 * name's ~43 reads and writes to 2–30, but each such row is read and written whole, and JSON costs
 * ~45 µs per KB read and ~12 µs per KB written here against ~4 and ~2.4 µs per row: on the 2k
 * synthetic corpus a 500-article batch read 11.6 KB per article instead of 0.7 KB, and rewrites
 * took more CPU (3.8 vs 2.9 ms per article); the bytes grow with the vocabulary, the rows do not.
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

/** The `x:` rows a run loaded (`x:<deletion>` → the words with it, in the order first counted), read as `NameStats.index` is, and filed into. */
export class DeletionRows {
  private readonly rows = new Map<string, string[]>();
  /** Rows new names were filed in. */
  private readonly grown = new Set<string>();

  constructor(private readonly state: IncrementalInput['state']) {}

  /** Reads the rows of the deletions `dels` not read before, in one read. */
  async load(dels: Iterable<string>): Promise<void> {
    const need = [...new Set(dels)].filter((d) => !this.rows.has(d));
    if (need.length === 0) return;
    const got = await this.state(need.map((d) => `x:${d}`));
    for (const d of need) this.rows.set(d, (got.get(`x:${d}`) as string[] | undefined) ?? []);
  }

  /** Files `key` under its deletions `dels` (their rows loaded), after the words there. */
  file(key: string, dels: Iterable<string>): void {
    for (const d of dels) {
      const row = this.rows.get(d);
      if (!row) throw new Error(`DeletionRows: "${key}" filed without its rows loaded first`);
      row.push(key);
      this.grown.add(d);
    }
  }

  /** The words filed under any of `dels`, in order of `dels`, then as filed (as `NameStats.close` finds them). */
  find(dels: Iterable<string>): Set<string> {
    const found = new Set<string>();
    for (const d of dels) for (const o of this.rows.get(d) ?? []) found.add(o);
    return found;
  }

  /** The entries of the rows new names were filed in. */
  changed(): [string, string[]][] {
    return [...this.grown].map((d) => [`x:${d}`, this.rows.get(d)!]);
  }
}

/** The name entries of a full run: every word's row (counts, marks, list) and the deletion index's rows. */
export function nameState(names: NameStats): [string, unknown][] {
  const out: [string, unknown][] = [];
  // A shorter word is never looked up: names are at least `MIN_NAME_LENGTH` long.
  for (const w of new Set([...names.docFreq.keys(), ...[...names.lower].filter((w) => w.length >= MIN_NAME_LENGTH)])) {
    out.push(wordEntry(w, names, names.docFreq.has(w) ? names.close(w) : undefined));
  }
  for (const [d, keys] of names.index) out.push([`x:${d}`, [...keys]]);
  return out;
}
