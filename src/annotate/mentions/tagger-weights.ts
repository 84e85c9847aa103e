/**
 * The tagger's weights laid out for tagging without building feature strings. Looking up
 * `w-1s=in|Xx` as a string means joining two strings into a new one and hashing it, for 36 templates
 * of every token, in a map of 30k entries whose weight vectors lie all over the heap (in the pipeline,
 * between documents, each lookup was a cache miss). Here every column value the model knows gets a
 * number (per column: ~4k words, 84 shapes, 20 POS tags), a template's value is one integer made of
 * its columns' numbers (a value with an unknown column is skipped without a lookup), small templates
 * find their row in a dense table and large ones in an integer map, and the rows are one contiguous
 * array. The weights found and the order in which they are added are those of the joined strings,
 * so the scores are the same to the last bit (the tagger test compares the two).
 */
import { TEMPLATE_DEFS, valueAt, type Column, type FeatureColumns } from './tagger-features.js';

/** The weights by integer feature value. */
export interface WeightIndex {
  /** Per column, its values' numbers (from 1; 0 is a value the model never saw). */
  ids: Map<Column, Map<string, number>>;
  /** Per template, each column's radix (its vocabulary size + 1): a key is the mixed-radix number of its columns' numbers. */
  radices: number[][];
  /** Per template, row + 1 by key: a dense table where the keys are few, else a map. */
  rows: (Int32Array | Map<number, number>)[];
  /** The weight vectors, `labels` numbers per row. */
  vectors: Float64Array;
}

/** Templates with at most this many possible keys get a dense table (≤ 256 kB each); measured: all but the word-pair ones. */
const DENSE_KEYS = 65_536;

/**
 * Indexes the weights by joined value. A value that does not split into one piece per column (a column
 * held a `|`) gets no key: tokens near a `|` are read through the joined strings (`FeatureColumns.bar`).
 */
export function indexWeights(weights: Map<string, ArrayLike<number>>[], labels: number): WeightIndex {
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
  const vectors = new Float64Array(numbered.reduce((s, e) => s + e.length, 0) * labels);
  let row = 0;
  const rows = TEMPLATE_DEFS.map((t, k) => {
    const size = radices[k].reduce((a, b) => a * b, 1);
    if (size > Number.MAX_SAFE_INTEGER) throw new Error(`tagger template ${t.name}: too many values to index`);
    const table = size <= DENSE_KEYS ? new Int32Array(size) : new Map<number, number>();
    for (const { digits, w } of numbered[k]) {
      let key = 0;
      for (let p = 0; p < digits.length; p++) key = key * radices[k][p] + digits[p];
      for (let y = 0; y < labels; y++) vectors[row * labels + y] = w[y];
      row++;
      if (table instanceof Map) table.set(key, row);
      else table[key] = row;
    }
    return table;
  });
  return { ids, radices, rows, vectors };
}

/** A column's numbers at each token a feature reads, and the numbers of the sentence-boundary markers. */
interface Numbered {
  at: Int32Array;
  before: number;
  after: number;
}

/**
 * Emission scores `scores[i * labels + y]` of every token inside a stretch, summing the weights of its
 * features in template order (tokens outside get zeros).
 */
export function emissionScores(index: WeightIndex, weights: Map<string, ArrayLike<number>>[], f: FeatureColumns, labels: number): Float64Array {
  const n = f.n;
  const scores = new Float64Array(n * labels);
  const numbers = new Map<Column, Numbered>();
  for (const [c, vocab] of index.ids) {
    const at = new Int32Array(n);
    const values = f.cols[c];
    for (let j = 0; j < n; j++) if (f.near[j]) at[j] = vocab.get(values[j]) ?? 0;
    numbers.set(c, { at, before: vocab.get('<s>') ?? 0, after: vocab.get('</s>') ?? 0 });
  }
  const unknown: Numbered = { at: new Int32Array(n), before: 0, after: 0 };
  const plans = TEMPLATE_DEFS.map((t, k) => ({
    cols: t.parts.map(([c]) => numbers.get(c) ?? unknown),
    offsets: t.parts.map(([, o]) => o),
    radices: index.radices[k],
    gate: t.when ? f[t.when] : null,
    rows: index.rows[k],
  }));
  const vectors = index.vectors;
  for (let i = 0; i < n; i++) {
    if (!f.inside[i]) continue;
    if (f.bar[i]) {
      addJoined(scores, i, labels, weights, f);
      continue;
    }
    for (const { cols, offsets, radices, gate, rows } of plans) {
      if (gate && !gate[i]) continue;
      let key = 0;
      for (let p = 0; p < cols.length && key >= 0; p++) {
        const j = i + offsets[p];
        const id = j < 0 ? cols[p].before : j >= n ? cols[p].after : cols[p].at[j];
        key = id === 0 ? -1 : key * radices[p] + id; // -1: a value the model never saw, no weights
      }
      if (key < 0) continue;
      const row = (rows instanceof Map ? (rows.get(key) ?? 0) : rows[key]) - 1;
      if (row >= 0) for (let y = 0; y < labels; y++) scores[i * labels + y] += vectors[row * labels + y];
    }
  }
  return scores;
}

/** Token `i`'s scores through the joined feature strings (a column near it holds a `|`). */
function addJoined(scores: Float64Array, i: number, labels: number, weights: Map<string, ArrayLike<number>>[], f: FeatureColumns): void {
  TEMPLATE_DEFS.forEach((t, k) => {
    const v = valueAt(f, t, i);
    const w = v === null ? undefined : weights[k].get(v);
    if (w) for (let y = 0; y < labels; y++) scores[i * labels + y] += w[y];
  });
}
