/**
 * The tagger's weights laid out for tagging without building feature strings. Looking up
 * `w-1s=in|Xx` as a string means joining two strings into a new one and hashing it, for 36 templates
 * of every token, in a map of 30k entries whose weight vectors lie all over the heap (in the pipeline,
 * between documents, each lookup was a cache miss). Here every column value the model knows gets a
 * number (per column: ~4k words, 84 shapes, 20 POS tags), a template's value is one integer made of
 * its columns' numbers (a value with an unknown column is skipped without a lookup), small templates
 * find their row in a dense table and large ones in an integer hash table (`tagger-tables.ts`), and
 * the rows are shared 16-bit codes in one small array. The weights found and the order in which they are added are those of the joined strings,
 * so the scores are the same to the last bit (the tagger test compares the two).
 */
import { TEMPLATE_DEFS, valueAt, type Column, type FeatureColumns } from './tagger-features.js';
import { hashTable, lookup, sharedRows } from './tagger-tables.js';
import { columnNumbers, PAD } from './tagger-numbers.js';

/** The weights by integer feature value. */
export interface WeightIndex {
  /** Per column, its values' numbers (from 1; 0 is a value the model never saw). */
  ids: Map<Column, Map<string, number>>;
  /** Per template, each column's radix (its vocabulary size + 1): a key is the mixed-radix number of its columns' numbers. */
  radices: number[][];
  /**
   * Per template, row + 1 by key: a dense table where the keys are few, else an open-addressing hash
   * table (`hashed`: keys and rows + 1 interleaved, a power of two of slots, key 0 for an empty slot:
   * keys are never 0, every column number being ≥ 1). One kind of array for both, so the lookup loop
   * stays monomorphic; a `Map` with number keys was a third of the tagger's time.
   */
  rows: Int32Array[];
  hashed: boolean[];
  /**
   * The weight vectors, `labels` numbers per row, as numbers of `values`: the model has ~1.5k distinct
   * weights and ~12.6k distinct vectors among ~30k features, so rows are shared and each weight is a
   * 16-bit code (≈180 kB instead of 1.65 MB of doubles, which in the pipeline, between documents, are
   * mostly cache misses). The doubles added are the same ones, so the sums are too.
   */
  codes: Uint16Array | Uint32Array;
  values: Float64Array;
}

/** Templates with at most this many possible keys get a dense table (≤ 256 kB each); measured: all but the word-pair ones. */
const DENSE_KEYS = 65_536;

/**
 * Indexes the weights by joined value. A value that does not split into one piece per column (a column
 * held a `|`) gets no key: tokens near a `|` are read through the joined strings (`FeatureColumns.bar`).
 */
export function indexWeights(weights: Map<string, ArrayLike<number>>[], labels: number): WeightIndex {
  for (const t of TEMPLATE_DEFS) {
    if (t.parts.length > 3 || t.parts.some(([, o]) => Math.abs(o) > PAD)) throw new Error(`tagger template ${t.name}: more than 3 columns or an offset beyond ${PAD} (emissionScores reads at most those)`);
  }
  const ids = new Map<Column, Map<string, number>>();
  const vocabOf = (c: Column) => ids.get(c) ?? ids.set(c, new Map()).get(c)!;
  // one pass: each value's columns numbered (in the order met), kept with its weights
  const numbered = TEMPLATE_DEFS.map((t, k) => {
    const vocabs = t.parts.map(([c]) => vocabOf(c));
    const out: { digits: number[]; w: ArrayLike<number> }[] = [];
    for (const [value, w] of weights[k]) {
      const pieces = vocabs.length === 1 ? [value] : value.split('|');
      if (pieces.length !== vocabs.length) continue;
      const digits = pieces.map((piece, p) => {
        let id = vocabs[p].get(piece);
        if (id === undefined) vocabs[p].set(piece, (id = vocabs[p].size + 1));
        return id;
      });
      out.push({ digits, w });
    }
    return out;
  });
  const radices = TEMPLATE_DEFS.map((t) => t.parts.map(([c]) => ids.get(c)!.size + 1));
  const { rowOf, values, codes } = sharedRows(numbered.flatMap((e) => e.map(({ w }) => w)), labels);
  let feature = 0;
  const hashed: boolean[] = [];
  const rows = TEMPLATE_DEFS.map((t, k) => {
    const size = radices[k].reduce((a, b) => a * b, 1);
    if (size > 2 ** 31 - 1) throw new Error(`tagger template ${t.name}: too many values to index`);
    const entries: [number, number][] = [];
    for (const { digits } of numbered[k]) {
      let key = 0;
      for (let p = 0; p < digits.length; p++) key = key * radices[k][p] + digits[p];
      entries.push([key, rowOf[feature++] + 1]);
    }
    hashed.push(size > DENSE_KEYS);
    if (size > DENSE_KEYS) return hashTable(entries);
    const table = new Int32Array(size);
    for (const [key, r] of entries) table[key] = r;
    return table;
  });
  return { ids, radices, rows, hashed, codes, values };
}

