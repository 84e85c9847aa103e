/**
 * The tagger's weights indexed for tagging without building feature strings. Looking up
 * `w-1s=in|Xx` as a string means joining two strings into a new one and hashing it, for 36 templates
 * of every token. Here every column value the model knows gets a number (per column: the model knows
 * ~4k words, 84 shapes, 20 POS tags), a template's value becomes one integer made of its columns'
 * numbers, and a value with an unknown column is skipped without any lookup. The weights found and the
 * order in which they are added are those of the joined strings, so the scores are the same to the
 * last bit (the tagger test compares the two).
 */
import { TEMPLATE_DEFS, valueAt, type Column, type FeatureColumns } from './tagger-features.js';

/** The weights by integer feature value: per column, its values' numbers (from 1; 0 is unknown); per template, the weights by key. */
export interface WeightIndex {
  ids: Map<Column, Map<string, number>>;
  byKey: Map<number, ArrayLike<number>>[];
}

/** The most columns a template joins. */
const MAX_PARTS = 3;

/** Key of a template's value from its columns' numbers: mixed-radix digits, each column's radix its vocabulary size + 1. */
function keyOf(digits: number[], radices: number[]): number {
  let key = 0;
  for (let p = 0; p < digits.length; p++) key = key * radices[p] + digits[p];
  return key;
}

/**
 * Indexes the weights by joined value. A value that does not split into one piece per column (a column
 * held a `|`) gets no key: tokens near a `|` are read through the joined strings (`FeatureColumns.bar`).
 */
export function indexWeights(weights: Map<string, ArrayLike<number>>[]): WeightIndex {
  const ids = new Map<Column, Map<string, number>>();
  const split = TEMPLATE_DEFS.map((t, k) => [...weights[k]].map(([value, w]) => ({ pieces: t.parts.length === 1 ? [value] : value.split('|'), w })).filter((e) => e.pieces.length === t.parts.length));
  TEMPLATE_DEFS.forEach((t, k) => {
    for (const { pieces } of split[k]) {
      t.parts.forEach(([c], p) => {
        const vocab = ids.get(c) ?? ids.set(c, new Map()).get(c)!;
        if (!vocab.has(pieces[p])) vocab.set(pieces[p], vocab.size + 1);
      });
    }
  });
  const radices = TEMPLATE_DEFS.map((t) => t.parts.map(([c]) => (ids.get(c)?.size ?? 0) + 1));
  // keys stay exact integers up to 2^53 (and small integers, the fastest keys, up to 2^30: today's ≤ 2^25)
  for (const [k, r] of radices.entries()) if (r.reduce((a, b) => a * b, 1) > Number.MAX_SAFE_INTEGER) throw new Error(`tagger template ${TEMPLATE_DEFS[k].name}: too many values to index`);
  const byKey = TEMPLATE_DEFS.map((t, k) => new Map(split[k].map(({ pieces, w }) => [keyOf(pieces.map((s, p) => ids.get(t.parts[p][0])!.get(s)!), radices[k]), w])));
  return { ids, byKey };
}

/**
 * Emission scores `scores[i * labels + y]` of every token inside a stretch, summing the weights of its
 * features in template order (tokens outside get zeros).
 */
export function emissionScores(index: WeightIndex, weights: Map<string, ArrayLike<number>>[], f: FeatureColumns, labels: number): Float64Array {
  const n = f.n;
  const scores = new Float64Array(n * labels);
  // each column's numbers, for the tokens a feature reads (two either side of a stretch), and of the
  // sentence-boundary markers; then each template's columns, offsets, radices and gate
  const numbers = new Map<Column, { at: Int32Array; before: number; after: number }>();
  for (const [c, vocab] of index.ids) {
    const at = new Int32Array(n);
    const values = f.cols[c];
    for (let j = 0; j < n; j++) if (f.near[j]) at[j] = vocab.get(values[j]) ?? 0;
    numbers.set(c, { at, before: vocab.get('<s>') ?? 0, after: vocab.get('</s>') ?? 0 });
  }
  // flat per (template, column): the column's numbers, its markers, offset and radix (at most MAX_PARTS columns)
  const K = TEMPLATE_DEFS.length;
  const colAt: Int32Array[] = [];
  const meta = new Int32Array(K * MAX_PARTS * 4); // before, after, offset, radix
  const width = new Int32Array(K);
  const gates: (boolean[] | null)[] = [];
  const empty = new Int32Array(n);
  for (let k = 0; k < K; k++) {
    const t = TEMPLATE_DEFS[k];
    width[k] = t.parts.length;
    gates.push(t.when ? f[t.when] : null);
    for (let p = 0; p < t.parts.length; p++) {
      const [c, o] = t.parts[p];
      const col = numbers.get(c);
      colAt.push(col?.at ?? empty);
      const m = (k * MAX_PARTS + p) * 4;
      meta[m] = col?.before ?? 0;
      meta[m + 1] = col?.after ?? 0;
      meta[m + 2] = o;
      meta[m + 3] = (index.ids.get(c)?.size ?? 0) + 1;
    }
    for (let p = t.parts.length; p < MAX_PARTS; p++) colAt.push(empty);
  }
  for (let i = 0; i < n; i++) {
    if (!f.inside[i]) continue;
    for (let k = 0; k < K; k++) {
      let w: ArrayLike<number> | undefined;
      if (f.bar[i]) {
        const v = valueAt(f, TEMPLATE_DEFS[k], i);
        w = v === null ? undefined : weights[k].get(v);
      } else {
        const gate = gates[k];
        if (gate !== null && !gate[i]) continue;
        let key = 0;
        for (let p = 0; p < width[k]; p++) {
          const m = (k * MAX_PARTS + p) * 4;
          const j = i + meta[m + 2];
          const id = j < 0 ? meta[m] : j >= n ? meta[m + 1] : colAt[k * MAX_PARTS + p][j];
          if (id === 0) {
            key = -1; // a value the model never saw: no weights
            break;
          }
          key = key * meta[m + 3] + id;
        }
        w = key < 0 ? undefined : index.byKey[k].get(key);
      }
      if (w !== undefined) for (let y = 0; y < labels; y++) scores[i * labels + y] += w[y];
    }
  }
  return scores;
}