/**
 * Emission scores `scores[i * labels + y]` of every token inside a stretch, summing the weights of its
 * features in template order (tokens outside get zeros). Each column's numbers are laid out with the
 * sentence-boundary markers in `PAD` cells either side, so a feature at offset `o` of token `i` is
 * cell `i + o + PAD` without a bounds test.
 */
export function emissionScores(index: WeightIndex, weights: Map<string, ArrayLike<number>>[], f: FeatureColumns, labels: number): Float64Array {
  const n = f.n;
  const scores = new Float64Array(n * labels);
  const numbers = columnNumbers(index, f);
  const unknown = new Int32Array(n + 2 * PAD);
  const plans: Plan[] = TEMPLATE_DEFS.map((t, k) => {
    const cols = t.parts.map(([c]) => numbers.get(c) ?? unknown);
    const offsets = t.parts.map(([, o]) => o + PAD);
    return {
      size: cols.length,
      c0: cols[0], c1: cols[1] ?? unknown, c2: cols[2] ?? unknown,
      o0: offsets[0], o1: offsets[1] ?? 0, o2: offsets[2] ?? 0,
      r1: index.radices[k][1] ?? 0, r2: index.radices[k][2] ?? 0,
      gate: t.when ? f[t.when] : null,
      table: index.rows[k],
      hashed: index.hashed[k],
    };
  });
  const codes = index.codes;
  const values = index.values;
  for (let i = 0; i < n; i++) {
    if (!f.inside[i]) continue;
    if (f.bar[i]) {
      addJoined(scores, i, labels, weights, f);
      continue;
    }
    const out = i * labels;
    if (labels === 7) {
      // the shipped model's seven labels summed in locals and stored once: the same additions in the
      // same order from the same 0, so the same doubles, without a load and a store per weight
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
      for (let k = 0; k < plans.length; k++) {
        const row = rowAt(plans[k], i);
        if (row < 0) continue;
        const from = row * 7;
        s0 += values[codes[from]];
        s1 += values[codes[from + 1]];
        s2 += values[codes[from + 2]];
        s3 += values[codes[from + 3]];
        s4 += values[codes[from + 4]];
        s5 += values[codes[from + 5]];
        s6 += values[codes[from + 6]];
      }
      scores[out] = s0;
      scores[out + 1] = s1;
      scores[out + 2] = s2;
      scores[out + 3] = s3;
      scores[out + 4] = s4;
      scores[out + 5] = s5;
      scores[out + 6] = s6;
      continue;
    }
    for (let k = 0; k < plans.length; k++) {
      const row = rowAt(plans[k], i);
      if (row < 0) continue;
      const from = row * labels;
      for (let y = 0; y < labels; y++) scores[out + y] += values[codes[from + y]];
    }
  }
  return scores;
}

/** How `emissionScores` reads one template: its columns, their offsets and radices, its gate and its table. */
interface Plan {
  size: number;
  c0: Int32Array;
  c1: Int32Array;
  c2: Int32Array;
  o0: number;
  o1: number;
  o2: number;
  r1: number;
  r2: number;
  gate: ArrayLike<boolean> | null;
  table: Int32Array;
  hashed: boolean;
}

/** The weight row of template `p` at token `i`, or -1 (it does not apply, or a column value or the joined value is unknown to the model). */
function rowAt(p: Plan, i: number): number {
  if (p.gate !== null && !p.gate[i]) return -1;
  // a column number 0 is a value the model never saw: no weights
  let key = p.c0[i + p.o0];
  if (key === 0) return -1;
  if (p.size > 1) {
    const d1 = p.c1[i + p.o1];
    if (d1 === 0) return -1;
    key = key * p.r1 + d1;
    if (p.size > 2) {
      const d2 = p.c2[i + p.o2];
      if (d2 === 0) return -1;
      key = key * p.r2 + d2;
    }
  }
  return (p.hashed ? lookup(p.table, key) : p.table[key]) - 1;
}

/** Token `i`'s scores through the joined feature strings (a column near it holds a `|`). */
function addJoined(scores: Float64Array, i: number, labels: number, weights: Map<string, ArrayLike<number>>[], f: FeatureColumns): void {
  TEMPLATE_DEFS.forEach((t, k) => {
    const v = valueAt(f, t, i);
    const w = v === null ? undefined : weights[k].get(v);
    if (w) for (let y = 0; y < labels; y++) scores[i * labels + y] += w[y];
  });
}
